import type { ModuleContext } from '@petfriendly/core';
import { eq, sql } from 'drizzle-orm';
import { declaredLinks, mayRedirect } from './click-links';
import { verifyClick } from './click-token';
import { campaignRecipients, campaigns } from './marketing.tables';

/** Clicks on a campaign mail's links: the signed redirect checks where it goes, counts the click and names the target. */
export function createClickService(ctx: ModuleContext) {
  const { db } = ctx;
  const base = () => ctx.server.BASE_URL ?? `http://${ctx.server.HOST}:${ctx.server.PORT}`;

  /**
   * The target of a tracked link, after recording the click (the first one's time, and one more in the count);
   * null when the token was not made here for this target, or the target is neither the clinic's nor declared by the campaign.
   */
  async function follow(token: string, url: string): Promise<string | null> {
    const recipientId = verifyClick(ctx.server.SECRET ?? '', token, url);
    if (!recipientId) return null;
    const [found] = await db
      .select({ content: campaigns.content })
      .from(campaignRecipients)
      .innerJoin(campaigns, eq(campaigns.id, campaignRecipients.campaignId))
      .where(eq(campaignRecipients.id, recipientId));
    if (!found || !mayRedirect(url, base(), declaredLinks(found.content))) return null;
    const now = ctx.clock.now();
    await db
      .update(campaignRecipients)
      .set({
        clickedAt: sql`coalesce(${campaignRecipients.clickedAt}, ${now})`,
        clickCount: sql`${campaignRecipients.clickCount} + 1`,
        deliveredAt: sql`coalesce(${campaignRecipients.deliveredAt}, ${now})`,
        state: sql`case when ${campaignRecipients.state} in ('sent', 'delivered', 'opened') then 'clicked' else ${campaignRecipients.state} end`,
      })
      .where(eq(campaignRecipients.id, recipientId));
    return url;
  }

  return { follow };
}

export type ClickService = ReturnType<typeof createClickService>;
