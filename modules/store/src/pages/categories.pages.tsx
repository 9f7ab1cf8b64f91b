import { formBody, type HttpApp, idParams, requireStaff, textForm } from '@petfriendly/core';
import { Badge, Card, Empty, Form, flash, formErrors, Layout, type PageContext, pageContext, redirect, sendPage } from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { StoreServices } from '../services';

type Row = Awaited<ReturnType<StoreServices['categories']['listTree']>>[number];

/** Managers keep the shop's category tree: add, rename, move under another, order, retire. */
export async function categoryPages(app: HttpApp, s: StoreServices) {
  const c = s.categories;

  app.get('/admin/products/categories', async (req, reply) => {
    const staff = requireStaff(req.actor);
    const tree = await c.listTree(staff, { includeRetired: true });
    const page = pageContext(req, reply);
    const { t } = page;
    const edit = staff.role === 'manager' || staff.role === 'admin';
    return sendPage(
      reply,
      <Layout ctx={page} title={t('store:categories.title')} area="admin">
        <p class="meta">
          <a href="/admin/products">← {t('store:products.title')}</a>
        </p>
        <h1>{t('store:categories.title')}</h1>
        <p class="meta">{t('store:categories.help')}</p>
        <Card>
          {tree.length === 0 ? <Empty>{t('store:categories.empty')}</Empty> : null}
          <ul class="list">
            {tree.map((row) => (
              <li id={`category-${row.id}`} style={`padding-left:${row.depth * 1.25}rem`}>
                <b>{row.name}</b> <small class="meta">{t('store:categories.products', { count: row.productCount })}</small>{' '}
                {row.isActive ? null : <Badge tone="muted">{t('store:categories.retired')}</Badge>}
                {edit ? <Actions ctx={page} row={row} tree={tree} /> : null}
              </li>
            ))}
          </ul>
        </Card>
        {edit ? (
          <Card title={t('store:categories.new')}>
            <CategoryForm ctx={page} action="/admin/products/categories/new" formKey="new" tree={tree} />
          </Card>
        ) : null}
      </Layout>,
    );
  });

  const done = (reply: FastifyReply, req: FastifyRequest, id?: number) => {
    flash(reply, 'success', req.t('store:categories.saved'));
    return redirect(reply, `/admin/products/categories${id ? `#category-${id}` : ''}`);
  };
  const failed = (reply: FastifyReply, req: FastifyRequest, error: unknown) => {
    flash(reply, 'error', formErrors(error, req.t).message);
    return redirect(reply, '/admin/products/categories');
  };
  app.post('/admin/products/categories/new', { schema: { body: textForm } }, async (req, reply) => {
    try {
      return done(reply, req, (await c.createCategory(req.actor, req.body)).id);
    } catch (error) {
      return failed(reply, req, error);
    }
  });
  app.post('/admin/products/categories/:id', { schema: { params: idParams, body: textForm } }, async (req, reply) => {
    try {
      return done(reply, req, (await c.updateCategory(req.actor, req.params.id, req.body)).id);
    } catch (error) {
      return failed(reply, req, error);
    }
  });
  app.post(
    '/admin/products/categories/:id/retire',
    { schema: { params: idParams, body: formBody({ retired: z.string().optional() }) } },
    async (req, reply) => {
      try {
        return done(reply, req, (await c.retireCategory(req.actor, req.params.id, { retired: req.body.retired === 'true' })).id);
      } catch (error) {
        return failed(reply, req, error);
      }
    },
  );
  app.post('/admin/products/categories/:id/move', { schema: { params: idParams, body: formBody({ dir: z.enum(['up', 'down']) }) } }, async (req, reply) => {
    try {
      const tree = await c.listTree(req.actor, { includeRetired: true });
      const row = tree.find((x) => x.id === req.params.id);
      if (!row) return reply.callNotFound();
      const siblings = tree.filter((x) => x.parentId === row.parentId).map((x) => x.id);
      const at = siblings.indexOf(row.id);
      const to = req.body.dir === 'up' ? at - 1 : at + 1;
      if (to >= 0 && to < siblings.length) [siblings[at], siblings[to]] = [siblings[to]!, siblings[at]!];
      await c.reorderCategories(req.actor, { parentId: row.parentId ?? undefined, ids: siblings });
      return redirect(reply, `/admin/products/categories#category-${row.id}`);
    } catch (error) {
      return failed(reply, req, error);
    }
  });
}

function Actions(props: { ctx: PageContext; row: Row; tree: Row[] }) {
  const { ctx, row } = props;
  const { t } = ctx;
  return (
    <>
      <div class="move">
        {(['up', 'down'] as const).map((dir) => (
          <Form ctx={ctx} action={`/admin/products/categories/${row.id}/move`} class="inline">
            <input type="hidden" name="dir" value={dir} />
            <button type="submit" class="btn-small btn-secondary" aria-label={t(`store:categories.move.${dir}`)} title={t(`store:categories.move.${dir}`)}>
              {dir === 'up' ? '↑' : '↓'}
            </button>
          </Form>
        ))}
      </div>
      <details>
        <summary>{t('store:categories.edit')}</summary>
        <CategoryForm ctx={ctx} action={`/admin/products/categories/${row.id}`} formKey={String(row.id)} tree={props.tree} row={row} />
        <Form ctx={ctx} action={`/admin/products/categories/${row.id}/retire`} class="inline">
          <input type="hidden" name="retired" value={row.isActive ? 'true' : 'false'} />
          <button type="submit" class="btn-small btn-secondary">
            {row.isActive ? t('store:categories.retire') : t('store:categories.restore')}
          </button>
        </Form>
      </details>
    </>
  );
}

/** Several on one page: each field's id carries the form's key, so ids stay unique. */
function CategoryForm(props: { ctx: PageContext; action: string; formKey: string; tree: Row[]; row?: Row }) {
  const { t } = props.ctx;
  const id = (field: string) => `category-${props.formKey}-${field}`;
  const parents = props.tree.filter((x) => x.id !== props.row?.id);
  return (
    <Form ctx={props.ctx} action={props.action}>
      <div class="field">
        <label for={id('name')}>{t('store:categories.name')}</label>
        <input id={id('name')} name="name" value={props.row?.name ?? ''} required />
      </div>
      <div class="field">
        <label for={id('parent')}>{t('store:categories.parent')}</label>
        <select id={id('parent')} name="parentId">
          <option value="">{t('store:categories.top')}</option>
          {parents.map((p) => (
            <option value={String(p.id)} selected={p.id === props.row?.parentId}>
              {`${'— '.repeat(p.depth)}${p.name}`}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="btn-secondary">
        {t('store:categories.save')}
      </button>
    </Form>
  );
}
