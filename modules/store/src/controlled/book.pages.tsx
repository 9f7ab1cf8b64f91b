import { type HttpApp, idParams, isServiceError, optionalRowId, requireStaff } from '@petfriendly/core';
import { Badge, Card, Empty, Field, Form, flash, formErrors, Layout, nestForm, pageContext, redirect, ScrollRegion, Select, sendPage } from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { StoreServices } from '../services';
import { sendBook } from './book.routes';
import { BOOK_ROLES } from './book.service';
import { type BookForm, BookForms, type FormState } from './book-forms';

const bookQuery = z.object({ productId: optionalRowId, batchId: z.string().optional(), from: z.string().optional(), to: z.string().optional() });
type Query = z.output<typeof bookQuery>;

/** `/admin/controlled`: the book per product (filters: product, batch, period), its batches, and what vets and managers record in it. */
export async function bookPages(app: HttpApp, s: StoreServices) {
  async function bookPage(req: FastifyRequest, reply: FastifyReply, q: Query, state?: FormState & { status: number }) {
    const staff = requireStaff(req.actor, BOOK_ROLES);
    const products = await s.book.products(staff);
    const chosen = q.productId || products[0]?.id || null;
    const filter = { productId: chosen ?? undefined, batchId: q.batchId || undefined, from: q.from || undefined, to: q.to || undefined };
    const [balances, entries, pending, colleagues] = await Promise.all([
      chosen ? s.book.balances(staff, chosen) : [],
      chosen ? s.book.entries(staff, filter) : [],
      s.book.pendingCounts(staff),
      s.book.colleagues(staff),
    ]);
    const page = pageContext(req, reply);
    const { t, fmt } = page;
    const product = products.find((p) => p.id === chosen);
    const query = new URLSearchParams(Object.entries(filter).flatMap(([k, v]) => (v ? [[k, String(v)]] : []))).toString();
    const names = new Map(products.map((p) => [p.id, p.name]));
    return sendPage(
      reply,
      <Layout ctx={page} title={t('store:book.title')} area="admin" description={t('store:book.description')}>
        <h1>{t('store:book.title')}</h1>
        {products.length === 0 ? <Empty>{t('store:book.noProducts')}</Empty> : null}
        <form method="get" action="/admin/controlled" class="stack filters">
          <div class="row">
            <Select
              name="productId"
              label={t('store:book.filter.product')}
              value={String(chosen ?? '')}
              options={products.map((p) => ({ value: String(p.id), label: `${p.name}${p.group ? ` · ${p.group}` : ''}` }))}
            />
            <Select
              name="batchId"
              label={t('store:book.filter.batch')}
              value={q.batchId ?? ''}
              options={[{ value: '', label: t('store:book.filter.all') }, ...balances.map((b) => ({ value: String(b.batchId), label: b.batchNumber || '—' }))]}
            />
            <Field name="from" type="date" label={t('store:book.filter.from')} value={q.from} />
            <Field name="to" type="date" label={t('store:book.filter.to')} value={q.to} />
          </div>
          <div class="actions">
            <button type="submit">{t('store:book.filter.apply')}</button>
            {chosen ? (
              <>
                <a class="btn btn-secondary" href={`/admin/controlled/book.pdf?${query}`}>
                  {t('store:book.pdf')}
                </a>
                <a class="btn btn-secondary" href={`/admin/controlled/book.csv?${query}`}>
                  {t('store:book.csv')}
                </a>
              </>
            ) : null}
          </div>
        </form>
        {product ? (
          <Card title={t('store:book.balances')} icon="pill">
            <p class="meta">
              {product.presentation ? `${product.presentation} · ` : ''}
              {t('store:book.group')}: {product.group ? t(`store:book.groups.${product.group}`) : '—'}
            </p>
            <ul class="list">
              {balances.map((b) => (
                <li>
                  <span class="grow">
                    <b>
                      {t('store:book.col.batch')} {b.batchNumber || '—'}
                    </b>
                    <br />
                    <span class="meta">
                      {t('store:book.col.expiry')} {b.expiryDate ? fmt.date(b.expiryDate) : '—'}
                    </span>
                  </span>
                  <Badge tone={b.balance === 0 ? 'muted' : 'info'}>{b.balance}</Badge>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        {pending.length ? (
          <Card title={t('store:book.count.pendingTitle')} icon="clipboard-list">
            <ul class="list">
              {pending.map((c) => (
                <li>
                  <span class="grow">
                    <b>{names.get(c.productId) ?? c.productId}</b>
                    <br />
                    <span class="meta">
                      {t('store:book.count.expected')} {c.expected} · {t('store:book.count.counted')} {c.counted} · {t('store:book.count.difference')}{' '}
                      {c.difference} · {c.reason}
                    </span>
                  </span>
                  {c.countedBy === staff.userId ? null : (
                    <Form ctx={page} action={`/admin/controlled/counts/${c.id}/approve`} class="inline">
                      <button type="submit">{t('store:book.count.approve')}</button>
                    </Form>
                  )}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        {chosen ? (
          <Card title={t('store:book.entries')} icon="book-open">
            {entries.length === 0 ? <Empty>{t('store:book.empty')}</Empty> : null}
            {entries.length ? (
              <ScrollRegion label={t('store:book.entries')}>
                <table class="data">
                  <thead>
                    <tr>
                      <th>{t('store:book.col.date')}</th>
                      <th>{t('store:book.col.batch')}</th>
                      <th>{t('store:book.col.type')}</th>
                      <th class="num">{t('store:book.col.in')}</th>
                      <th class="num">{t('store:book.col.out')}</th>
                      <th class="num">{t('store:book.col.balance')}</th>
                      <th>{t('store:book.col.patient')}</th>
                      <th>{t('store:book.col.who')}</th>
                      <th>{t('store:book.col.witness')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {entries.map((e) => (
                      <tr>
                        <td>{fmt.dateTime(e.createdAt)}</td>
                        <td>{e.batchNumber || '—'}</td>
                        <td>{t(`store:book.types.${e.type}`)}</td>
                        <td class="num">{e.quantity > 0 ? e.quantity : ''}</td>
                        <td class="num">{e.quantity < 0 ? -e.quantity : ''}</td>
                        <td class="num">
                          <b>{e.balance}</b>
                        </td>
                        <td>
                          {[[e.patient, e.owner].filter(Boolean).join(' / '), e.dose ? `${Number(e.dose)} ${e.doseUnit} ${e.route}` : '', e.reason]
                            .filter(Boolean)
                            .join(' · ')}
                        </td>
                        <td>
                          {e.by ?? '—'}
                          {e.licenseNumber ? <small class="meta"> · {e.licenseNumber}</small> : null}
                        </td>
                        <td>{e.witness ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            ) : null}
          </Card>
        ) : null}
        {chosen && balances.length ? (
          <BookForms page={page} productId={chosen} batches={balances} colleagues={colleagues} isVet={staff.role === 'veterinarian'} state={state} />
        ) : null}
      </Layout>,
      state?.status ?? 200,
    );
  }

  app.get('/admin/controlled', { schema: { querystring: bookQuery } }, (req, reply) => bookPage(req, reply, req.query));
  // The printed book for people (the page's cookie); the API serves the same to a token.
  app.get('/admin/controlled/book.pdf', { schema: { hide: true } }, (req, reply) => sendBook(req, reply, s, 'pdf'));
  app.get('/admin/controlled/book.csv', { schema: { hide: true } }, (req, reply) => sendBook(req, reply, s, 'csv'));

  const action = (form: BookForm) =>
    app.post(`/admin/controlled/:id/${form}`, { schema: { params: idParams } }, async (req, reply) => {
      const staff = requireStaff(req.actor, BOOK_ROLES);
      const productId = req.params.id;
      const values = nestForm(req.body) as Record<string, string>;
      try {
        if (form === 'administer') await s.book.administer(staff, { ...values, productId });
        else if (form === 'waste') await s.book.waste(staff, { ...values, productId });
        else {
          const c = await s.book.count(staff, { ...values, productId });
          flash(reply, 'success', c.status === 'matched' ? req.t('store:book.count.matched') : req.t('store:book.count.pending', { difference: c.difference }));
          return redirect(reply, `/admin/controlled?productId=${productId}`);
        }
        flash(reply, 'success', req.t('store:book.recorded'));
        return redirect(reply, `/admin/controlled?productId=${productId}`);
      } catch (error) {
        const { fields, message } = formErrors(error, req.t);
        return bookPage(req, reply, { productId }, { form, values, errors: fields, message, status: isServiceError(error) ? error.statusCode : 422 });
      }
    });
  action('administer');
  action('waste');
  action('count');
  app.post('/admin/controlled/counts/:id/approve', { schema: { params: idParams } }, async (req, reply) => {
    const staff = requireStaff(req.actor, BOOK_ROLES);
    try {
      const c = await s.book.approveCount(staff, req.params.id);
      flash(reply, 'success', req.t('store:book.count.approved'));
      return redirect(reply, `/admin/controlled?productId=${c.productId}`);
    } catch (error) {
      flash(reply, 'error', formErrors(error, req.t).message);
      return redirect(reply, '/admin/controlled');
    }
  });
}
