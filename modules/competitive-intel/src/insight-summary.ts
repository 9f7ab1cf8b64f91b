import { createHash } from 'node:crypto';
import type { WriterPort } from '@petfriendly/ai-assistant';
import type { ModuleContext } from '@petfriendly/core';
import { eq } from 'drizzle-orm';
import type { CompetitiveIntelSettings } from './competitive-intel.settings';
import { insightSummaries } from './competitive-intel.tables';

export const WRITE_SUMMARY = 'competitive-intel.write_insights_summary';

export interface SummaryRequest {
  language: string;
  facts: string[];
  factsHash: string;
}

const TASK =
  "Summarise for the clinic's manager, in at most three sentences, what these observations about competitors and our prices mean, the most important first.";

/**
 * The insights' written summary. Reading never waits for the model: it answers with the stored summary
 * when it was written from the same facts, and queues a new one when there is none, the facts changed,
 * or it is older than `INSIGHTS_REFRESH_HOURS`. Without a model there is no summary at all.
 */
export function createInsightSummaries(ctx: ModuleContext, assistant: WriterPort, settings: CompetitiveIntelSettings) {
  async function current(language: string, facts: string[]): Promise<string | null> {
    if (!assistant.writer || facts.length === 0) return null;
    const factsHash = createHash('sha256').update(facts.join('\n')).digest('hex');
    const [stored] = await ctx.db.select().from(insightSummaries).where(eq(insightSummaries.language, language));
    const sameFacts = stored?.factsHash === factsHash;
    const fresh = sameFacts && ctx.clock.now().getTime() - stored.writtenAt.getTime() < settings.INSIGHTS_REFRESH_HOURS * 3_600_000;
    if (!fresh) await ctx.jobs.send(WRITE_SUMMARY, { language, facts, factsHash } satisfies SummaryRequest, { singletonKey: `${language}:${factsHash}` });
    return sameFacts ? stored.text : null;
  }

  async function write({ language, facts, factsHash }: SummaryRequest) {
    if (!assistant.writer) return;
    const text = await assistant.writer.write({ task: TASK, facts, language });
    const row = { language, factsHash, text, writtenAt: ctx.clock.now() };
    await ctx.db.insert(insightSummaries).values(row).onConflictDoUpdate({ target: insightSummaries.language, set: row });
  }

  return { current, write };
}

export type InsightSummaries = ReturnType<typeof createInsightSummaries>;
