import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedStripeRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The form-encoded body Stripe's client sends, decoded (`metadata[invoice_id]` stays a flat key). */
  form: Record<string, string>;
}

export interface ScriptedAnswer {
  status: number;
  body: unknown;
}

/** Test support: a fake Stripe API on 127.0.0.1 (port 0) that records each request and answers with the next scripted answer. */
export async function startFakeStripeApi() {
  const requests: RecordedStripeRequest[] = [];
  const answers: ScriptedAnswer[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const [path, query = ''] = (request.url ?? '').split('?');
    const body = Buffer.concat(chunks).toString('utf8');
    requests.push({
      method: request.method ?? '',
      path,
      headers: request.headers,
      form: Object.fromEntries(new URLSearchParams(body || query)),
    });
    const next = answers.shift() ?? { status: 500, body: { error: { type: 'api_error', message: 'no scripted answer' } } };
    response.writeHead(next.status, { 'Content-Type': 'application/json', 'Request-Id': `req_${requests.length}` });
    response.end(JSON.stringify(next.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    answer(...scripted: ScriptedAnswer[]) {
      answers.push(...scripted);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
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
