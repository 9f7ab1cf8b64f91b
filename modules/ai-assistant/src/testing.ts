import type { Platform } from '@petfriendly/core';
import { knowledgeBase } from './ai-assistant.tables';
import { slugify } from './knowledge.service';

let n = 0;
/** A knowledge-base entry written straight to the table (public and active unless told). */
export async function KnowledgeEntryFactory(platform: Platform, fields: Partial<typeof knowledgeBase.$inferInsert> = {}) {
  n += 1;
  const title = fields.title ?? `Pregunta frecuente ${n}`;
  const [row] = await platform.ctx.db
    .insert(knowledgeBase)
    .values({ title, slug: fields.slug ?? `${slugify(title)}-${n}`, category: 'clinic', content: `Respuesta ${n}.`, ...fields })
    .returning();
  return row!;
}
