import { formBody, type HttpApp, isStaff, LANGUAGES, localize, type ModuleContext, requireStaff, textForm } from '@petfriendly/core';
import {
  Card,
  Field,
  type FieldErrors,
  Form,
  FormErrorSummary,
  flash,
  formErrors,
  Layout,
  pageContext,
  redirect,
  Select,
  sendPage,
  TextArea,
} from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CHANNELS } from './accounts.tables';
import { EmailNotVerifiedError, InvalidCredentialsError } from './identity.service';
import type { AccountsServices } from './services';
import { SignInLockedError } from './sign-in-guard';

type Values = Record<string, string | undefined>;
const nextQuery = z.object({ next: z.string().optional() });
const LANGUAGE_NAMES: Record<string, string> = { es: 'Español', en: 'English', de: 'Deutsch', fr: 'Français', it: 'Italiano' };

/** Only same-site paths are followed after sign-in. */
const safeNext = (next: unknown, fallback: string) => (typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : fallback);

export async function accountsPages(app: HttpApp, s: AccountsServices, _ctx: ModuleContext) {
  const headersOf = (req: FastifyRequest) => {
    const h = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') h.set(k, v);
    return h;
  };
  const landingFor = (role: string) => (role === 'owner' ? '/my/pets' : '/admin');

  // Sign in
  const signInPage = (req: FastifyRequest, reply: FastifyReply, values: Values = {}, errors: FieldErrors = {}, message?: string, status = 200) => {
    const ctx = pageContext(req, reply);
    const t = ctx.t;
    return sendPage(
      reply,
      <Layout ctx={ctx} title={t('accounts:signIn.title')}>
        <Card class="auth-box" title={t('accounts:signIn.title')}>
          <FormErrorSummary message={message} />
          <Form ctx={ctx} action={`/sign-in${values.next ? `?next=${encodeURIComponent(values.next)}` : ''}`}>
            <Field name="email" type="email" label={t('accounts:fields.email')} value={values.email} errors={errors} required autocomplete="email" />
            <Field name="password" type="password" label={t('accounts:fields.password')} errors={errors} required autocomplete="current-password" />
            <button type="submit">{t('accounts:signIn.submit')}</button>
          </Form>
          <p>
            <a href="/forgot-password">{t('accounts:signIn.forgot')}</a>
          </p>
          <p>
            {t('accounts:signIn.noAccount')} <a href="/sign-up">{t('accounts:signIn.signUp')}</a>
          </p>
        </Card>
      </Layout>,
      status,
    );
  };

  app.get('/sign-in', { schema: { querystring: nextQuery } }, async (req, reply) => {
    const { next } = req.query;
    if (req.sessionUser) return redirect(reply, safeNext(next, landingFor(req.sessionUser.role)));
    return signInPage(req, reply, { next });
  });

  app.post(
    '/sign-in',
    { schema: { querystring: nextQuery, body: textForm }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const body = req.body;
      const { next } = req.query;
      try {
        const { cookies } = await s.identity.signIn(body, headersOf(req));
        reply.header('set-cookie', cookies);
        const session = await s.identity.actorFromSession(new Headers({ cookie: cookies.map((c) => c.split(';')[0]).join('; ') }));
        if (session) flash(reply, 'success', req.t('accounts:signIn.welcome', { name: session.user.name }));
        return redirect(reply, safeNext(next, landingFor(session?.user.role ?? 'owner')));
      } catch (error) {
        // A wrong email or password is said as such (401 is not a form error elsewhere: it means "sign in").
        if (error instanceof EmailNotVerifiedError)
          return signInPage(req, reply, { email: body.email, next }, {}, localize(req.t, error.code, error.message), 403);
        if (error instanceof InvalidCredentialsError)
          return signInPage(req, reply, { email: body.email, next }, {}, localize(req.t, error.code, error.message), 401);
        if (error instanceof SignInLockedError)
          return signInPage(req, reply, { email: body.email, next }, {}, localize(req.t, error.code, error.message, error.details as { minutes: number }), 429);
        const { fields, message } = formErrors(error, req.t);
        return signInPage(req, reply, { email: body.email, next }, fields, message, 422);
      }
    },
  );

  app.post('/sign-out', async (req, reply) => {
    const { cookies } = await s.identity.signOut(headersOf(req));
    if (cookies.length) reply.header('set-cookie', cookies);
    return redirect(reply, '/');
  });

  // Sign up
  const signUpPage = (req: FastifyRequest, reply: FastifyReply, values: Values = {}, errors: FieldErrors = {}, message?: string, status = 200) => {
    const ctx = pageContext(req, reply);
    const t = ctx.t;
    return sendPage(
      reply,
      <Layout ctx={ctx} title={t('accounts:signUp.title')}>
        <Card class="auth-box" title={t('accounts:signUp.title')}>
          <p>{t('accounts:signUp.intro')}</p>
          <FormErrorSummary message={message} />
          <Form ctx={ctx} action="/sign-up">
            <Field name="name" label={t('accounts:fields.name')} value={values.name} errors={errors} required autocomplete="name" />
            <Field name="email" type="email" label={t('accounts:fields.email')} value={values.email} errors={errors} required autocomplete="email" />
            <Field
              name="phone"
              type="tel"
              label={t('accounts:fields.phone')}
              value={values.phone}
              errors={errors}
              autocomplete="tel"
              placeholder="55 1234 5678"
            />
            <Field
              name="password"
              type="password"
              label={t('accounts:fields.password')}
              errors={errors}
              required
              hint={t('accounts:fields.passwordHint')}
              autocomplete="new-password"
            />
            <Select
              name="preferredLanguage"
              label={t('accounts:fields.preferredLanguage')}
              value={values.preferredLanguage ?? ctx.lang}
              options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l]! }))}
            />
            <Select
              name="preferredChannel"
              label={t('accounts:fields.preferredChannel')}
              value={values.preferredChannel ?? 'whatsapp'}
              options={CHANNELS.map((c) => ({ value: c, label: t(`accounts:channels.${c}`) }))}
            />
            <button type="submit">{t('accounts:signUp.submit')}</button>
          </Form>
          <p>
            {t('accounts:signUp.haveAccount')} <a href="/sign-in">{t('accounts:signIn.title')}</a>
          </p>
        </Card>
      </Layout>,
      status,
    );
  };

  app.get('/sign-up', async (req, reply) => signUpPage(req, reply));
  app.post('/sign-up', { schema: { body: textForm }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (req, reply) => {
    const body = req.body;
    try {
      await s.identity.signUp(body);
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return signUpPage(req, reply, { ...body, password: undefined }, fields, message, 422);
    }
    // The same page for a new address and a known one: the mailbox tells which.
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      <Layout ctx={ctx} title={ctx.t('accounts:signUp.sentTitle')}>
        <Card class="auth-box" title={ctx.t('accounts:signUp.sentTitle')}>
          <p role="status">
            {ctx.t('accounts:signUp.sent', {
              email: String(body.email ?? '')
                .trim()
                .toLowerCase(),
            })}
          </p>
          <p>
            <a href="/sign-in">{ctx.t('accounts:signIn.title')}</a>
          </p>
        </Card>
      </Layout>,
    );
  });

  // The sign-up link: a page with a button, so a mail scanner that opens links does not spend it.
  const verifyPage = (req: FastifyRequest, reply: FastifyReply, token: string, message?: string, status = 200) => {
    const ctx = pageContext(req, reply);
    const t = ctx.t;
    return sendPage(
      reply,
      <Layout ctx={ctx} title={t('accounts:verify.title')}>
        <Card class="auth-box" title={t('accounts:verify.title')}>
          <FormErrorSummary message={message} />
          <p>{t('accounts:verify.intro')}</p>
          <Form ctx={ctx} action="/verify-email">
            <input type="hidden" name="token" value={token} />
            <button type="submit">{t('accounts:verify.submit')}</button>
          </Form>
        </Card>
      </Layout>,
      status,
    );
  };
  const tokenQuery = z.object({ token: z.string().max(200).optional() });
  app.get('/verify-email', { schema: { querystring: tokenQuery } }, async (req, reply) => verifyPage(req, reply, req.query.token ?? ''));
  app.post('/verify-email', { schema: { body: textForm }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (req, reply) => {
    const body = req.body;
    try {
      await s.identity.verifyEmail(body);
      flash(reply, 'success', req.t('accounts:verify.done'));
      return redirect(reply, `/sign-in?next=${encodeURIComponent('/my/pets/new')}`);
    } catch (error) {
      return verifyPage(req, reply, body.token ?? '', formErrors(error, req.t).message, 422);
    }
  });

  // Password reset
  app.get('/forgot-password', async (req, reply) => {
    const ctx = pageContext(req, reply);
    const t = ctx.t;
    return sendPage(
      reply,
      <Layout ctx={ctx} title={t('accounts:reset.title')}>
        <Card class="auth-box" title={t('accounts:reset.title')}>
          <p>{t('accounts:reset.intro')}</p>
          <Form ctx={ctx} action="/forgot-password">
            <Field name="email" type="email" label={t('accounts:fields.email')} required autocomplete="email" />
            <button type="submit">{t('accounts:reset.submit')}</button>
          </Form>
        </Card>
      </Layout>,
    );
  });

  app.post('/forgot-password', { config: { rateLimit: { max: 5, timeWindow: '1 minute' } } }, async (req, reply) => {
    try {
      await s.identity.requestPasswordReset(req.body);
    } catch {
      // Same answer whatever happened, so the form reveals nothing about who has an account.
    }
    flash(reply, 'info', req.t('accounts:reset.sent'));
    return redirect(reply, '/sign-in');
  });

  const resetPage = (req: FastifyRequest, reply: FastifyReply, token: string, errors: FieldErrors = {}, message?: string, status = 200) => {
    const ctx = pageContext(req, reply);
    const t = ctx.t;
    return sendPage(
      reply,
      <Layout ctx={ctx} title={t('accounts:reset.newTitle')}>
        <Card class="auth-box" title={t('accounts:reset.newTitle')}>
          <FormErrorSummary message={message} />
          <Form ctx={ctx} action="/reset-password">
            <input type="hidden" name="token" value={token} />
            <Field
              name="password"
              type="password"
              label={t('accounts:fields.password')}
              errors={errors}
              required
              hint={t('accounts:fields.passwordHint')}
              autocomplete="new-password"
            />
            <button type="submit">{t('accounts:reset.newSubmit')}</button>
          </Form>
        </Card>
      </Layout>,
      status,
    );
  };
  app.get('/reset-password', { schema: { querystring: z.object({ token: z.string().default('') }) } }, async (req, reply) =>
    resetPage(req, reply, req.query.token),
  );
  app.post('/reset-password', { schema: { body: textForm } }, async (req, reply) => {
    const body = req.body;
    try {
      await s.identity.resetPassword(body);
      flash(reply, 'success', req.t('accounts:reset.done'));
      return redirect(reply, '/sign-in');
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return resetPage(req, reply, body.token ?? '', fields, message, 422);
    }
  });

  // My account (owner profile; staff see their own profile)
  const accountPage = async (req: FastifyRequest, reply: FastifyReply, errors: FieldErrors = {}, message?: string, status = 200, newToken?: string) => {
    const ctx = pageContext(req, reply);
    const t = ctx.t;
    const profile = await s.users.getProfile(req.actor);
    const tokens = await s.tokens.listTokens(req.actor);
    return sendPage(
      reply,
      <Layout ctx={ctx} title={t('accounts:account.title')} area={isStaff(req.actor) ? 'admin' : 'site'}>
        <h1>{t('accounts:account.title')}</h1>
        <Card title={profile.user.name}>
          <FormErrorSummary message={message} />
          {profile.owner ? (
            <Form ctx={ctx} action="/account">
              <Field name="name" label={t('accounts:fields.name')} value={profile.user.name} errors={errors} required />
              <p class="meta">{profile.user.email}</p>
              <div class="row">
                <Field name="phone" type="tel" label={t('accounts:fields.phone')} value={profile.owner.phone} errors={errors} />
                <Field name="alternatePhone" type="tel" label={t('accounts:fields.alternatePhone')} value={profile.owner.alternatePhone} errors={errors} />
              </div>
              <TextArea name="address" label={t('accounts:fields.address')} value={profile.owner.address} errors={errors} rows={2} />
              <div class="row">
                <Select
                  name="preferredLanguage"
                  label={t('accounts:fields.preferredLanguage')}
                  value={profile.user.preferredLanguage}
                  options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l]! }))}
                />
                <Select
                  name="preferredChannel"
                  label={t('accounts:fields.preferredChannel')}
                  value={profile.owner.preferredChannel}
                  options={CHANNELS.map((c) => ({ value: c, label: t(`accounts:channels.${c}`) }))}
                />
              </div>
              <button type="submit">{t('ui:form.save')}</button>
            </Form>
          ) : (
            <Form ctx={ctx} action="/account/staff-profile">
              <p class="meta">
                {profile.user.email} · {t(`accounts:roles.${profile.user.role}`)}
              </p>
              <div class="row">
                <Field name="title" label={t('accounts:fields.title')} value={profile.staff?.title} errors={errors} placeholder="MVZ" />
                <Field name="licenseNumber" label={t('accounts:fields.licenseNumber')} value={profile.staff?.licenseNumber} errors={errors} />
              </div>
              <Field
                name="specialties"
                label={t('accounts:fields.specialties')}
                value={profile.staff?.specialties.join(', ')}
                errors={errors}
                placeholder="Dermatología, Medicina felina"
              />
              <Field
                name="services"
                label={t('accounts:fields.services')}
                value={profile.staff?.services.join(', ')}
                errors={errors}
                placeholder="Consulta, Vacunación, Cirugía"
              />
              <TextArea name="bio" label="Bio" value={profile.staff?.bio} errors={errors} rows={2} />
              <button type="submit">{t('ui:form.save')}</button>
            </Form>
          )}
        </Card>
        <Card title={t('accounts:account.tokens')}>
          {newToken ? (
            <div class="flash flash-success">
              {t('accounts:account.tokenCreated')} <code>{newToken}</code>
            </div>
          ) : null}
          <ul class="list">
            {tokens.map((tok) => (
              <li>
                <span>
                  <b>{tok.name}</b> <code>{tok.prefix}…</code>
                </span>
                <span class="meta">{tok.revokedAt ? '✕' : tok.lastUsedAt ? tok.lastUsedAt.toISOString().slice(0, 10) : '—'}</span>
              </li>
            ))}
          </ul>
          <Form ctx={ctx} action="/account/tokens" class="row">
            <Field name="name" label="Token" placeholder="integración" required />
            <button type="submit" class="btn-small">
              +
            </button>
          </Form>
        </Card>
      </Layout>,
      status,
    );
  };

  app.get('/account', async (req, reply) => {
    if (!req.sessionUser) return redirect(reply, '/sign-in?next=/account');
    return accountPage(req, reply);
  });
  app.post('/account', async (req, reply) => {
    try {
      await s.users.updateOwnerProfile(req.actor, req.body);
      flash(reply, 'success', req.t('accounts:account.saved'));
      return redirect(reply, '/account');
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return accountPage(req, reply, fields, message, 422);
    }
  });
  app.post('/account/staff-profile', async (req, reply) => {
    const staff = requireStaff(req.actor);
    try {
      await s.users.updateStaffProfile(staff, staff.userId, req.body);
      flash(reply, 'success', req.t('accounts:account.saved'));
      return redirect(reply, '/account');
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return accountPage(req, reply, fields, message, 422);
    }
  });
  app.post('/account/tokens', { schema: { body: formBody({ name: z.string().optional() }) } }, async (req, reply) => {
    const created = await s.tokens.createToken(req.actor, { name: req.body.name });
    return accountPage(req, reply, {}, undefined, 201, created.token);
  });

  // Staff register an owner at the front desk.
  const newOwnerPage = (req: FastifyRequest, reply: FastifyReply, values: Values = {}, errors: FieldErrors = {}, message?: string, status = 200) => {
    const ctx = pageContext(req, reply);
    const t = ctx.t;
    return sendPage(
      reply,
      <Layout ctx={ctx} title={t('accounts:owners.new')} area="admin">
        <Card title={t('accounts:owners.new')}>
          <FormErrorSummary message={message} />
          <Form ctx={ctx} action="/admin/owners/new">
            <Field name="name" label={t('accounts:fields.name')} value={values.name} errors={errors} required />
            <Field name="email" type="email" label={t('accounts:fields.email')} value={values.email} errors={errors} required />
            <Field name="phone" type="tel" label={t('accounts:fields.phone')} value={values.phone} errors={errors} />
            <Select
              name="preferredLanguage"
              label={t('accounts:fields.preferredLanguage')}
              value={values.preferredLanguage ?? 'es'}
              options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l]! }))}
            />
            <button type="submit">{t('ui:form.save')}</button>
          </Form>
        </Card>
      </Layout>,
      status,
    );
  };
  app.get('/admin/owners/new', async (req, reply) => {
    requireStaff(req.actor);
    return newOwnerPage(req, reply);
  });
  app.post('/admin/owners/new', { schema: { body: textForm } }, async (req, reply) => {
    const body = req.body;
    try {
      const user = await s.users.createUser(req.actor, { ...body, role: 'owner' });
      flash(reply, 'success', req.t('accounts:owners.created'));
      return redirect(reply, `/admin/owners/${user.id}`);
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return newOwnerPage(req, reply, body, fields, message, 422);
    }
  });
}
