import { isServiceError, localize } from '@petfriendly/core';
import { Card, Layout, pageContext, sendPage } from '@petfriendly/ui';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

interface Envelope {
  code: string;
  message: string;
  fields?: { field: string; message: string }[];
}

/** One error envelope for the API; a friendly page for the browser. Nothing internal leaks on a 500. */
export async function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (namesNoPage(error, request)) return notFoundHandler(request, reply);
  const { status, body } = describe(error);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: body.code }, body.message);
  if (request.url.startsWith('/api/') || !(request.headers.accept ?? '').includes('text/html')) {
    return reply.status(status).send({ error: { ...body, requestId: request.id } });
  }
  if (status === 401) return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
  // People read the error in their language: the code is the translation key, the English text its default.
  const message = isServiceError(error) && request.t ? localize(request.t, error.code, body.message, primitives(error.details)) : body.message;
  return errorPage(request, reply, status, message);
}

/** A page's address whose parts do not fit its schema (`/admin/pets/abc`) names no page: a 404, where the API says 422. */
function namesNoPage(error: FastifyError, request: FastifyRequest): boolean {
  return hasZodFastifySchemaValidationErrors(error) && error.validationContext === 'params' && !request.url.startsWith('/api/');
}

function primitives(details: Record<string, unknown> | undefined): Record<string, string | number> {
  return Object.fromEntries(Object.entries(details ?? {}).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number'));
}

function describe(error: FastifyError): { status: number; body: Envelope } {
  if (isServiceError(error)) {
    const fields = (error.details?.fields as Envelope['fields'])?.map(({ field, message }) => ({ field, message }));
    return { status: error.statusCode, body: { code: error.code, message: error.message, ...(fields?.length ? { fields } : {}) } };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((v) => ({
      field:
        [v.instancePath.replace(/^\//, '').replaceAll('/', '.'), (v.params as { issue?: { path?: unknown[] } })?.issue?.path?.join('.')].find(Boolean) ||
        error.validationContext ||
        '(input)',
      message: v.message ?? 'is invalid',
    }));
    return {
      status: 422,
      body: { code: 'validation.invalid_input', message: `Invalid input. ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`, fields },
    };
  }
  if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') {
    return { status: 403, body: { code: 'security.csrf', message: 'The form expired or did not come from this site. Reload and try again.' } };
  }
  if (error.statusCode === 429) return { status: 429, body: { code: 'security.rate_limited', message: 'Too many attempts. Wait a minute and try again.' } };
  if (error.statusCode && error.statusCode < 500) {
    return { status: error.statusCode, body: { code: `http.${error.statusCode}`, message: error.message } };
  }
  return { status: 500, body: { code: 'server.error', message: 'Something went wrong on our side. It has been logged.' } };
}

export async function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  if (request.url.startsWith('/api/') || !(request.headers.accept ?? '').includes('text/html')) {
    return reply
      .status(404)
      .send({ error: { code: 'http.not_found', message: `No route ${request.method} ${request.url.split('?')[0]}`, requestId: request.id } });
  }
  return errorPage(request, reply, 404, request.t?.('ui:errors.notFound') ?? 'Not found');
}

async function errorPage(request: FastifyRequest, reply: FastifyReply, status: number, message: string) {
  if (!request.t) return reply.status(status).type('text/plain').send(message);
  const ctx = pageContext(request, reply);
  return sendPage(
    reply,
    <Layout ctx={ctx} title={String(status)}>
      <Card>
        <h1>{status === 404 ? '🐾 404' : status}</h1>
        <p>{message}</p>
        <p>
          <a href="/">← {ctx.t('ui:nav.home')}</a>
        </p>
      </Card>
    </Layout>,
    status,
  );
}
