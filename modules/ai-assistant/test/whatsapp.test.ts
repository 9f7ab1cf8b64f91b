import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { appointmentsModule } from '@petfriendly/appointments';
import { DISPATCH_QUEUE, localOutbox, outbox, rows, systemActor } from '@petfriendly/core';
import { multilingualModule } from '@petfriendly/multilingual';
import { type OmnichannelServices, omnichannelModule } from '@petfriendly/omnichannel';
import { messages } from '@petfriendly/omnichannel/tables';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatMessages, chatSessions } from '../src/ai-assistant.tables';
import { type InboundMessage, WHATSAPP_QUEUE } from '../src/chat/whatsapp';
import { aiAssistantModule } from '../src/index';
import type { AiAssistantServices } from '../src/services';

// Guided mode (no API key): the assistant answers WhatsApp with the same buttons as the web chat, as a numbered list.
let platform: TestPlatform;
let s: AiAssistantServices;
let omni: OmnichannelServices;
let vet: Awaited<ReturnType<typeof StaffFactory>>;
let inboundSeq = 0;

beforeAll(async () => {
  platform = await createTestPlatform([accountsModule, vetClinicModule, omnichannelModule, multilingualModule, appointmentsModule, aiAssistantModule]);
  s = platform.services['ai-assistant'];
  omni = platform.services.omnichannel;
  vet = await StaffFactory(platform, 'veterinarian');
});
afterAll(async () => platform?.close());

/** An owner whose WhatsApp number is on file (owner_profiles.phone), with one pet. */
async function ownerWithPhone(phone: string, name = 'Rosa Díaz') {
  const owner = await OwnerFactory(platform, { name });
  await platform.services.accounts.users.updateOwnerProfile(owner.actor, { phone, preferredChannel: 'whatsapp' });
  const pet = await PetFactory(platform, owner.actor, { name: 'Kira' });
  return { owner, pet };
}

/** A WhatsApp message through omnichannel's webhook path; returns the `omnichannel.message_received` payload it raised. */
async function inbound(from: string, text: string, channel: 'whatsapp' | 'sms' = 'whatsapp'): Promise<InboundMessage> {
  const row = await omni.inbox.recordInbound({
    channel,
    provider: channel === 'sms' ? 'twilio' : 'whatsapp-cloud',
    externalId: `wamid.test-${++inboundSeq}`,
    from,
    text,
    at: platform.clock.now(),
  });
  expect(row).not.toBeNull();
  const [event] = await platform.ctx.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.name, 'omnichannel.message_received'), sql`${outbox.payload}->>'messageId' = ${String(row!.id)}`));
  return event!.payload as InboundMessage;
}

const outboundOf = (conversationId: number) =>
  platform.ctx.db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'outbound')))
    .orderBy(asc(messages.id));

const sessionOf = async (id: number) => (await platform.ctx.db.select().from(chatSessions).where(eq(chatSessions.id, id)))[0]!;

