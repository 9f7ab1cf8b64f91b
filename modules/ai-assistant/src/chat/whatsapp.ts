import type { AccountsPort } from '@petfriendly/accounts';
import type { Actor, ModuleContext } from '@petfriendly/core';
import type { LanguagesPort } from '@petfriendly/multilingual';
import type { AssistantInboxPort } from '@petfriendly/omnichannel';
import { siteUrl } from '../site-url';
import type { ChatService } from './chat.service';
import type { ChatResponse } from './chat.types';

export const WHATSAPP_QUEUE = 'ai-assistant.answer_whatsapp';

export interface InboundMessage {
  conversationId: number;
  ownerId: string | null;
  channel: string;
  contact: string;
  text: string;
}

/** A reply as WhatsApp text: buttons become a numbered list (the person answers with the number), links full URLs. */
export function asWhatsAppText(response: ChatResponse, baseUrl: string): string {
  const lines = [response.message];
  if (response.links.length) lines.push('', ...response.links.map((l) => `${l.label}: ${l.href.startsWith('/') ? baseUrl + l.href : l.href}`));
  if (response.buttons.length) lines.push('', ...response.buttons.map((b, i) => `${i + 1}. ${b.label}`));
  return lines.join('\n').slice(0, 4000);
}

/**
 * The assistant on WhatsApp: answers an inbound message as its sender (a known owner, or a guest keyed
 * by phone) unless staff have the conversation or the message answers a reminder.
 */
export function createWhatsAppAssistant(
  ctx: ModuleContext,
  deps: { accounts: AccountsPort; omnichannel: AssistantInboxPort; multilingual: LanguagesPort },
  chat: ChatService,
) {
  async function answer(message: InboundMessage): Promise<ChatResponse | null> {
    if (message.channel !== 'whatsapp' || !message.text.trim()) return null;
    const { omnichannel, accounts, multilingual } = deps;
    if (await omnichannel.assistant.isWithStaff(message.conversationId)) return null;
    if (message.ownerId && (await omnichannel.reminders.isReminderReply(message.ownerId, message.text))) return null;
    const owner = message.ownerId ? await accounts.directory.contactOf(message.ownerId) : null;
    const language = owner?.language ?? (await multilingual.languages.detect(message.text)).language;
    const actor: Actor = owner ? { kind: 'owner', userId: owner.id, language, name: owner.name ?? undefined } : { kind: 'anonymous', language };
    const response = await chat.processMessage(
      actor,
      { message: message.text.slice(0, 2000) },
      { sessionKey: `whatsapp:${message.contact}`, channel: 'whatsapp', context: { whatsappConversationId: message.conversationId } },
    );
    // The web chat shows the welcome before the first message; on WhatsApp the person writes first, so the
    // first guided answer of a conversation carries it (greeting by name, and who is answering).
    const sent =
      response.newConversation && response.mode === 'guided' ? { ...response, message: `${chat.welcome(actor).text}\n\n${response.message}` } : response;
    await omnichannel.assistant.answer(message.conversationId, asWhatsAppText(sent, siteUrl(ctx)));
    return response;
  }
  return { answer };
}
