import { formatMoney, type HttpApp, idParams, isServiceError, localize, requireAuthenticated } from '@petfriendly/core';
import { Card, Empty, Form, flash, Layout, pageContext, redirect, StoredIcon, sendPage } from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { LoyaltyServices } from '../services';
import { PointsFigure, rewardValue, tierName, VoucherStatus } from './parts';

const REF_COOKIE = 'pf_ref';

/** The owner portal's "Mis puntos": balance, tier and progress, expiring points, rewards, vouchers, history, referral link. */
export async function pointsPages(app: HttpApp, s: LoyaltyServices) {
  const l = s.loyalty;

  app.get('/my/points', async (req, reply) => {
    if (!req.sessionUser) return redirect(reply, '/sign-in?next=/my/points');
    const actor = requireAuthenticated(req.actor);
    const [member, history, lots, rewards, vouchers] = await Promise.all([
      l.getMember(actor),
      l.history(actor),
      l.expiringLots(actor),
      l.getAvailableRewards(actor, { affordableOnly: false }),
      l.listRedemptions(actor),
    ]);
    const page = pageContext(req, reply);
    const { t, fmt } = page;
    const base = `${req.protocol}://${req.host}`;
    const link = `${base}/ref/${member.referralCode}`;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('loyalty:my.title')} description={t('loyalty:my.description')}>
        <h1>⭐ {t('loyalty:my.title')}</h1>
        <section class="card at-a-glance" aria-labelledby="points-summary">
          <h2 id="points-summary" class="sr-only">
            {t('loyalty:my.balance')}
          </h2>
          <dl class="glance">
            <div>
              <dt>{t('loyalty:my.balance')}</dt>
              <dd>
                <span class="bill-amount" data-testid="balance">
                  {member.currentPoints}
                </span>
              </dd>
            </div>
            <div>
              <dt>
                <StoredIcon name={member.tier.icon} /> {t('loyalty:my.tier', { tier: tierName(t, member.tier) })}
              </dt>
              <dd>{t('loyalty:my.discount', { percent: Number(member.tier.discountPercent) })}</dd>
            </div>
            <div>
              <dt>{t('loyalty:my.lifetime', { amount: formatMoney(member.lifetimeSpending) })}</dt>
              <dd>
                {member.nextTier ? (
                  <>
                    <progress id="tier-progress" max="100" value={String(member.progressPercent)} aria-label={tierName(t, member.nextTier)}>
                      {member.progressPercent} %
                    </progress>
                    <span>{t('loyalty:my.progress', { amount: formatMoney(member.toNextTier!), tier: tierName(t, member.nextTier) })}</span>
                  </>
                ) : (
                  t('loyalty:my.topTier')
                )}
              </dd>
            </div>
          </dl>
        </section>
        <div class="grid-2">
          <Card title={t('loyalty:my.rewards')}>
            {rewards.length === 0 ? <Empty>{t('loyalty:my.rewardsNone')}</Empty> : null}
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
                  {r.pointsCost <= member.currentPoints ? (
                    <Form ctx={page} action="/my/points/redeem" class="inline">
                      <input type="hidden" name="rewardId" value={String(r.id)} />
                      <button type="submit" class="btn-small" aria-label={`${t('loyalty:my.redeem')}: ${r.name}`}>
                        {t('loyalty:my.redeem')}
                      </button>
                    </Form>
                  ) : (
                    <span class="meta">{t('loyalty:my.needMore', { points: r.pointsCost - member.currentPoints })}</span>
                  )}
                </li>
              ))}
            </ul>
          </Card>
          <Card title={t('loyalty:my.expiring')}>
            {lots.length === 0 ? <Empty>{t('loyalty:my.expiringNone')}</Empty> : null}
            <ul class="list compact">
              {lots.map((lot) => (
                <li>
                  <span class="grow">{lot.description}</span>
                  <span>
                    <b>{lot.remaining}</b> · {t('loyalty:col.expires')} {fmt.date(lot.expiresAt!)}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        </div>
        {vouchers.length ? (
          <Card title={t('loyalty:my.vouchers')}>
            <p class="meta">{t('loyalty:my.voucherHelp')}</p>
            <ul class="list">
              {vouchers.map(({ redemption, reward }) => (
                <li>
                  <span class="grow">
                    <b>{reward.name}</b> <code>{redemption.code}</code>
                    <br />
                    <span class="meta">{rewardValue(t, reward)}</span>
                  </span>
                  <VoucherStatus t={t} status={redemption.status} />
                  {redemption.status === 'available' ? (
                    <Form ctx={page} action={`/my/points/vouchers/${redemption.id}/cancel`} class="inline">
                      <button type="submit" class="btn-small btn-secondary" aria-label={`${t('loyalty:my.giveBack')}: ${redemption.code}`}>
                        {t('loyalty:my.giveBack')}
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <Card title={t('loyalty:my.history')}>
          {history.length === 0 ? <Empty>{t('loyalty:my.historyNone')}</Empty> : null}
          {history.length ? (
            <table class="data" aria-label={t('loyalty:my.history')}>
              <thead>
                <tr>
                  <th>{t('loyalty:col.date')}</th>
                  <th>{t('loyalty:col.description')}</th>
                  <th class="num">{t('loyalty:col.points')}</th>
                  <th class="num">{t('loyalty:col.balance')}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((h) => (
                  <tr>
                    <td data-label={t('loyalty:col.date')}>{fmt.date(h.createdAt)}</td>
                    <td data-label={t('loyalty:col.description')}>
                      {t(`loyalty:type.${h.transactionType}`)}
                      {h.description ? ` · ${h.description}` : ''}
                    </td>
                    <td class="num stock-figure" data-label={t('loyalty:col.points')}>
                      <PointsFigure points={h.points} />
                    </td>
                    <td class="num" data-label={t('loyalty:col.balance')}>
                      {h.balanceAfter}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </Card>
        <Card title={t('loyalty:my.referral')}>
          <p>{t('loyalty:my.referralHelp', { points: s.settings.REFERRAL_POINTS })}</p>
          <div class="field">
            <label for="referral-link">{t('loyalty:my.referralLink')}</label>
            <input id="referral-link" type="text" readonly value={link} />
          </div>
          <p class="meta">{t('loyalty:my.referralCode', { code: member.referralCode })}</p>
          <Form ctx={page} action="/my/points/referral" class="row">
            <div class="field">
              <label for="referral-code">{t('loyalty:my.enterCode')}</label>
              <input id="referral-code" name="code" type="text" autocomplete="off" maxlength={20} required />
            </div>
            <button type="submit" class="btn-secondary">
              {t('loyalty:my.apply')}
            </button>
          </Form>
        </Card>
      </Layout>,
    );
  });

  /** Runs a form's action and comes back to the page with what happened. */
  async function act(req: FastifyRequest, reply: FastifyReply, work: () => Promise<string>) {
    try {
      flash(reply, 'success', await work());
    } catch (error) {
      if (!isServiceError(error) || error.statusCode >= 500) throw error;
      flash(reply, 'error', localize(req.t, error.code, error.message, error.details as Record<string, string>));
    }
    return redirect(reply, '/my/points');
  }

  app.post('/my/points/redeem', (req, reply) =>
    act(req, reply, async () => {
      const r = await l.redeemPoints(req.actor, req.body);
      return req.t('loyalty:my.redeemed', { reward: r.reward.name, code: r.code });
    }),
  );
  app.post('/my/points/vouchers/:id/cancel', { schema: { params: idParams } }, (req, reply) =>
    act(req, reply, async () => {
      await l.cancelRedemption(req.actor, req.params.id);
      return req.t('loyalty:my.givenBack');
    }),
  );
  app.post('/my/points/referral', (req, reply) =>
    act(req, reply, async () => {
      await l.applyReferral(req.actor, req.body);
      return req.t('loyalty:my.referralApplied');
    }),
  );

  // A referral link (`/ref/CODE`): the code waits in a cookie while the friend signs up, and is applied when they
  // first open a loyalty page signed in (hooks are scoped to this module's routes).
  app.get('/ref/:code', { schema: { params: z.object({ code: z.string() }) } }, async (req, reply) => {
    const code = req.params.code.slice(0, 20);
    reply.setCookie(REF_COOKIE, code, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 * 60 * 24 * 30 });
    return redirect(reply, req.sessionUser ? '/my/points' : '/sign-up');
  });
  app.addHook('preHandler', async (req, reply) => {
    const code = req.cookies?.[REF_COOKIE];
    if (!code || req.actor?.kind !== 'owner') return;
    reply.clearCookie(REF_COOKIE, { path: '/' });
    await l.applyReferral(req.actor, { code }).catch((error: unknown) => {
      if (!isServiceError(error)) throw error;
    });
  });
}
