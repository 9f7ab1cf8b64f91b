import { type Actor, type ModuleContext, NotFoundError, parseInput, requireStaff, ValidationError } from '@petfriendly/core';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { messageTemplates } from './omnichannel.tables';

const updateSchema = z.object({
  subject: z.string().trim().max(200).optional(),
  content: z.string().trim().min(1, 'is required').max(4000),
  isActive: z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean()).optional(),
});

/** The clinic's message templates, per channel and language; managers edit the words, not the variables. */
export function createTemplateService(ctx: ModuleContext) {
  const { db } = ctx;

  async function listTemplates(actor: Actor, filter: { slug?: string; language?: string } = {}) {
    requireStaff(actor);
    return db
      .select()
      .from(messageTemplates)
      .where(
        and(filter.slug ? eq(messageTemplates.slug, filter.slug) : undefined, filter.language ? eq(messageTemplates.language, filter.language) : undefined),
      )
      .orderBy(asc(messageTemplates.slug), asc(messageTemplates.language), asc(messageTemplates.channelType));
  }

  async function updateTemplate(actor: Actor, id: number, input: unknown) {
    requireStaff(actor, ['manager', 'admin']);
    const data = parseInput(updateSchema, input);
    const [current] = await db.select().from(messageTemplates).where(eq(messageTemplates.id, id));
    if (!current) throw new NotFoundError('omnichannel.template_not_found', `Template ${id} not found.`);
    const used = [...`${data.subject ?? ''} ${data.content}`.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
    const unknown = used.filter((v) => !current.variables.includes(v));
    if (unknown.length) {
      throw ValidationError.forField(
        'omnichannel.template_variable',
        'content',
        `Unknown variables: ${unknown.join(', ')}. Available: ${current.variables.join(', ')}.`,
        { unknown: unknown.join(', '), available: current.variables.join(', ') },
      );
    }
    // An approved WhatsApp template must match what Meta approved, so edits send it back to review.
    const [row] = await db
      .update(messageTemplates)
      .set({ ...data, ...(current.channelType === 'whatsapp' && data.content !== current.content ? { isApproved: false } : {}) })
      .where(eq(messageTemplates.id, id))
      .returning();
    return row!;
  }

  return { listTemplates, updateTemplate };
}

export type TemplateService = ReturnType<typeof createTemplateService>;
