import { randomUUID } from 'node:crypto';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import { type HttpApp, languageFromHeader, type NavEntry, normalizeLanguage, type Platform, refuseUnstorableText } from '@petfriendly/core';
import { readMultipartForm } from '@petfriendly/ui';
import Fastify, { type FastifyBaseLogger, type FastifyRequest } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { AppConfig } from '../config';
import { OneLinePerRequest } from '../logger';
import { API_VERSION, apiDocs } from './docs';
import { errorHandler, notFoundHandler } from './errors';
import { healthRoutes, type Readiness } from './health';
import { homeRoutes } from './home';
import { metricsRoutes } from './metrics';
import { databaseRateLimitStore } from './rate-limit';
import { setupDemoRoutes } from './setup-demo';
import { shellRoutes } from './shell';
import { staticRoutes } from './static';

const LANG_COOKIE = 'pf_lang';
/** A form's CSRF token, among its fields (JSON and multipart bodies without one fall back to the header). */
const csrfField = z.object({ _csrf: z.string() });
/** Powerful browser features no page uses, switched off for the pages and anything they embed. */
const PERMISSIONS_POLICY = 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), usb=()';

/** The HTTP face of the platform: API, pages, docs, health. In production every cookie is `Secure` (HTTPS only). */
export async function buildApp(
  platform: Platform,
  config: AppConfig,
  options: { logger?: Logger | boolean; production?: boolean; readiness?: Readiness } = {},
): Promise<HttpApp> {
  const production = options.production ?? process.env.NODE_ENV === 'production';
  const loggerInstance: FastifyBaseLogger | undefined = typeof options.logger === 'object' ? options.logger : undefined;
  const app = Fastify({
    ...(loggerInstance ? { loggerInstance } : { logger: options.logger === true }),
    genReqId: (req) => firstHeader(req.headers['x-request-id']) || randomUUID(),
    requestIdHeader: 'x-request-id',
    // Forwarded headers count only from the proxies the clinic names; otherwise a client could pick its own address.
    trustProxy: config.server.TRUST_PROXY ?? false,
    bodyLimit: 12 * 1024 * 1024,
    logController: new OneLinePerRequest(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  // Stripe.js (the card payment page) is allowed only when billing pays through Stripe.
  const stripe = (platform.services.billing as { payments?: { gateway?: { name?: string } } } | undefined)?.payments?.gateway?.name === 'stripe';
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) reply.header('api-version', API_VERSION);
    reply.header('permissions-policy', stripe ? `${PERMISSIONS_POLICY}, payment=(self "https://js.stripe.com")` : `${PERMISSIONS_POLICY}, payment=()`);
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...(stripe ? ['https://js.stripe.com', 'https://*.js.stripe.com'] : [])],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        ...(stripe
          ? {
              frameSrc: ["'self'", 'https://js.stripe.com', 'https://*.js.stripe.com', 'https://hooks.stripe.com'],
              connectSrc: ["'self'", 'https://api.stripe.com'],
            }
          : {}),
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  // Brotli or gzip, as the client accepts, for every route registered after this (pages, API, assets).
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'] });
  // The defaults of every cookie the server sets (the CSRF secret, flash messages, the language).
  await app.register(fastifyCookie, { secret: config.server.SECRET, parseOptions: { secure: production } });
  await app.register(fastifyCsrf, {
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: production },
    getToken: (req) => csrfField.safeParse(req.body).data?._csrf ?? firstHeader(req.headers['x-csrf-token']) ?? '',
  });
  await app.register(fastifyFormbody);
  await app.register(fastifyMultipart, { limits: { fileSize: 20 * 1024 * 1024, files: 4 } });
  // Limits count per signed-in person (staff behind one clinic IP do not share one), per IP otherwise;
  // so they run once the caller is known.
  await app.register(fastifyRateLimit, {
    global: false,
    hook: 'preHandler',
    store: databaseRateLimitStore(platform.ctx.db),
    keyGenerator: (req) => (req.actor && req.actor.kind !== 'anonymous' && req.actor.kind !== 'system' ? `user:${req.actor.userId}` : req.ip),
  });
  await app.register(metricsRoutes, { platform, token: config.server.METRICS_TOKEN });
  await app.register(staticRoutes);

  const accounts = platform.services.accounts;
  app.decorateRequest('actor', null as never);
  app.decorateRequest('sessionUser', null);
  app.decorateRequest('lang', 'es');
  app.decorateRequest('t', null as never);
  app.decorateRequest('clinicName', config.clinic.NAME);
  app.decorateRequest('clinicTimeZone', config.clinic.TIME_ZONE);
  app.decorateRequest('csrfToken', null as never);
  app.decorateRequest('navItems', null as never);
  const shellNav: NavEntry[] = [{ area: 'admin', href: '/admin/outbox', labelKey: 'ui:admin.outbox', icon: 'mail', audience: 'staff', order: 80 }];
  const navEntries = [...platform.modules.flatMap((m) => m.nav ?? []), ...shellNav].sort((a, b) => a.order - b.order);

  // An empty clinic opens on its setup (the first admin, or the demo when asked for); once anyone has
  // an account this is never asked again.
  let hasUsers = false;
  const FIRST_RUN_PATHS = new Set(['/', '/admin', '/sign-in', '/sign-up']);

  // Who is calling and in which language, for every request that is not a static file.
  app.addHook('onRequest', async (request, reply) => {
    request.csrfToken = () => reply.generateCsrf();
    if (request.url.startsWith('/static/')) return;
    request.clinicName = platform.ctx.clinic.NAME;
    const cookieLang = request.cookies[LANG_COOKIE];
    const lang = normalizeLanguage(cookieLang ?? languageFromHeader(request.headers['accept-language']));
    const headers = toHeaders(request.headers);
    if (isMachinePath(request)) headers.delete('cookie');
    const { actor, user } = await accounts.resolveActor(headers, lang);
    request.actor = actor;
    request.sessionUser = user;
    request.lang = cookieLang ? lang : actor.kind === 'owner' || actor.kind === 'staff' ? normalizeLanguage(actor.language) : lang;
    request.t = platform.ctx.i18n.t(request.lang);
    const audience = actor.kind === 'staff' ? 'staff' : actor.kind === 'owner' ? 'owner' : 'anonymous';
    request.navItems = (area) =>
      navEntries
        .filter(
          (e) =>
            e.area === area &&
            (e.audience === 'all' || e.audience === audience) &&
            (!e.roles || (actor.kind === 'staff' && e.roles.includes(actor.role))) &&
            (!e.when || platform.ctx.settings.get(e.when.block)[e.when.key] === true),
        )
        .map((e) => ({ href: e.href, label: request.t(e.labelKey), icon: e.icon, floating: e.floating }));
    if (!hasUsers && FIRST_RUN_PATHS.has(request.url.split('?')[0]!)) {
      hasUsers = await accounts.directory.anyUser();
      if (!hasUsers) return reply.redirect('/setup', 303);
    }
  });

  // A page's multipart form is read whole before the CSRF check, which finds its token among the fields.
  app.decorateRequest('uploads', null as never);
  app.addHook('preValidation', async (request) => {
    if (request.isMultipart() && !isMachinePath(request)) await readMultipartForm(request);
  });

  // Text PostgreSQL cannot store (NUL, half a surrogate pair) is bad input wherever it comes, on every route.
  app.addHook('preValidation', async (request) => {
    // Spread: the router's params and the query parser's object are not plain objects.
    refuseUnstorableText({ ...(request.params as object) });
    refuseUnstorableText({ ...(request.query as object) });
    refuseUnstorableText(request.body, 'body');
  });

  // Forms are protected by a CSRF token; the JSON API authenticates with Bearer tokens only, and
  // provider webhooks with the provider's signature. Checked before the route's schemas: a forged form
  // is refused as such, not told which field it got wrong.
  app.addHook('preValidation', (request, reply, done) => {
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(request.method);
    if (!unsafe || isMachinePath(request)) return done();
    app.csrfProtection(request, reply, done);
  });

  // Modules that watch responses (visitor statistics) see them after they were sent, on every route.
  const watchers = platform.modules.flatMap((m) => (m.onResponse ? [m.onResponse(platform.services[m.name])] : []));
  if (watchers.length)
    app.addHook('onResponse', async (request, reply) => {
      for (const watch of watchers) await watch(request, reply);
    });

  await app.register(healthRoutes, { platform, readiness: options.readiness ?? { draining: false } });
  await app.register(apiDocs);
  await app.register(shellRoutes, { langCookie: LANG_COOKIE });
  await app.register(homeRoutes, { platform });
  await app.register(setupDemoRoutes, { platform });
  for (const module of platform.modules) {
    if (module.routes)
      await app.register(async (scope) => module.routes!(scope, platform.services[module.name], platform.ctx, platform.deps[module.name] ?? {}));
  }
  return app;
}

/**
 * The JSON API and provider webhooks, which never take a browser's cookies. Decided on the route the
 * request reached (`/%61pi/v1/me` reaches `/api/v1/me`), or on the decoded path when none matched.
 */
function isMachinePath(request: FastifyRequest): boolean {
  const path = request.routeOptions.url ?? decodedPath(request.url);
  return path.startsWith('/api/') || path.startsWith('/webhooks/');
}

function decodedPath(url: string): string {
  const path = url.split('?')[0]!;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

export function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else headers.set(key, value);
  }
  return headers;
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
