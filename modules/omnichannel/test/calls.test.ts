import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { omnichannelModule } from '../src/index';
import type { OmnichannelServices } from '../src/services';

let platform: TestPlatform;
let s: OmnichannelServices;

beforeAll(async () => {
  platform = await createTestPlatform([accountsModule, omnichannelModule], { now: '2026-03-10T16:00:00Z' });
  s = platform.services.omnichannel;
});
afterAll(async () => platform?.close());

describe('phone calls in the inbox (the voice channel)', () => {
  it('a receptionist logs two calls with an owner: one voice conversation by the owner’s number, in the inbox next to the other channels', async () => {
    const desk = await StaffFactory(platform, 'receptionist', { name: 'Paty Recepción' });
    const owner = await OwnerFactory(platform, { name: 'Rosa Méndez' });
    await platform.services.accounts.users.updateOwnerProfile(owner.actor, { phone: '55 1234 5678' });

    const first = await s.calls.logCall(desk.actor, {
      ownerId: owner.user.id,
      direction: 'inbound',
      durationSeconds: 185,
      summary: 'Pregunta si Canela puede comer antes de la cirugía; le digo ayuno de 8 h.',
      outcome: 'follow_up',
      calledAt: '2026-03-10T15:30:00Z',
    });
    expect(first).toMatchObject({ channel: 'voice', direction: 'inbound', senderId: desk.user.id, call: { durationSeconds: 185, outcome: 'follow_up' } });
    const second = await s.calls.logCall(desk.actor, {
      ownerId: owner.user.id,
      direction: 'outbound',
      durationSeconds: '60',
      summary: 'Confirmo la cirugía del jueves.',
      outcome: 'resolved',
    });
    expect(second.conversationId).toBe(first.conversationId);

    const calls = await s.inbox.listConversations(desk.actor, { channel: 'voice' });
    expect(calls.items).toEqual([
      expect.objectContaining({
        channel: 'voice',
        contact: '+525512345678',
        ownerName: 'Rosa Méndez',
        status: 'resolved',
        lastMessage: 'Confirmo la cirugía del jueves.',
      }),
    ]);
    const conversation = await s.inbox.getConversation(desk.actor, first.conversationId);
    expect(conversation.messages.map((m) => [m.direction, m.call?.outcome, m.senderName])).toEqual([
      ['inbound', 'follow_up', 'Paty Recepción'],
      ['outbound', 'resolved', 'Paty Recepción'],
    ]);
    // A call is answered by calling back, never by a message on a "voice" channel.
    await expect(s.inbox.reply(desk.actor, first.conversationId, 'Hola')).rejects.toMatchObject({ code: 'omnichannel.call_no_reply', statusCode: 409 });
  });

  it('is for staff, about an owner, with a summary and a known outcome', async () => {
    const desk = await StaffFactory(platform, 'receptionist');
    const owner = await OwnerFactory(platform);
    const call = { ownerId: owner.user.id, direction: 'inbound', durationSeconds: 30, summary: 'Pide precio de vacuna', outcome: 'resolved' };
    await expect(s.calls.logCall(owner.actor, call)).rejects.toMatchObject({ statusCode: 403 });
    await expect(s.calls.logCall(desk.actor, { ...call, ownerId: desk.user.id })).rejects.toMatchObject({ code: 'omnichannel.owner_not_found' });
    for (const bad of [{ outcome: 'colgó' }, { summary: '  ' }, { durationSeconds: -5 }, { direction: 'sideways' }, { ownerId: 'Rosa' }]) {
      await expect(s.calls.logCall(desk.actor, { ...call, ...bad }), JSON.stringify(bad)).rejects.toMatchObject({ statusCode: 422 });
    }
    expect((await s.inbox.listConversations(desk.actor, { channel: 'voice' })).items.every((c) => c.ownerId !== owner.user.id)).toBe(true);
  });
});
