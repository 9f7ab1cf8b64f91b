import { type Actor, formatters, isServiceError, type Language, localize, ValidationError } from '@petfriendly/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Child } from 'hono/jsx';
import type { TFunction } from 'i18next';
import type { FieldErrors } from './components';
import type { Flash, NavItem, PageContext } from './layout';

export interface SessionUser {
  id: string;
  name: string;
  role: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    sessionUser: SessionUser | null;
    lang: Language;
    t: TFunction;
    /** A CSRF token for forms on the page being rendered. */
    csrfToken(): string;
    clinicName: string;
    /** The clinic's IANA time zone, in which people read dates and times. */
    clinicTimeZone: string;
    navItems(area: 'site' | 'admin'): NavItem[];
  }
}

const FLASH_COOKIE = 'pf_flash';

export function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  return {
    t: request.t,
    lang: request.lang,
    path: request.url.split('?')[0] ?? '/',
    user: request.sessionUser ? { name: request.sessionUser.name, role: request.sessionUser.role } : null,
    csrfToken: request.csrfToken(),
    flash: readFlash(request, reply),
    clinicName: request.clinicName,
    nav: { site: request.navItems('site'), admin: request.navItems('admin') },
    fmt: formatters(request.lang, request.clinicTimeZone),
  };
}

export async function sendPage(reply: FastifyReply, page: Child, status = 200): Promise<FastifyReply> {
  reply.header('cache-control', 'no-store');
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .send(`<!doctype html>${await Promise.resolve(String(await page))}`);
}

/** A message shown once on the next page (after a redirect). */
export function flash(reply: FastifyReply, kind: Flash['kind'], message: string): void {
  reply.setCookie(FLASH_COOKIE, JSON.stringify([{ kind, message }]), { path: '/', httpOnly: true, sameSite: 'lax', signed: true, maxAge: 60 });
}

function readFlash(request: FastifyRequest, reply: FastifyReply): Flash[] {
  const raw = request.cookies?.[FLASH_COOKIE];
  if (!raw) return [];
  reply.clearCookie(FLASH_COOKIE, { path: '/' });
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return [];
  try {
    return JSON.parse(unsigned.value) as Flash[];
  } catch {
    return [];
  }
}

/** Redirect after a successful POST (303 so the browser GETs the next page). */
export function redirect(reply: FastifyReply, to: string): FastifyReply {
  return reply.redirect(to, 303);
}

/**
 * Turns a service's validation error into per-field messages for a form, in the reader's language;
 * other expected errors (a conflict, a locked record) become the form's message. Anything else is rethrown.
 */
export function formErrors(error: unknown, t: TFunction): { fields: FieldErrors; message: string } {
  if (error instanceof ValidationError && error.fields.length) {
    const fields: FieldErrors = {};
    for (const f of error.fields) fields[f.field] ??= localize(t, f.key ?? f.message, f.message, f.params);
    const only = error.fields.length === 1 ? fields[error.fields[0]!.field] : undefined;
    return { fields, message: only && error.fields[0]!.key === error.code ? only : t('ui:form.fixErrors') };
  }
  if (isServiceError(error) && error.statusCode < 500 && error.statusCode !== 404 && error.statusCode !== 401) {
    return { fields: {}, message: localize(t, error.code, error.message, error.details as Record<string, string>) };
  }
  throw error;
}

/** Form posts arrive as flat strings; turns `vitals.weightKg` keys into nested objects. */
export function nestForm(body: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (key === '_csrf') continue;
    const parts = key.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) {
      node[part] ??= {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts.at(-1)!] = value;
  }
  return out;
}
