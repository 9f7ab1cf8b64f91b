import { ValidationError } from '@petfriendly/core';
import { readTimbre } from '../read-cfdi';
import { facturamaCfdiRequest } from './facturama-request';
import { type CancelInput, type CancelResult, PacError, type PacProvider, type StampMeta, type StampResult } from './types';

export interface FacturamaOptions {
  environment: 'sandbox' | 'production';
  user: string;
  password: string;
  /** Overrides the host (tests, proxies). */
  baseUrl?: string;
  /** Per request; stamping can take several seconds. Default 60 s. */
  timeoutMs?: number;
}

const HOSTS = { sandbox: 'https://apisandbox.facturama.mx', production: 'https://api.facturama.mx' };

interface FacturamaCreated {
  Id?: string;
  Complement?: { TaxStamp?: { Uuid?: string; Date?: string; SatCertNumber?: string } };
}

/** Facturama's error body: `{ Message, ModelState: { "field": ["…"] } }`, sometimes plain text. */
function pacMessageOf(body: string): string {
  try {
    const parsed = JSON.parse(body) as { Message?: string; message?: string; ModelState?: Record<string, string[]> };
    const details = Object.entries(parsed.ModelState ?? {}).flatMap(([field, messages]) => messages.map((m) => (field ? `${field}: ${m}` : m)));
    const message = [parsed.Message ?? parsed.message, ...details].filter(Boolean).join(' ');
    if (message) return message;
  } catch {
    // not JSON: use the text as it is
  }
  return body.trim().slice(0, 2000) || 'no message';
}

/**
 * Facturama's multi-emisor API ("api-lite"): the issuer's CSD is uploaded once to Facturama
 * (POST /api-lite/csds with Rfc, Certificate, PrivateKey base64 and PrivateKeyPassword); each CFDI is
 * sent as JSON to POST /api-lite/3/cfdis, where Facturama seals and stamps it, and the stamped XML is
 * fetched from GET /cfdi/xml/issuedLite/{id}. Cancelling is DELETE /api-lite/cfdis/{id}?motive=…
 * with uuidReplacement for motive 01. Basic auth with the Facturama user and password.
 */
export class FacturamaPac implements PacProvider {
  readonly name = 'facturama';
  readonly stamps = true;
  private readonly baseUrl: string;
  private readonly auth: string;
  private readonly timeoutMs: number;