describe('the assistant on WhatsApp', () => {
  it('greets a known owner in their conversation with a numbered menu, in a WhatsApp session of their own', async () => {
    const { owner } = await ownerWithPhone('55 1111 2222');
    const message = await inbound('+5215511112222', 'hola');
    expect(message).toMatchObject({ ownerId: owner.user.id, channel: 'whatsapp', contact: '+525511112222', text: 'hola' });

    const reply = await s.whatsapp.answer(message);
    expect(reply).not.toBeNull();
    expect(reply!.mode).toBe('guided');
    const [sent, ...more] = await outboundOf(message.conversationId);
    expect(more).toHaveLength(0);
    expect(sent).toMatchObject({ direction: 'outbound', senderType: 'ai', status: 'pending' });
    // The first answer of the conversation carries the welcome: greeting by name, and who is answering.
    expect(sent!.content.startsWith('¡Hola, Rosa Díaz! Soy el asistente de la clínica.')).toBe(true);
    // Every button of the answer, numbered in order, one per line.
    expect(reply!.buttons.length).toBeGreaterThan(2);
    const numbered = reply!.buttons.map((b, i) => `${i + 1}. ${b.label}`);
    expect(sent!.content.split('\n').slice(-numbered.length)).toEqual(numbered);
    expect(sent!.content).toContain('\n1. ');

    const session = await sessionOf(reply!.conversationId);
    expect(session).toMatchObject({ channel: 'whatsapp', ownerId: owner.user.id, sessionKey: null });
    expect(session.context.whatsappConversationId).toBe(message.conversationId);
    const stored = await platform.ctx.db.select().from(chatMessages).where(eq(chatMessages.sessionId, session.id)).orderBy(asc(chatMessages.id));
    expect(stored.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(stored[0]!.content).toBe('hola');
    expect(sent!.content).toContain(stored[1]!.content);

    // The queued message really goes out to the sender's number (local provider records it).
    await platform.ctx.jobs.runReady(['omnichannel.send']);
    const delivered = await platform.ctx.db.select().from(localOutbox).where(eq(localOutbox.recipient, '+525511112222'));
    expect(delivered.map((d) => d.body)).toContain(sent!.content);
  });

  it('a typed number picks that button of the last answer: "1" starts booking and asks which pet', async () => {
    const { owner, pet } = await ownerWithPhone('55 2222 3333');
    const first = await s.whatsapp.answer(await inbound('+5215522223333', 'hola'));
    expect(first!.buttons[0]!.value).toBe('#book');

    const message = await inbound('+5215522223333', '1');
    const reply = await s.whatsapp.answer(message);
    expect(reply!.conversationId).toBe(first!.conversationId);
    expect(reply!.message).toContain('¿Para cuál de tus mascotas es la cita?');
    expect(reply!.buttons[0]).toEqual({ label: 'Kira', value: `#book:pet:${pet.id}` });
    expect(reply!.toolCalls.map((c) => c.name)).toEqual(['list_user_pets']);
    const sent = await outboundOf(message.conversationId);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.content).toContain('1. Kira');
    // Only the first answer of the conversation carries the welcome.
    expect(sent[1]!.content).not.toContain('Soy el asistente');

    // A number with no such button is not taken for one: the flow asks again with the same pets.
    const out = await s.whatsapp.answer(await inbound('+5215522223333', '9'));
    expect(out!.message).toContain('Elige una de las opciones');
    expect(out!.buttons[0]).toEqual({ label: 'Kira', value: `#book:pet:${pet.id}` });
    expect((await sessionOf(out!.conversationId)).ownerId).toBe(owner.user.id);
  });

  it('an unknown number chats as a guest keyed by its phone', async () => {
    const message = await inbound('+52 55 9999 0001', 'hola');
    expect(message.ownerId).toBeNull();
    const reply = await s.whatsapp.answer(message);
    const session = await sessionOf(reply!.conversationId);
    expect(session).toMatchObject({ channel: 'whatsapp', ownerId: null, sessionKey: 'whatsapp:+525599990001' });
    // A guest's menu has no owner-only tasks.
    expect(reply!.buttons.map((b) => b.value)).toEqual(['#book', '#products', '#clinic', '#faq', '#human']);
    const [sent] = await outboundOf(message.conversationId);
    expect(sent!.content.startsWith('¡Hola! Soy el asistente de la clínica.')).toBe(true);
    expect(sent!.content).toContain('\n5. Hablar con una persona');
    // The same number later continues the same guest conversation.
    const again = await s.whatsapp.answer(await inbound('+5215599990001', 'menu'));
    expect(again!.conversationId).toBe(reply!.conversationId);

    // Asking for a person needs no contact: staff answer in this same WhatsApp conversation.
    const human = await s.whatsapp.answer(await inbound('+5215599990001', '5'));
    expect(human!.handedOff).toBe(true);
    const conversation = await omni.inbox.getConversation(vet.actor, message.conversationId);
    expect(conversation.status).toBe('escalated');
  });

  it('stays silent while staff have the conversation: escalated, or assigned and not resolved', async () => {
    await ownerWithPhone('55 3333 4444');
    const first = await inbound('+5215533334444', 'hola');
    expect(await s.whatsapp.answer(first)).not.toBeNull();
    const conversationId = first.conversationId;
    expect(await outboundOf(conversationId)).toHaveLength(1);

    // Staff escalate while the answer job still waits in the queue.
    const waiting = await inbound('+5215533334444', '¿Siguen ahí?');
    await omni.inbox.escalate(vet.actor, conversationId);
    expect(await s.whatsapp.answer(waiting)).toBeNull();

    // A member of staff takes it: what the person writes next is for them.
    await omni.inbox.reopen(vet.actor, conversationId);
    await omni.inbox.assign(vet.actor, conversationId, vet.user.id);
    expect(await s.whatsapp.answer(await inbound('+5215533334444', 'hola otra vez'))).toBeNull();
    expect(await outboundOf(conversationId)).toHaveLength(1);
    const sessions = await rows(
      platform.ctx.db,
      sql`select id from ai_assistant.chat_messages where session_id = (select id from ai_assistant.chat_sessions where context->>'whatsappConversationId' = ${String(conversationId)})`,
    );
    expect(sessions).toHaveLength(2);

    // Resolved (the message was already queued), or released by staff: the assistant answers again.
    const afterResolve = await inbound('+5215533334444', 'hola');
    await omni.inbox.resolve(vet.actor, conversationId);
    expect(await s.whatsapp.answer(afterResolve)).not.toBeNull();
    await omni.inbox.assign(vet.actor, conversationId, null);
    expect(await s.whatsapp.answer(await inbound('+5215533334444', 'menu'))).not.toBeNull();
    expect(await outboundOf(conversationId)).toHaveLength(3);
  });

  it('an escalated conversation stays with staff when the person writes again', async () => {
    await ownerWithPhone('55 3333 9999');
    const first = await inbound('+5215533339999', 'hola');
    await s.whatsapp.answer(first);
    await omni.inbox.escalate(vet.actor, first.conversationId);
    expect(await s.whatsapp.answer(await inbound('+5215533339999', '¿Me atienden?'))).toBeNull();
  });

  it('a resolved conversation that comes back is unassigned, so the assistant answers first', async () => {
    await ownerWithPhone('55 3333 7777');
    const first = await inbound('+5215533337777', 'hola');
    await omni.inbox.assign(vet.actor, first.conversationId, vet.user.id);
    await omni.inbox.resolve(vet.actor, first.conversationId);
    const later = await inbound('+5215533337777', 'Otra pregunta: ¿venden arena para gato?');
    const conversation = await omni.inbox.getConversation(vet.actor, later.conversationId);
    expect(conversation).toMatchObject({ status: 'waiting', assignedTo: null });
    expect(await s.whatsapp.answer(later)).not.toBeNull();
  });

  it('a "sí" answering a recent reminder is left to the reminder; without one, the assistant answers', async () => {
    const { owner } = await ownerWithPhone('55 4444 5555');
    const reminder = await omni.reminders.scheduleReminder(systemActor, {
      userId: owner.user.id,
      reminderType: 'appointment',
      sendAt: platform.clock.now(),
      message: 'Mañana es la cita de Kira. ¿Confirmas?',
    });
    await omni.reminders.sendDue(reminder.id);
    const before = (await rows<{ id: number }>(platform.ctx.db, sql`select id from omnichannel.messages where direction = 'outbound' and sender_type = 'ai'`))
      .length;

    const yes = await inbound('+5215544445555', 'sí');
    expect(await s.whatsapp.answer(yes)).toBeNull();
    // Also after omnichannel's own handler has confirmed the reminder with this very text.
    expect(await omni.reminders.handleReply(owner.user.id, 'sí')).toMatchObject({ answer: 'confirm' });
    expect(await s.whatsapp.answer(yes)).toBeNull();
    expect((await rows(platform.ctx.db, sql`select id from omnichannel.messages where direction = 'outbound' and sender_type = 'ai'`)).length).toBe(before);

    // Text that is not a reminder answer still gets the assistant.
    expect(await s.whatsapp.answer(await inbound('+5215544445555', 'hola'))).not.toBeNull();

    // Another owner with no reminder: "sí" is an ordinary message.
    await ownerWithPhone('55 4444 6666', 'Laura Pérez');
    const plain = await inbound('+5215544446666', 'sí');
    const reply = await s.whatsapp.answer(plain);
    expect(reply).not.toBeNull();
    expect(await outboundOf(plain.conversationId)).toHaveLength(1);
  });

  it('ignores other channels and empty text', async () => {
    const sms = await inbound('+5215577778888', 'hola', 'sms');
    expect(sms.channel).toBe('sms');
    expect(await s.whatsapp.answer(sms)).toBeNull();
    expect(await s.whatsapp.answer({ ...sms, channel: 'email', contact: 'a@example.mx' })).toBeNull();
    const blank = await inbound('+5215577778889', '   ');
    expect(await s.whatsapp.answer(blank)).toBeNull();
    expect(await outboundOf(sms.conversationId)).toHaveLength(0);
    expect(await outboundOf(blank.conversationId)).toHaveLength(0);
    const sessions = await rows(
      platform.ctx.db,
      sql`select id from ai_assistant.chat_sessions where session_key in ('whatsapp:+525577778888', 'whatsapp:+525577778889')`,
    );
    expect(sessions).toHaveLength(0);
  });
});

