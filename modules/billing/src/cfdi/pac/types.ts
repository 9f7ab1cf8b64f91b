import { ServiceError } from '@petfriendly/core';
import type { MotivoCancelacion } from '../catalogs';

export interface StampMeta {
  /** Our own reference for the document (invoice id or number); Facturama shows it as OrderNumber. */
  reference?: string;
}

export interface StampResult {
  uuid: string;
  /** The stamped CFDI, with tfd:TimbreFiscalDigital. */
  xml: string;
  /** FechaTimbrado, as in the TFD (Mexico City time, YYYY-MM-DDTHH:mm:ss). */
  stampedAt: string;
  satCertificateNumber: string;
  /** The PAC's own id for the document; Facturama needs it to cancel. Store it. */
  pacId?: string;
}

export interface CancelInput {
  uuid: string;
  issuerRfc: string;
  motive: MotivoCancelacion;
  /** Required with motive 01: the UUID of the CFDI that replaces this one. */
  replacementUuid?: string;
  pacId?: string;
}

export interface CancelResult {
  /** `pending` when the receiver has to accept the cancellation (the SAT gives them 72 hours). */
  status: 'cancelled' | 'pending';
  /** The SAT's acuse de cancelación (XML), when the PAC returns it. */
  acuse?: string;
}

export interface PacProvider {
  readonly name: string;
  /** False for the local provider: nothing is stamped and `stamp` throws CfdiNotStampedError. */
  readonly stamps: boolean;
  stamp(sealedXml: string, meta?: StampMeta): Promise<StampResult>;
  cancel(input: CancelInput): Promise<CancelResult>;
}

/** The PAC refused or failed. `pacMessage` is the PAC's own text (with the SAT's CFDI40xxx code when it gives one). */
export class PacError extends ServiceError {
  override readonly statusCode: number;
  readonly pacStatus: number | null;
  readonly pacMessage: string;
  /** True for outages and timeouts: the same request may succeed later. */
  readonly retryable: boolean;

  constructor(
    code: string,
    message: string,
    options: { pacStatus?: number | null; pacMessage?: string; retryable?: boolean; statusCode?: number; details?: Record<string, unknown> } = {},
  ) {
    super(code, message, { pacStatus: options.pacStatus ?? null, ...options.details });
    this.pacStatus = options.pacStatus ?? null;
    this.pacMessage = options.pacMessage ?? message;
    this.retryable = options.retryable ?? false;
    this.statusCode = options.statusCode ?? 502;
  }
}

/** No PAC stamps in this installation: the CFDI stays sealed and unstamped, without fiscal validity. */
export class CfdiNotStampedError extends ServiceError {
  override readonly statusCode = 409;
  constructor(message = 'No PAC is configured: the CFDI is sealed but not stamped, and has no fiscal validity.') {
    super('billing.cfdi_not_stamped', message);
  }
}
