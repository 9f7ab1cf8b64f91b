import type { AccountsPort } from '@petfriendly/accounts';
import { formBody, type HttpApp, idParams, isServiceError, requireStaff, TAX_CLASSES } from '@petfriendly/core';
import {
  Badge,
  Card,
  Checkbox,
  Empty,
  Field,
  type FieldErrors,
  Form,
  FormErrorSummary,
  flash,
  formErrors,
  Layout,
  nestForm,
  type PageContext,
  pageContext,
  redirect,
  Select,
  sendPage,
  TextArea,
} from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppointmentsServices } from '../services';

const SPECIES = ['dog', 'cat', 'bird', 'rabbit', 'other'] as const;
const list = (v: unknown): string[] => (v == null || v === '' ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
type Values = Record<string, unknown>;

/** A list's ids with one moved a place up or down (the order managers then save). */
function moved(ids: number[], id: number, dir: string): number[] {
  const at = ids.indexOf(id);
  const to = dir === 'up' ? at - 1 : at + 1;
  if (at < 0 || to < 0 || to >= ids.length) return ids;
  const next = [...ids];
  [next[at], next[to]] = [next[to]!, next[at]!];
  return next;
}

/** Managers keep the services the clinic offers: categories, services, their order, prices and who performs them. */
export async function cataloguePages(app: HttpApp, s: AppointmentsServices, accounts: AccountsPort) {
  const c = s.catalog;
  const canEdit = (role: string) => role === 'manager' || role === 'admin';

  app.get('/admin/catalogue', { schema: { querystring: z.object({ retired: z.string().optional() }) } }, async (req, reply) => {
    const staff = requireStaff(req.actor);
    const retired = req.query.retired === '1';
    const [categories, services] = await Promise.all([
      c.listCategories(staff, { includeRetired: retired }),
      c.listServiceTypes(staff, { includeRetired: retired }),
    ]);
    const page = pageContext(req, reply);
    const { t } = page;
    const edit = canEdit(staff.role);
    return sendPage(
      reply,
      <Layout ctx={page} title={t('appointments:catalogue.title')} area="admin">
        <h1>{t('appointments:catalogue.title')}</h1>
        <p class="card-actions">
          {edit ? (
            <a class="btn" href="/admin/catalogue/services/new">
              ➕ {t('appointments:catalogue.newService')}
            </a>
          ) : null}
          <a class="btn btn-secondary" href={retired ? '/admin/catalogue' : '/admin/catalogue?retired=1'}>
            {retired ? t('appointments:catalogue.hideRetired') : t('appointments:catalogue.showRetired')}
          </a>
          <a class="btn btn-secondary" href="/admin/translations">
            🌐 {t('appointments:catalogue.translate')}
          </a>
        </p>
        {categories.length === 0 ? <Empty>{t('appointments:catalogue.empty')}</Empty> : null}
        {categories.map((cat) => (
          <Card title={`${cat.icon} ${cat.name}`} actions={edit ? <MoveButtons ctx={page} action={`/admin/catalogue/categories/${cat.id}/move`} /> : null}>
            {cat.isActive ? null : <Badge tone="muted">{t('appointments:catalogue.retired')}</Badge>}
            <ul class="list">
              {services
                .filter((x) => x.categoryId === cat.id)
                .map((x) => (
                  <li id={`service-${x.id}`}>
                    <a href={`/admin/catalogue/services/${x.id}`}>
                      <b>{x.name}</b>
                    </a>{' '}
                    <span class="meta">
                      {t('appointments:catalogue.minutes', { count: x.durationMinutes })} · ${x.price}
                    </span>{' '}
                    {x.onlineBookable ? null : <Badge tone="info">{t('appointments:catalogue.phoneOnly')}</Badge>}
                    {x.isActive ? null : <Badge tone="muted">{t('appointments:catalogue.retired')}</Badge>}
                    {edit ? <MoveButtons ctx={page} action={`/admin/catalogue/services/${x.id}/move`} /> : null}
                  </li>
                ))}
            </ul>
            {edit ? (
              <details>
                <summary>{t('appointments:catalogue.editCategory')}</summary>
                <CategoryForm ctx={page} action={`/admin/catalogue/categories/${cat.id}`} formKey={String(cat.id)} values={cat} />
                <Form ctx={page} action={`/admin/catalogue/categories/${cat.id}/retire`} class="inline">
                  <input type="hidden" name="retired" value={cat.isActive ? 'true' : 'false'} />
                  <button type="submit" class="btn-secondary btn-small">
                    {cat.isActive ? t('appointments:catalogue.retire') : t('appointments:catalogue.restore')}
                  </button>
                </Form>
              </details>
            ) : null}
          </Card>
        ))}
        {edit ? (
          <Card title={t('appointments:catalogue.newCategory')}>
            <CategoryForm ctx={page} action="/admin/catalogue/categories/new" formKey="new" values={{}} />
          </Card>
        ) : null}
      </Layout>,
    );
  });

  const back = (reply: FastifyReply, req: FastifyRequest, error: unknown, to = '/admin/catalogue') => {
    flash(reply, 'error', formErrors(error, req.t).message);
    return redirect(reply, to);
  };

  app.post('/admin/catalogue/categories/new', async (req, reply) => {
    try {
      await c.createCategory(req.actor, req.body);
      flash(reply, 'success', req.t('appointments:catalogue.saved'));
      return redirect(reply, '/admin/catalogue');
    } catch (error) {
      return back(reply, req, error);
    }
  });
  app.post('/admin/catalogue/categories/:id', { schema: { params: idParams } }, async (req, reply) => {
    try {
      await c.updateCategory(req.actor, req.params.id, req.body);
      flash(reply, 'success', req.t('appointments:catalogue.saved'));
      return redirect(reply, '/admin/catalogue');
    } catch (error) {
      return back(reply, req, error);
    }
  });
  app.post(
    '/admin/catalogue/categories/:id/retire',
    { schema: { params: idParams, body: formBody({ retired: z.string().optional() }) } },
    async (req, reply) => {
      try {
        await c.retireCategory(req.actor, req.params.id, { retired: req.body.retired === 'true' });
        return redirect(reply, '/admin/catalogue?retired=1');
      } catch (error) {
        return back(reply, req, error);
      }
    },
  );
  app.post('/admin/catalogue/categories/:id/move', { schema: { params: idParams, body: formBody({ dir: z.enum(['up', 'down']) }) } }, async (req, reply) => {
    try {
      const all = await c.listCategories(req.actor, { includeRetired: true });
      await c.reorderCategories(req.actor, {
        ids: moved(
          all.map((x) => x.id),
          req.params.id,
          req.body.dir,
        ),
      });
      return redirect(reply, '/admin/catalogue');
    } catch (error) {
      return back(reply, req, error);
    }
  });
  app.post('/admin/catalogue/services/:id/move', { schema: { params: idParams, body: formBody({ dir: z.enum(['up', 'down']) }) } }, async (req, reply) => {
    try {
      const service = await c.getServiceType(req.actor, req.params.id);
      const siblings = (await c.listServiceTypes(req.actor, { includeRetired: true })).filter((x) => x.categoryId === service.categoryId);
      await c.reorderServiceTypes(req.actor, service.categoryId, {
        ids: moved(
          siblings.map((x) => x.id),
          service.id,
          req.body.dir,
        ),
      });
      return redirect(reply, `/admin/catalogue#service-${service.id}`);
    } catch (error) {
      return back(reply, req, error);
    }
  });
  app.post('/admin/catalogue/services/:id/retire', { schema: { params: idParams, body: formBody({ retired: z.string().optional() }) } }, async (req, reply) => {
    try {
      const x = await c.retireServiceType(req.actor, req.params.id, { retired: req.body.retired === 'true' });
      flash(reply, 'success', req.t(x.isActive ? 'appointments:catalogue.restored' : 'appointments:catalogue.retiredDone', { name: x.name }));
      return redirect(reply, `/admin/catalogue/services/${x.id}`);
    } catch (error) {
      return back(reply, req, error);
    }
  });

  async function servicePage(
    req: FastifyRequest,
    reply: FastifyReply,
    id: number | null,
    category?: string,
    values?: Values,
    problem?: { errors: FieldErrors; message: string; status: number },
  ) {
    const staff = requireStaff(req.actor, ['manager', 'admin']);
    const [categories, team, current] = await Promise.all([
      c.listCategories(staff, { includeRetired: true }),
      accounts.users.listStaff(staff),
      id ? c.getServiceType(staff, id) : null,
    ]);
    const v: Values = values ??
      current ?? {
        categoryId: category,
        onlineBookable: true,
        taxClass: 'iva16',
        satProductCode: '70122000',
        satUnitCode: 'E48',
        deposit: '0.00',
      };
    const page = pageContext(req, reply);
    const { t } = page;
    // What other modules show about this service (the market's prices), beside its form.
    const panels = current ? await Promise.all(s.panels.forService().map((panel) => panel(page, staff, current.id))) : [];
    const title = current ? current.name : t('appointments:catalogue.newService');
    const chosen = (name: string) => list(v[name]);
    return sendPage(
      reply,
      <Layout ctx={page} title={title} area="admin">
        <p class="meta">
          <a href="/admin/catalogue">← {t('appointments:catalogue.title')}</a>
        </p>
        <h1>{title}</h1>
        {current && !current.isActive ? <Badge tone="muted">{t('appointments:catalogue.retired')}</Badge> : null}
        <FormErrorSummary message={problem?.message} />
        <Form ctx={page} action={current ? `/admin/catalogue/services/${current.id}` : '/admin/catalogue/services/new'}>
          <Select
            name="categoryId"
            label={t('appointments:catalogue.category')}
            value={String(v.categoryId ?? '')}
            errors={problem?.errors}
            options={categories.map((x) => ({ value: String(x.id), label: x.name }))}
          />
          <Field name="name" label={t('appointments:catalogue.name')} value={String(v.name ?? '')} errors={problem?.errors} required />
          <TextArea name="description" label={t('appointments:catalogue.description')} value={String(v.description ?? '')} errors={problem?.errors} />
          <div class="grid-2">
            <Field
              name="durationMinutes"
              label={t('appointments:catalogue.duration')}
              type="number"
              min="5"
              step="5"
              value={String(v.durationMinutes ?? '')}
              errors={problem?.errors}
              required
            />
            <Field
              name="price"
              label={t('appointments:catalogue.price')}
              type="number"
              min="0"
              step="0.01"
              value={String(v.price ?? '')}
              errors={problem?.errors}
              required
              hint={t('appointments:catalogue.priceHint')}
            />
            <Field
              name="deposit"
              label={t('appointments:catalogue.deposit')}
              type="number"
              min="0"
              step="0.01"
              value={String(v.deposit ?? '')}
              errors={problem?.errors}
              hint={t('appointments:catalogue.depositHint')}
            />
            <Select
              name="taxClass"
              label={t('appointments:catalogue.taxClass')}
              value={String(v.taxClass ?? 'iva16')}
              errors={problem?.errors}
              options={TAX_CLASSES.map((x) => ({ value: x, label: t(`appointments:catalogue.tax.${x}`) }))}
            />
            <Field name="satProductCode" label={t('appointments:catalogue.satProduct')} value={String(v.satProductCode ?? '')} errors={problem?.errors} />
            <Field name="satUnitCode" label={t('appointments:catalogue.satUnit')} value={String(v.satUnitCode ?? '')} errors={problem?.errors} />
          </div>
          <fieldset class="field">
            <legend>{t('appointments:catalogue.species')}</legend>
            <div class="checks">
              {SPECIES.map((x) => (
                <label class="checkbox">
                  <input type="checkbox" name="species" value={x} checked={chosen('species').includes(x)} /> {t(`appointments:catalogue.speciesName.${x}`)}
                </label>
              ))}
            </div>
            <small class="meta">{t('appointments:catalogue.speciesHint')}</small>
          </fieldset>
          <fieldset class={`field${problem?.errors?.staffIds ? ' has-error' : ''}`}>
            <legend>{t('appointments:catalogue.performedBy')}</legend>
            <div class="checks">
              {team
                .filter((m) => m.role === 'veterinarian' || m.role === 'admin' || m.role === 'manager')
                .map((m) => (
                  <label class="checkbox">
                    <input type="checkbox" name="staffIds" value={m.id} checked={chosen('staffIds').includes(m.id)} /> {m.name}
                  </label>
                ))}
            </div>
            <small class="meta">{t('appointments:catalogue.performedByHint')}</small>
          </fieldset>
          <Checkbox
            name="onlineBookable"
            label={t('appointments:catalogue.onlineBookable')}
            checked={v.onlineBookable === true || v.onlineBookable === 'true'}
          />
          <Checkbox
            name="requiresConsultation"
            label={t('appointments:catalogue.requiresConsultation')}
            checked={v.requiresConsultation === true || v.requiresConsultation === 'true'}
          />
          <Checkbox name="isEmergency" label={t('appointments:catalogue.isEmergency')} checked={v.isEmergency === true || v.isEmergency === 'true'} />
          <Checkbox name="priceVaries" label={t('appointments:catalogue.priceVaries')} checked={v.priceVaries === true || v.priceVaries === 'true'} />
          <button type="submit" class="btn-block">
            {t('appointments:catalogue.save')}
          </button>
        </Form>
        {current ? (
          <Form ctx={page} action={`/admin/catalogue/services/${current.id}/retire`}>
            <input type="hidden" name="retired" value={current.isActive ? 'true' : 'false'} />
            <button type="submit" class="btn-secondary">
              {current.isActive ? t('appointments:catalogue.retire') : t('appointments:catalogue.restore')}
            </button>
          </Form>
        ) : null}
        {panels}
      </Layout>,
      problem?.status ?? 200,
    );
  }

  const save = async (req: FastifyRequest, reply: FastifyReply, id: number | null) => {
    const body = nestForm(req.body);
    try {
      const saved = id ? await c.updateServiceType(req.actor, id, body) : await c.createServiceType(req.actor, body);
      flash(reply, 'success', req.t('appointments:catalogue.savedService', { name: saved.name }));
      return redirect(reply, `/admin/catalogue#service-${saved.id}`);
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return servicePage(req, reply, id, undefined, body, { errors: fields, message, status: isServiceError(error) ? error.statusCode : 422 });
    }
  };
  app.get('/admin/catalogue/services/new', { schema: { querystring: z.object({ category: z.string().optional() }) } }, (req, reply) =>
    servicePage(req, reply, null, req.query.category),
  );
  app.post('/admin/catalogue/services/new', (req, reply) => save(req, reply, null));
  app.get('/admin/catalogue/services/:id', { schema: { params: idParams } }, (req, reply) => servicePage(req, reply, req.params.id));
  app.post('/admin/catalogue/services/:id', { schema: { params: idParams } }, (req, reply) => save(req, reply, req.params.id));
}

function MoveButtons(props: { ctx: PageContext; action: string }) {
  const { t } = props.ctx;
  return (
    <div class="move">
      {(['up', 'down'] as const).map((dir) => (
        <Form ctx={props.ctx} action={props.action} class="inline">
          <input type="hidden" name="dir" value={dir} />
          <button
            type="submit"
            class="btn-small btn-secondary"
            aria-label={t(`appointments:catalogue.move.${dir}`)}
            title={t(`appointments:catalogue.move.${dir}`)}
          >
            {dir === 'up' ? '↑' : '↓'}
          </button>
        </Form>
      ))}
    </div>
  );
}

/** Several on one page: each field's id carries the form's key, so ids stay unique. */
function CategoryForm(props: { ctx: PageContext; action: string; formKey: string; values: { name?: string; icon?: string } }) {
  const { t } = props.ctx;
  const id = (field: string) => `category-${props.formKey}-${field}`;
  return (
    <Form ctx={props.ctx} action={props.action}>
      <div class="field">
        <label for={id('name')}>{t('appointments:catalogue.name')}</label>
        <input id={id('name')} name="name" value={props.values.name ?? ''} required />
      </div>
      <div class="field">
        <label for={id('icon')}>{t('appointments:catalogue.icon')}</label>
        <input id={id('icon')} name="icon" value={props.values.icon ?? ''} />
      </div>
      <button type="submit" class="btn-secondary">
        {t('appointments:catalogue.saveCategory')}
      </button>
    </Form>
  );
}
