import { actorFromUser, type Platform } from '@petfriendly/core';
import { pets } from '@petfriendly/vet-clinic/tables';
import { and, eq } from 'drizzle-orm';

/**
 * María asks the assistant about Rocky's vaccines on the website and then for a person: staff find
 * the hand-off in the inbox and the transcript under /admin/assistant/conversations.
 */
export async function seedAssistant(platform: Platform, maria: { id: string; name: string }) {
  const chat = platform.services['ai-assistant'].chat;
  const actor = actorFromUser({ id: maria.id, role: 'owner', preferredLanguage: 'es', name: maria.name });
  const [rocky] = await platform.ctx.db
    .select({ id: pets.id })
    .from(pets)
    .where(and(eq(pets.ownerId, maria.id), eq(pets.name, 'Rocky')));
  await chat.processMessage(actor, { message: 'Vacunas de mi mascota', action: '#vacc' });
  if (rocky) await chat.processMessage(actor, { message: 'Rocky', action: `#vacc:pet:${rocky.id}` });
  await chat.processMessage(actor, { message: 'Hablar con una persona', action: '#human' });
}
