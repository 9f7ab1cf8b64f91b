import type { AccountsPort } from '@petfriendly/accounts';
import { formatMoney, type HttpApp, idParams, isServiceError, localize, requireStaff, rowId } from '@petfriendly/core';
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
  pageContext,
  redirect,
  Select,
  StoredIcon,
  sendPage,
  TextArea,
} from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { REWARD_TYPES } from '../loyalty.tables';
import type { LoyaltyServices } from '../services';
import { PointsFigure, rewardValue, tierName, VoucherStatus } from './parts';

type Values = Record<string, string | undefined>;

/** Staff: the tiers, the rewards catalogue (managers edit it), and a member lookup with bonus points and desk vouchers. */
/** `:ownerId`: a member's user id. */
const memberParams = z.object({ ownerId: z.string() });

export async function adminPages(app: HttpApp, s: LoyaltyServices, accounts: AccountsPort) {
  async function loyaltyPage(
    req: FastifyRequest,
    reply: FastifyReply,
    asked: string | undefined,
    problem?: { values: Values; errors: FieldErrors; message: string },
  ) {
    const staff = requireStaff(req.actor);
    const query = (asked ?? '').trim();
    const [tiers, rewards, ownerIds] = await Promise.all([
      s.members.listTiers(),
      s.rewards.listRewards(staff),
      query.length >= 2 ? accounts.directory.findOwnerIds(query, 20) : Promise.resolve([]),
    ]);
    const names = await accounts.directory.namesOf(ownerIds);
    const page = pageContext(req, reply);
    const { t } = page;
    const v = problem?.values ?? {};
    const canEdit = staff.role === 'manager' || staff.role === 'admin';
    return sendPage(
      reply,
      <Layout ctx={page} title={t('loyalty:admin.title')} description={t('loyalty:admin.description')} area="admin">
        <h1>⭐ {t('loyalty:admin.title')}</h1>
        <Card title={t('loyalty:admin.lookup')}>
          <form method="get" action="/admin/loyalty" class="row" role="search">
            <div class="field">
              <label for="owner-search">{t('loyalty:admin.search')}</label>
              <input id="owner-search" name="q" type="search" value={query} autocomplete="off" />
            </div>
            <button type="submit" class="btn-secondary">
              {t('loyalty:admin.searchButton')}
            </button>
          </form>
          {query.length >= 2 && ownerIds.length === 0 ? <Empty>{t('loyalty:admin.noMatch')}</Empty> : null}
          <ul class="list">
            {ownerIds.map((id) => (
              <li>
                <span class="grow">{names.get(id) ?? id}</span>
                <a class="btn btn-small btn-secondary" href={`/admin/loyalty/members/${id}`}>
                  {t('loyalty:admin.open')}
                </a>
              </li>
            ))}
          </ul>
        </Card>
        <div class="grid-2">
          <Card title={t('loyalty:admin.rewards')}>
            {rewards.length === 0 ? <Empty>{t('loyalty:admin.rewardsNone')}</Empty> : null}
            <ul class="list">
              {rewards.map((r) => (
                <li>
                  <span class="grow">
                    <b>{r.name}</b> {r.isActive ? null : <Badge tone="muted">{t('loyalty:admin.inactive')}</Badge>}
                    <br />
                    <span class="meta">
                      {rewardValue(t, r)} · {t('loyalty:my.cost', { points: r.pointsCost })} ·{' '}
                      {r.quantityAvailable === null ? t('loyalty:admin.unlimited') : r.quantityAvailable}
                    </span>
                  </span>
                  {canEdit && r.isActive ? (
                    <Form ctx={page} action={`/admin/loyalty/rewards/${r.id}/deactivate`} class="inline">
                      <button type="submit" class="btn-small btn-secondary" aria-label={`${t('loyalty:admin.deactivate')}: ${r.name}`}>
                        {t('loyalty:admin.deactivate')}
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          </Card>
          <Card title={t('loyalty:admin.tiers')}>
            <table class="data" aria-label={t('loyalty:admin.tiers')}>
              <thead>
                <tr>
                  <th>{t('loyalty:admin.name')}</th>
                  <th class="num">{t('loyalty:admin.minSpend')}</th>
                  <th class="num">{t('loyalty:admin.discountPercent')}</th>
                  <th class="num">{t('loyalty:admin.multiplier')}</th>
                </tr>
              </thead>
              <tbody>
                {tiers.map((tier) => (
                  <tr>
                    <td>
                      <StoredIcon name={tier.icon} /> {tierName(t, tier)}
                    </td>
                    <td class="num" data-label={t('loyalty:admin.minSpend')}>
                      {formatMoney(tier.minLifetimeSpending)}
                    </td>
                    <td class="num" data-label={t('loyalty:admin.discountPercent')}>
                      {Number(tier.discountPercent)} %
                    </td>
                    <td class="num" data-label={t('loyalty:admin.multiplier')}>
                      × {Number(tier.pointsMultiplier)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        </div>
        {canEdit ? (
          <details class="card add" id="form-reward" open={!!problem}>
            <summary>+ {t('loyalty:admin.newReward')}</summary>
            <FormErrorSummary message={problem?.message} />
            <Form ctx={page} action="/admin/loyalty/rewards">
              <div class="row">
                <Field name="name" label={t('loyalty:admin.name')} required value={v.name} errors={problem?.errors} />
                <Select
                  name="rewardType"
                  label={t('loyalty:admin.rewardType')}
                  value={v.rewardType ?? 'discount'}
                  errors={problem?.errors}
                  options={REWARD_TYPES.map((r) => ({ value: r, label: t(`loyalty:rewardType.${r}`) }))}
                />
                <Field
                  name="pointsCost"
                  label={t('loyalty:admin.pointsCost')}
                  type="number"
                  min="1"
                  step="1"
                  required
                  value={v.pointsCost}
                  errors={problem?.errors}
                />
              </div>
              <TextArea name="description" label={t('loyalty:admin.rewardDescription')} value={v.description} errors={problem?.errors} rows={2} />
              <div class="row">
                <Field
                  name="discountPercent"
                  label={t('loyalty:admin.discountPercent')}
                  type="number"
                  min="0"
                  step="0.01"
                  value={v.discountPercent}
                  errors={problem?.errors}
                />
                <Field
                  name="discountAmount"
                  label={t('loyalty:admin.discountAmount')}
                  type="number"
                  min="0"
                  step="0.01"
                  value={v.discountAmount}
                  errors={problem?.errors}
                />
                <Field
                  name="freeServiceId"
                  label={t('loyalty:admin.freeServiceId')}
                  type="number"
                  min="1"
                  step="1"
                  value={v.freeServiceId}
                  errors={problem?.errors}
                />
                <Field
                  name="freeProductId"
                  label={t('loyalty:admin.freeProductId')}
                  type="number"
                  min="1"
                  step="1"
                  value={v.freeProductId}
                  errors={problem?.errors}
                />
              </div>
              <div class="row">
                <Select
                  name="minTierSlug"
                  label={t('loyalty:admin.minTier')}
                  value={v.minTierSlug ?? ''}
                  errors={problem?.errors}
                  options={[{ value: '', label: t('loyalty:admin.anyTier') }, ...tiers.map((tier) => ({ value: tier.slug, label: tierName(t, tier) }))]}
                />
                <Field
                  name="quantityAvailable"
                  label={t('loyalty:admin.quantity')}
                  type="number"
                  min="0"
                  step="1"
                  value={v.quantityAvailable}
                  errors={problem?.errors}
                />
                <Field name="validUntil" label={t('loyalty:admin.validUntil')} type="date" value={v.validUntil} errors={problem?.errors} />
              </div>
              <Checkbox name="isActive" label={t('loyalty:admin.active')} checked={problem ? v.isActive === 'true' : true} />
              <button type="submit">{t('loyalty:admin.save')}</button>
            </Form>
          </details>
        ) : null}
      </Layout>,
      problem ? 422 : 200,
    );
  }

  const searchQuery = z.object({ q: z.string().optional() });
  app.get('/admin/loyalty', { schema: { querystring: searchQuery } }, (req, reply) => loyaltyPage(req, reply, req.query.q));
  app.post('/admin/loyalty/rewards', { schema: { querystring: searchQuery } }, async (req, reply) => {
    const values = nestForm(req.body) as Values;
    try {
      await s.rewards.createReward(req.actor, { ...values, isActive: values.isActive === 'true' });
      flash(reply, 'success', req.t('loyalty:admin.rewardSaved'));
      return redirect(reply, '/admin/loyalty');
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return loyaltyPage(req, reply, req.query.q, { values, errors: fields, message });
    }
  });
  app.post('/admin/loyalty/rewards/:id/deactivate', { schema: { params: idParams } }, async (req, reply) => {
    await s.rewards.deactivateReward(req.actor, req.params.id);
    return redirect(reply, '/admin/loyalty');
  });

  app.get('/admin/loyalty/members/:ownerId', { schema: { params: memberParams } }, async (req, reply) => {
    const staff = requireStaff(req.actor);
    const { ownerId } = req.params;
    const name = (await accounts.directory.namesOf([ownerId])).get(ownerId);
    if (!name) return reply.callNotFound();
    const [member, history, vouchers, rewards] = await Promise.all([
      s.loyalty.getMember(staff, ownerId),
      s.loyalty.history(staff, ownerId),
      s.loyalty.listRedemptions(staff, ownerId),
      s.loyalty.getAvailableRewards(staff, { affordableOnly: true }, ownerId),
    ]);
    const page = pageContext(req, reply);
    const { t, fmt } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('loyalty:admin.member', { name })} area="admin">
        <p class="meta">
          <a href="/admin/loyalty">← {t('loyalty:admin.title')}</a>
        </p>
        <h1>{t('loyalty:admin.member', { name })}</h1>
        <Card>
          <p>
            <b class="bill-amount">{member.currentPoints}</b> {t('loyalty:col.points')} · <StoredIcon name={member.tier.icon} /> {tierName(t, member.tier)} ·{' '}
            {t('loyalty:my.discount', { percent: Number(member.tier.discountPercent) })}
          </p>
          <p class="meta">
            {t('loyalty:my.lifetime', { amount: formatMoney(member.lifetimeSpending) })} · {t('loyalty:my.referralCode', { code: member.referralCode })}
          </p>
        </Card>
        <div class="grid-2">
          <Card title={t('loyalty:admin.bonus')}>
            <Form ctx={page} action={`/admin/loyalty/members/${ownerId}/bonus`}>
              <Field name="points" label={t('loyalty:admin.bonusPoints')} type="number" min="1" step="1" required />
              <Field name="reason" label={t('loyalty:admin.reason')} required />
              <button type="submit">{t('loyalty:admin.give')}</button>
            </Form>
          </Card>
          <Card title={t('loyalty:admin.vouchers')}>
            {vouchers.length === 0 ? <Empty>{t('loyalty:admin.vouchersNone')}</Empty> : null}
            <ul class="list">
              {vouchers.map(({ redemption, reward }) => (
                <li>
                  <span class="grow">
                    <b>{reward.name}</b> <VoucherStatus t={t} status={redemption.status} />
                    <br />
                    <span class="meta">
                      <code>{redemption.code}</code> · {rewardValue(t, reward)}
                    </span>
                  </span>
                  {redemption.status === 'available' ? (
                    <Form ctx={page} action={`/admin/loyalty/members/${ownerId}/vouchers/${redemption.id}/use`} class="inline">
                      <button type="submit" class="btn-small" aria-label={`${t('loyalty:admin.markUsed')}: ${redemption.code}`}>
                        {t('loyalty:admin.markUsed')}
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          </Card>
        </div>
        {rewards.length ? (
          <Card title={t('loyalty:admin.redeemFor')}>
            <ul class="list">
              {rewards.map((r) => (
                <li>
                  <span class="grow">
                    <b>{r.name}</b>
                    <br />
                    <span class="meta">
                      {rewardValue(t, r)} · {t('loyalty:my.cost', { points: r.pointsCost })}
                    </span>
                  </span>
                  <Form ctx={page} action={`/admin/loyalty/members/${ownerId}/redeem`} class="inline">
                    <input type="hidden" name="rewardId" value={String(r.id)} />
                    <button type="submit" class="btn-small" aria-label={`${t('loyalty:my.redeem')}: ${r.name}`}>
                      {t('loyalty:my.redeem')}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <Card title={t('loyalty:my.history')}>
          <ul class="list compact">
            {history.map((h) => (
              <li>
                <span class="grow">
                  {fmt.date(h.createdAt)} · {t(`loyalty:type.${h.transactionType}`)}
                  {h.description ? ` · ${h.description}` : ''}
                </span>
                <span class="stock-figure">
                  <PointsFigure points={h.points} />
                </span>
              </li>
            ))}
          </ul>
        </Card>
      </Layout>,
    );
  });

  /** A member page's form: do it, say what happened, back to the member. */
  async function memberAction(req: FastifyRequest, reply: FastifyReply, ownerId: string, work: (ownerId: string) => Promise<string>) {
    try {
      flash(reply, 'success', await work(ownerId));
    } catch (error) {
      if (!isServiceError(error) || error.statusCode >= 500) throw error;
      flash(reply, 'error', localize(req.t, error.code, error.message, error.details as Record<string, string>));
    }
    return redirect(reply, `/admin/loyalty/members/${ownerId}`);
  }

  app.post('/admin/loyalty/members/:ownerId/bonus', { schema: { params: memberParams } }, (req, reply) =>
    memberAction(req, reply, req.params.ownerId, async (ownerId) => {
      const lot = await s.loyalty.addPoints(req.actor, ownerId, req.body);
      return req.t('loyalty:admin.bonusGiven', { points: lot.points });
    }),
  );
  app.post('/admin/loyalty/members/:ownerId/redeem', { schema: { params: memberParams } }, (req, reply) =>
    memberAction(req, reply, req.params.ownerId, async (ownerId) => {
      const r = await s.loyalty.redeemPoints(req.actor, req.body, ownerId);
      return req.t('loyalty:my.redeemed', { reward: r.reward.name, code: r.code });
    }),
  );
  app.post('/admin/loyalty/members/:ownerId/vouchers/:id/use', { schema: { params: memberParams.extend({ id: rowId }) } }, (req, reply) =>
    memberAction(req, reply, req.params.ownerId, async () => {
      await s.loyalty.useVoucher(req.actor, req.params.id);
      return req.t('loyalty:admin.markedUsed');
    }),
  );
}
