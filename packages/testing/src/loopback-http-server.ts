import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ScriptedResponse {
  status: number;
  /** Sent as JSON, unless `contentType` is given and the body is text (an SSE stream, say). */
  body: unknown;
  contentType?: string;
}

/**
 * Test support: an HTTP server on 127.0.0.1 (port 0) that records each request and answers with the next
 * scripted response (JSON), or `fallback` when none is left. Stands in for a provider's API.
 */
export async function startLoopbackServer(options: { fallback?: ScriptedResponse; headers?: (count: number) => Record<string, string> } = {}) {
  const requests: RecordedRequest[] = [];
  const responses: ScriptedResponse[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    requests.push({
      method: request.method ?? '',
      path: request.url ?? '',
      headers: request.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    });
    const next = responses.shift() ?? options.fallback ?? { status: 500, body: { error: 'no scripted response' } };
    const raw = next.contentType !== undefined && typeof next.body === 'string';
    response.writeHead(next.status, { 'Content-Type': next.contentType ?? 'application/json', ...options.headers?.(requests.length) });
    response.end(raw ? next.body : JSON.stringify(next.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    respondWith(...scripted: ScriptedResponse[]) {
      responses.push(...scripted);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
