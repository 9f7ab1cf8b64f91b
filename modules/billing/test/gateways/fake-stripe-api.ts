import type { IncomingHttpHeaders } from 'node:http';
import { type ScriptedResponse, startLoopbackServer } from '@petfriendly/testing';

export interface RecordedStripeRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The form-encoded body Stripe's client sends, decoded (`metadata[invoice_id]` stays a flat key). */
  form: Record<string, string>;
}

export type ScriptedAnswer = ScriptedResponse;

/** Test support: a fake Stripe API on the loopback server, its requests read as Stripe sends them (form-encoded). */
export async function startFakeStripeApi() {
  const server = await startLoopbackServer({
    fallback: { status: 500, body: { error: { type: 'api_error', message: 'no scripted answer' } } },
    headers: (count) => ({ 'Request-Id': `req_${count}` }),
  });
  return {
    baseUrl: server.baseUrl,
    get requests(): RecordedStripeRequest[] {
      return server.requests.map(({ method, path: url, headers, body }) => {
        const [path = '', query = ''] = url.split('?');
        return { method, path, headers, form: Object.fromEntries(new URLSearchParams(body || query)) };
      });
    },
    answer(...scripted: ScriptedAnswer[]) {
      server.respondWith(...scripted);
    },
    close: server.close,
  };
}

export type FakeStripeApi = Awaited<ReturnType<typeof startFakeStripeApi>>;

/** A PaymentIntent as the Stripe API returns it (only the fields the gateway reads, plus a few for realism). */
export function paymentIntentJson(overrides: Record<string, unknown> = {}) {
  return {
    id: 'pi_3PfTest0001',
    object: 'payment_intent',
    amount: 123450,
    amount_received: 0,
    currency: 'mxn',
    client_secret: 'pi_3PfTest0001_secret_abc123',
    status: 'requires_payment_method',
    latest_charge: null,
    last_payment_error: null,
    livemode: false,
    metadata: { invoice_id: '42', invoice_number: 'A-0042' },
    automatic_payment_methods: { enabled: true },
    ...overrides,
  };
}
