import { REGIMENES_FISCALES } from '@petfriendly/billing';
import { formBody, type HttpApp, isServiceError, requireStaff, textForm } from '@petfriendly/core';
import { Card, type FieldErrors, FormErrorSummary, flash, formErrors, Layout, nestForm, pageContext, redirect, sendPage } from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Child } from 'hono/jsx';
import { z } from 'zod';
import type { SetupNeeds, SetupService } from '../setup.service';
import { SETUP_STEPS } from '../setup.tables';
import { STARTER_PRODUCT_CATEGORIES, STARTER_SERVICES } from '../starter';
import {
  CategoriesForm,
  ClinicForm,
  CsdForm,
  FirstAdminForm,
  FiscalForm,
  InviteForm,
  nextOf,
  type PageStep,
  ServicesForm,
  SkipForm,
  StepList,
} from './setup.views';

type Values = Record<string, string>;
type Problem = { errors: FieldErrors; message: string; status: number };
const problemOf = (error: unknown, req: FastifyRequest): Problem => {
  const { fields, message } = formErrors(error, req.t);
  return { errors: fields, message, status: isServiceError(error) ? error.statusCode : 422 };
};
const list = (v: unknown): string[] => (v == null || v === '' ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

/**
 * `/setup`: on an empty clinic, the first admin (or the demo, asked for); afterwards, for admins,
 * one page per step. Every form works without JavaScript; each step saves and moves on.
 */
export async function setupPages(app: HttpApp, s: SetupService, deps: SetupNeeds) {
  /** The signed-in admin (anyone else signed out is sent to sign in first). */
  const admin = (req: FastifyRequest) => requireStaff(req.actor, ['admin']);

  async function stepPage(req: FastifyRequest, reply: FastifyReply, step: PageStep, body: (page: ReturnType<typeof pageContext>) => Child, problem?: Problem) {
    const { steps } = await s.status();
    const page = pageContext(req, reply);
    const { t } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t(`setup:steps.${step}`)} area="admin">
        <p class="meta">
          <a href="/setup">← {t('setup:title')}</a>
        </p>
        <h1>{t(`setup:steps.${step}`)}</h1>
        <p class="meta">{t(`setup:intro.${step}`)}</p>
        <FormErrorSummary message={problem?.message} />
        {body(page)}
        <details>
          <summary>{t('setup:progress')}</summary>
          <StepList ctx={page} steps={steps} current={step} />
        </details>
      </Layout>,
      problem?.status ?? 200,
    );
  }

  async function welcomePage(req: FastifyRequest, reply: FastifyReply, values: Values = {}, problem?: Problem) {
    const page = pageContext(req, reply);
    const { t } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('setup:title')}>
        <h1>{t('setup:welcome.title')}</h1>
        <p>{t('setup:welcome.intro')}</p>
        <FormErrorSummary message={problem?.message} />
        <Card title={t('setup:steps.admin')}>
          <FirstAdminForm ctx={page} values={values} errors={problem?.errors} />
        </Card>
        <Card title={t('setup:demo.title')}>
          <p class="meta">{t('setup:demo.warning')}</p>
          <form method="post" action="/setup/demo" class="stack">
            <input type="hidden" name="_csrf" value={page.csrfToken} />
            <div class="field">
              <label for="demo-code">{t('setup:admin.code')}</label>
              <input id="demo-code" name="code" required autocomplete="off" />
            </div>
            <button type="submit" class="btn-secondary">
              {t('setup:demo.submit')}
            </button>
          </form>
        </Card>
      </Layout>,
      problem?.status ?? 200,
    );
  }

  app.get('/setup', async (req, reply) => {
    const status = await s.status();
    if (status.needsAdmin) return welcomePage(req, reply);
    admin(req);
    const page = pageContext(req, reply);
    const { t } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('setup:title')} area="admin">
        <h1>{t('setup:title')}</h1>
        <p>{status.complete ? t('setup:overview.complete') : t('setup:overview.intro')}</p>
        <Card>
          <StepList ctx={page} steps={status.steps} />
        </Card>
        <p class="card-actions">
          <a class="btn" href={status.complete ? '/admin' : `/setup/${firstTodo(status.steps)}`}>
            {status.complete ? t('setup:overview.toDashboard') : t('setup:dashboard.continue')}
          </a>
          <a class="btn btn-secondary" href="/admin/catalogue">
            {t('setup:overview.catalogue')}
          </a>
        </p>
      </Layout>,
    );
  });

  app.post('/setup/admin', { schema: { body: textForm }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (req, reply) => {
    const { body } = req;
    try {
      await s.createFirstAdmin(body);
      const { cookies } = await deps.accounts.identity.signIn({ email: body.email, password: body.password }, new Headers());
      reply.header('set-cookie', cookies);
      return redirect(reply, '/setup/clinic');
    } catch (error) {
      return welcomePage(req, reply, { code: body.code ?? '', name: body.name ?? '', email: body.email ?? '' }, problemOf(error, req));
    }
  });

  // The clinic's facts.
  const clinicPage = (req: FastifyRequest, reply: FastifyReply, values?: Record<string, unknown>, problem?: Problem) =>
    stepPage(req, reply, 'clinic', (page) => <ClinicForm ctx={page} values={values ?? s.clinicFacts()} errors={problem?.errors} />, problem);
  app.get('/setup/clinic', async (req, reply) => {
    admin(req);
    return clinicPage(req, reply);
  });
  app.post('/setup/clinic', async (req, reply) => {
    const actor = admin(req);
    const body = nestForm(req.body);
    try {
      const saved = await s.saveClinic(actor, body);
      flash(reply, 'success', req.t(saved.restartNeeded ? 'setup:clinic.savedRestart' : 'setup:saved'));
      return redirect(reply, nextOf('clinic'));
    } catch (error) {
      return clinicPage(req, reply, { ...body, closedDays: list(body.closedDays).map(Number) }, problemOf(error, req));
    }
  });

  // Fiscal data and the CSD, on one page.
  const regimenes = REGIMENES_FISCALES.map((r) => ({ clave: r.clave, descripcion: r.descripcion }));
  async function fiscalPage(req: FastifyRequest, reply: FastifyReply, values?: Values, problem?: Problem, csdProblem?: Problem) {
    const issuer = await deps.billing.issuer.getIssuer();
    const v =
      values ?? (issuer.configured ? { rfc: issuer.rfc, legalName: issuer.legalName, regimenFiscal: issuer.regimenFiscal, postalCode: issuer.postalCode } : {});
    return stepPage(
      req,
      reply,
      'fiscal',
      (page) => (
        <>
          <Card title={page.t('setup:fiscal.title')}>
            <FiscalForm ctx={page} values={v} regimenes={regimenes} errors={problem?.errors} />
          </Card>
          <Card title={page.t('setup:csd.title')}>
            <div id="csd">
              <p class="meta">
                {issuer.csdSource === 'sat-test'
                  ? page.t('setup:csd.usingTest')
                  : page.t('setup:csd.current', { number: issuer.csd?.noCertificado ?? '—', until: issuer.csd?.validTo.slice(0, 10) ?? '—' })}
              </p>
              <FormErrorSummary message={csdProblem?.message} />
              <CsdForm ctx={page} errors={csdProblem?.errors} />
            </div>
          </Card>
          <div class="card-actions">
            <a class="btn" href={nextOf('fiscal')}>
              {page.t('setup:continue')}
            </a>
            <SkipForm ctx={page} step="csd" />
          </div>
        </>
      ),
      problem ?? csdProblem,
    );
  }
  app.get('/setup/fiscal', async (req, reply) => {
    admin(req);
    return fiscalPage(req, reply);
  });
  app.get('/setup/csd', async (_req, reply) => redirect(reply, '/setup/fiscal#csd'));
  app.post('/setup/fiscal', { schema: { body: textForm } }, async (req, reply) => {
    const actor = admin(req);
    const { body } = req;
    try {
      await s.saveFiscal(actor, body);
      flash(reply, 'success', req.t('setup:saved'));
      return redirect(reply, '/setup/fiscal#csd');
    } catch (error) {
      return fiscalPage(req, reply, body, problemOf(error, req));
    }
  });
  app.post('/setup/csd', { schema: { body: formBody({ password: z.string().optional() }) } }, async (req, reply) => {
    const actor = admin(req);
    try {
      const upload = readCsdUpload(req, req.body);
      const csd = await s.installCsd(actor, upload);
      flash(reply, 'success', req.t('setup:csd.installed', { number: csd.noCertificado }));
      return redirect(reply, nextOf('fiscal'));
    } catch (error) {
      return fiscalPage(req, reply, undefined, undefined, problemOf(error, req));
    }
  });

  // The team.
  async function staffPage(req: FastifyRequest, reply: FastifyReply, values: Values = {}, problem?: Problem) {
    const team = await s.team(admin(req));
    return stepPage(
      req,
      reply,
      'staff',
      (page) => (
        <>
          <Card title={page.t('setup:staff.team')}>
            <ul class="list">
              {team.map((m) => (
                <li>
                  <b>{m.name}</b> · {m.email} · {page.t(`accounts:roles.${m.role}`)}
                </li>
              ))}
            </ul>
          </Card>
          <Card title={page.t('setup:staff.inviteTitle')}>
            <InviteForm ctx={page} values={values} errors={problem?.errors} />
          </Card>
          <div class="card-actions">
            <a class="btn" href={nextOf('staff')}>
              {page.t('setup:continue')}
            </a>
            <SkipForm ctx={page} step="staff" />
          </div>
        </>
      ),
      problem,
    );
  }
  app.get('/setup/staff', async (req, reply) => staffPage(req, reply));
  app.post('/setup/staff', { schema: { body: textForm } }, async (req, reply) => {
    const actor = admin(req);
    const { body } = req;
    try {
      const user = await s.inviteStaff(actor, body);
      flash(reply, 'success', req.t('setup:staff.invited', { name: user.name, email: user.email }));
      return redirect(reply, '/setup/staff');
    } catch (error) {
      return staffPage(req, reply, body, problemOf(error, req));
    }
  });

  // The first services.
  const servicesPage = (req: FastifyRequest, reply: FastifyReply, picked?: string[], prices: Values = {}, problem?: Problem) =>
    stepPage(
      req,
      reply,
      'services',
      (page) => (
        <>
          <ServicesForm ctx={page} picked={picked ?? STARTER_SERVICES.map((x) => x.key)} prices={prices} errors={problem?.errors} />
          <SkipForm ctx={page} step="services" />
        </>
      ),
      problem,
    );
  app.get('/setup/services', async (req, reply) => {
    admin(req);
    return servicesPage(req, reply);
  });
  app.post('/setup/services', async (req, reply) => {
    const actor = admin(req);
    const body = nestForm(req.body);
    const picked = list(body.pick);
    const prices = (body.price ?? {}) as Values;
    try {
      const created = await s.addStarterServices(actor, { services: picked.map((key) => ({ key, price: prices[key] ?? '' })) });
      flash(reply, 'success', req.t('setup:services.created', { count: created.length }));
      return redirect(reply, nextOf('services'));
    } catch (error) {
      const problem = problemOf(error, req);
      // Field errors come back as services.N.price: show them on that service's price.
      for (const [field, message] of Object.entries(problem.errors)) {
        const at = /^services\.(\d+)\.price$/.exec(field);
        if (at) problem.errors[`price.${picked[Number(at[1])]}`] = message;
      }
      return servicesPage(req, reply, picked, prices, problem);
    }
  });

  // The shop's first categories.
  const categoriesPage = (req: FastifyRequest, reply: FastifyReply, picked?: string[], problem?: Problem) =>
    stepPage(
      req,
      reply,
      'categories',
      (page) => (
        <>
          <CategoriesForm ctx={page} picked={picked ?? STARTER_PRODUCT_CATEGORIES.map((c) => c.key)} errors={problem?.errors} />
          <SkipForm ctx={page} step="categories" />
        </>
      ),
      problem,
    );
  app.get('/setup/categories', async (req, reply) => {
    admin(req);
    return categoriesPage(req, reply);
  });
  app.post(
    '/setup/categories',
    { schema: { body: formBody({ keys: z.union([z.string(), z.array(z.string())]).optional(), extra: z.string().optional() }) } },
    async (req, reply) => {
      const actor = admin(req);
      const { body } = req;
      const picked = list(body.keys);
      try {
        const extra = String(body.extra ?? '')
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean);
        await s.addStarterCategories(actor, { keys: picked, extra });
        flash(reply, 'success', req.t('setup:saved'));
        return redirect(reply, nextOf('categories'));
      } catch (error) {
        return categoriesPage(req, reply, picked, problemOf(error, req));
      }
    },
  );

  app.post('/setup/:step/skip', { schema: { params: z.object({ step: z.string() }) } }, async (req, reply) => {
    const actor = admin(req);
    const { step } = req.params;
    const known = SETUP_STEPS.find((x) => x === step);
    if (!known) return reply.callNotFound();
    await s.skip(actor, known);
    const pageStep = known === 'csd' ? 'fiscal' : known;
    return redirect(reply, pageStep === 'admin' ? '/setup' : nextOf(pageStep));
  });
}

function firstTodo(steps: { step: string; state: string }[]): string {
  const step = steps.find((x) => x.state !== 'done' && x.step !== 'admin')?.step ?? 'clinic';
  return step === 'csd' ? 'fiscal' : step;
}

function readCsdUpload(req: FastifyRequest, body: { password?: string }): { cer?: Buffer; key?: Buffer; password?: string } {
  return { cer: req.uploads.cer?.bytes, key: req.uploads.key?.bytes, password: body.password };
}
