import { type HttpApp, idParams } from '@petfriendly/core';
import { z } from 'zod';
import {
  bonusSchema,
  memberSchema,
  ownerIdSchema,
  redeemSchema,
  redemptionSchema,
  referralSchema,
  rewardInputSchema,
  rewardSchema,
  rewardsQuerySchema,
  transactionSchema,
} from './loyalty.schemas';
import type { LoyaltyServices } from './services';

const tags = ['loyalty'];
const ownerQuery = z.object({ ownerId: z.string().uuid().optional() });

/** `/api/v1/loyalty`: owners their own points (staff name the owner with `ownerId`); rewards for managers. */
export async function loyaltyRoutes(app: HttpApp, s: LoyaltyServices) {
  const base = '/api/v1/loyalty';
  const l = s.loyalty;
  app.get(
    `${base}/member`,
    { schema: { tags, summary: 'A member: points, tier, progress to the next tier, referral code', querystring: ownerQuery, response: { 200: memberSchema } } },
    (req) => l.getMember(req.actor, req.query.ownerId),
  );
  app.get(
    `${base}/transactions`,
    { schema: { tags, summary: "A member's points history, newest first", querystring: ownerQuery, response: { 200: z.array(transactionSchema) } } },
    (req) => l.history(req.actor, req.query.ownerId),
  );
  app.get(
    `${base}/rewards`,
    {
      schema: {
        tags,
        summary: 'Rewards the member may redeem (only those they can afford by default)',
        querystring: rewardsQuerySchema.extend(ownerQuery.shape),
        response: { 200: z.array(rewardSchema) },
      },
    },
    (req) => l.getAvailableRewards(req.actor, req.query, req.query.ownerId),
  );
  app.post(
    `${base}/redemptions`,
    { schema: { tags, summary: 'Redeem points for a reward: a voucher', querystring: ownerQuery, body: redeemSchema, response: { 201: redemptionSchema } } },
    async (req, reply) => reply.status(201).send(await l.redeemPoints(req.actor, req.body, req.query.ownerId)),
  );
  app.get(
    `${base}/redemptions`,
    { schema: { tags, summary: "A member's vouchers, newest first", querystring: ownerQuery, response: { 200: z.array(redemptionSchema) } } },
    async (req) => (await l.listRedemptions(req.actor, req.query.ownerId)).map((r) => r.redemption),
  );
  app.post(
    `${base}/redemptions/:id/cancel`,
    { schema: { tags, summary: 'Give back an unused voucher: its points return', params: idParams, response: { 200: transactionSchema } } },
    async (req) => (await l.cancelRedemption(req.actor, req.params.id)).transaction,
  );
  app.post(
    `${base}/referral`,
    {
      schema: {
        tags,
        summary: 'An owner enters the referral code of who brought them',
        body: referralSchema,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => {
      await l.applyReferral(req.actor, req.body);
      return { ok: true as const };
    },
  );
  app.post(
    `${base}/members/:ownerId/bonus`,
    { schema: { tags, summary: 'Staff: bonus points with a reason', params: ownerIdSchema, body: bonusSchema, response: { 201: transactionSchema } } },
    async (req, reply) => reply.status(201).send(await l.addPoints(req.actor, req.params.ownerId, req.body)),
  );
  app.get(`${base}/admin/rewards`, { schema: { tags, summary: 'Staff: every reward', response: { 200: z.array(rewardSchema) } } }, (req) =>
    s.rewards.listRewards(req.actor),
  );
  app.post(
    `${base}/admin/rewards`,
    { schema: { tags, summary: 'Managers: add a reward', body: rewardInputSchema, response: { 201: rewardSchema } } },
    async (req, reply) => reply.status(201).send(await s.rewards.createReward(req.actor, req.body)),
  );
  app.put(
    `${base}/admin/rewards/:id`,
    { schema: { tags, summary: 'Managers: change a reward', params: idParams, body: rewardInputSchema, response: { 200: rewardSchema } } },
    (req) => s.rewards.updateReward(req.actor, req.params.id, req.body),
  );
  app.delete(
    `${base}/admin/rewards/:id`,
    { schema: { tags, summary: 'Managers: switch a reward off (vouchers already given stay)', params: idParams, response: { 200: rewardSchema } } },
    (req) => s.rewards.deactivateReward(req.actor, req.params.id),
  );
}