describe('the subscription', () => {
  const jobsFor = (conversationId: number) =>
    rows<{ state: string; data: InboundMessage }>(
      platform.ctx.db,
      sql`select state, data from pgboss.job where name = ${WHATSAPP_QUEUE} and data->>'conversationId' = ${String(conversationId)}`,
    );

  it('an inbound WhatsApp message enqueues exactly one answer job, which answers in the conversation', async () => {
    await ownerWithPhone('55 6666 7777');
    const at = platform.clock.now();
    const first = await omni.inbox.recordInbound({
      channel: 'whatsapp',
      provider: 'whatsapp-cloud',
      externalId: 'wamid.sub-1',
      from: '+5215566667777',
      text: 'hola',
      at,
    });
    // The provider repeats its webhook: recorded once, raised once.
    expect(
      await omni.inbox.recordInbound({ channel: 'whatsapp', provider: 'whatsapp-cloud', externalId: 'wamid.sub-1', from: '+5215566667777', text: 'hola', at }),
    ).toBeNull();
    const conversationId = first!.conversationId;
    expect(await jobsFor(conversationId)).toHaveLength(0);

    // Dispatch the event (twice: the second run finds nothing new), then look at the queue.
    await platform.ctx.jobs.runReady([DISPATCH_QUEUE]);
    await platform.ctx.jobs.runReady([DISPATCH_QUEUE]);
    const queued = await jobsFor(conversationId);
    expect(queued).toHaveLength(1);
    expect(queued[0]!.state).toBe('created');
    expect(queued[0]!.data).toMatchObject({ conversationId, channel: 'whatsapp', contact: '+525566667777', text: 'hola' });

    await platform.ctx.jobs.runReady([WHATSAPP_QUEUE]);
    expect((await jobsFor(conversationId))[0]!.state).toBe('completed');
    const sent = await outboundOf(conversationId);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ senderType: 'ai' });
    expect(sent[0]!.content).toContain('\n1. ');
  });

  it('an inbound SMS enqueues no answer job', async () => {
    const sms = await omni.inbox.recordInbound({
      channel: 'sms',
      provider: 'twilio',
      externalId: 'SM-sub-2',
      from: '+5215566668888',
      text: 'hola',
      at: platform.clock.now(),
    });
    await platform.ctx.jobs.runReady([DISPATCH_QUEUE]);
    expect(await jobsFor(sms!.conversationId)).toHaveLength(0);
  });
});
