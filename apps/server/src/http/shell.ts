import { LANGUAGES } from '@petfriendly/core';
import { redirect } from '@petfriendly/ui';
import type { FastifyInstance } from 'fastify';

/** Routes of the shared web shell: the language switcher. */
export async function shellRoutes(app: FastifyInstance, { langCookie }: { langCookie: string }) {
  app.post('/language', async (request, reply) => {
    const body = request.body as { lang?: string; next?: string };
    const lang = (LANGUAGES as readonly string[]).includes(body.lang ?? '') ? body.lang! : 'es';
    reply.setCookie(langCookie, lang, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
    const next = typeof body.next === 'string' && body.next.startsWith('/') && !body.next.startsWith('//') ? body.next : '/';
    return redirect(reply, next);
  });
}