  constructor(options: FacturamaOptions) {
    this.baseUrl = (options.baseUrl ?? HOSTS[options.environment]).replace(/\/+$/, '');
    this.auth = `Basic ${Buffer.from(`${options.user}:${options.password}`, 'utf8').toString('base64')}`;
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  private async request(method: string, path: string, body?: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { Authorization: this.auth, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new PacError('billing.pac_unavailable', `Facturama could not be reached: ${(error as Error).message}`, { retryable: true, statusCode: 503 });
    }
    const text = await response.text();
    if (response.ok) {
      try {
        return text ? JSON.parse(text) : {};
      } catch {
        throw new PacError('billing.pac_bad_response', `Facturama answered ${response.status} with something that is not JSON.`, {
          pacStatus: response.status,
        });
      }
    }
    const pacMessage = pacMessageOf(text);
    if (response.status === 401 || response.status === 403) {
      throw new PacError('billing.pac_auth_failed', `Facturama refused the credentials (${response.status}): ${pacMessage}`, {
        pacStatus: response.status,
        pacMessage,
      });
    }
    if (response.status >= 500 || response.status === 429) {
      throw new PacError('billing.pac_unavailable', `Facturama is unavailable (${response.status}): ${pacMessage}`, {
        pacStatus: response.status,
        pacMessage,
        retryable: true,
        statusCode: 503,
      });
    }
    throw new PacError('billing.pac_rejected', `Facturama rejected the request: ${pacMessage}`, { pacStatus: response.status, pacMessage, statusCode: 422 });
  }

  /**
   * Uploads the issuer's CSD to Facturama, which seals with it (POST /api-lite/csds; `replace` updates
   * the one already there with PUT /api-lite/csds/{rfc}). Needed once per RFC and again on renewal.
   */
  async uploadCsd(input: { rfc: string; cer: Buffer; key: Buffer; password: string }, options: { replace?: boolean } = {}): Promise<void> {
    const body = { Rfc: input.rfc, Certificate: input.cer.toString('base64'), PrivateKey: input.key.toString('base64'), PrivateKeyPassword: input.password };
    if (options.replace) await this.request('PUT', `/api-lite/csds/${encodeURIComponent(input.rfc)}`, body);
    else await this.request('POST', '/api-lite/csds', body);
  }

  /** The stamped XML of a document Facturama holds (its Id from stamp()). */
  async fetchXml(pacId: string): Promise<string> {
    const file = (await this.request('GET', `/cfdi/xml/issuedLite/${encodeURIComponent(pacId)}`)) as { Content?: string };
    if (!file.Content) throw new PacError('billing.pac_bad_response', `Facturama returned no XML for ${pacId}.`);
    return Buffer.from(file.Content, 'base64').toString('utf8');
  }

  async stamp(sealedXml: string, meta: StampMeta = {}): Promise<StampResult> {
    const created = (await this.request('POST', '/api-lite/3/cfdis', facturamaCfdiRequest(sealedXml, meta.reference))) as FacturamaCreated;
    const pacId = created.Id;
    if (!pacId) throw new PacError('billing.pac_bad_response', 'Facturama accepted the CFDI but returned no Id.');
    let xml: string;
    try {
      xml = await this.fetchXml(pacId);
    } catch (error) {
      // Stamped at the SAT already: whoever retries must fetch, not stamp again.
      const stamp = created.Complement?.TaxStamp;
      throw new PacError(
        'billing.pac_xml_unavailable',
        `The CFDI was stamped (UUID ${stamp?.Uuid ?? 'unknown'}) but its XML could not be downloaded; fetch it again with fetchXml("${pacId}").`,
        {
          retryable: true,
          details: { pacId, uuid: stamp?.Uuid ?? null, cause: (error as Error).message },
        },
      );
    }
    const timbre = readTimbre(xml);
    const stamp = created.Complement?.TaxStamp;
    const uuid = timbre?.uuid ?? stamp?.Uuid;
    if (!uuid) throw new PacError('billing.pac_bad_response', `Facturama's XML for ${pacId} has no TimbreFiscalDigital.`, { details: { pacId } });
    return {
      uuid: uuid.toUpperCase(),
      xml,
      stampedAt: timbre?.fechaTimbrado ?? stamp?.Date ?? '',
      satCertificateNumber: timbre?.noCertificadoSat ?? stamp?.SatCertNumber ?? '',
      pacId,
    };
  }

  async cancel(input: CancelInput): Promise<CancelResult> {
    if (!input.pacId)
      throw ValidationError.forField('billing.pac_id_required', 'pacId', 'Facturama cancels by its own document id: pass the pacId stamp() returned');
    if (input.motive === '01' && !input.replacementUuid) {
      throw ValidationError.forField('billing.cancel_replacement_required', 'replacementUuid', 'motive 01 needs the UUID of the CFDI that replaces this one');
    }
    const query = new URLSearchParams({ motive: input.motive });
    if (input.motive === '01') query.set('uuidReplacement', input.replacementUuid!);
    const result = (await this.request('DELETE', `/api-lite/cfdis/${encodeURIComponent(input.pacId)}?${query}`)) as {
      Status?: string;
      Message?: string;
      AcuseXmlBase64?: string;
    };
    const acuse = result.AcuseXmlBase64 ? Buffer.from(result.AcuseXmlBase64, 'base64').toString('utf8') : undefined;
    const status = (result.Status ?? '').toLowerCase();
    if (status === 'canceled' || status === 'cancelled') return { status: 'cancelled', acuse };
    if (['pending', 'requested', 'inprocess', 'in_process'].includes(status)) return { status: 'pending', acuse };
    throw new PacError('billing.pac_cancel_refused', `Facturama did not cancel ${input.uuid}: ${result.Message ?? `status ${result.Status ?? 'unknown'}`}`, {
      pacMessage: result.Message ?? '',
      statusCode: 422,
    });
  }
}
