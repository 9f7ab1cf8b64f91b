import { CfdiNotStampedError, type PacProvider } from './types';

/**
 * The embedded default: no PAC. The billing service keeps the sealed XML marked unstamped (its PDF says
 * "SIN TIMBRAR"), so `stamp` always throws CfdiNotStampedError and `stamps` is false. Cancelling is
 * local only, since the SAT never saw the document.
 */
export class LocalPac implements PacProvider {
  readonly name = 'local';
  readonly stamps = false;

  async stamp(): Promise<never> {
    throw new CfdiNotStampedError();
  }

  async cancel(): Promise<{ status: 'cancelled' }> {
    return { status: 'cancelled' };
  }
}
