import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { systemActor } from '@petfriendly/core';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { omnichannelModule } from '../src/index';
import type { OmnichannelServices } from '../src/services';

let platform: TestPlatform;
let s: OmnichannelServices;
beforeAll(async () => {
  platform = await createTestPlatform([accountsModule, omnichannelModule]);
  s = platform.services.omnichannel;
});
afterAll(async () => platform?.close());

describe('message templates', () => {
  it('exist for every message, channel and language, and render in the owner’s language with a Spanish fallback', async () => {
    const manager = await StaffFactory(platform, 'manager');
    const all = await s.templates.listTemplates(manager.actor, { slug: 'appointment_reminder' });
    expect(all.map((t) => `${t.channelType}:${t.language}`).sort()).toHaveLength(15);
    const english = await OwnerFactory(platform, { language: 'en', email: 'kate@example.com' });
    const sent = await s.messages.sendMessage(systemActor, {
      userId: english.user.id,
      channel: 'email',
      template: 'vaccination_due',
      templateVars: { pet: 'Max', vaccine: 'Rabies', date: '2026-04-01', clinic: 'Pet-Friendly' },
    });
    expect(sent.subject).toBe('Max is due a vaccine');
    expect(sent.content).toContain('is due the Rabies vaccine on 2026-04-01');
  });

  it('managers edit the words; unknown variables are refused; a changed WhatsApp template needs approval again', async () => {
    const manager = await StaffFactory(platform, 'manager');
    const reception = await StaffFactory(platform, 'receptionist');
    const [wa] = await s.templates
      .listTemplates(manager.actor, { slug: 'appointment_booked', language: 'es' })
      .then((rows) => rows.filter((r) => r.channelType === 'whatsapp'));
    await expect(s.templates.updateTemplate(reception.actor, wa!.id, { content: 'Hola' })).rejects.toMatchObject({ statusCode: 403 });
    await expect(s.templates.updateTemplate(manager.actor, wa!.id, { content: 'Hola {{nombre}}' })).rejects.toMatchObject({
      code: 'omnichannel.template_variable',
      fields: [{ field: 'content' }],
    });
    const updated = await s.templates.updateTemplate(manager.actor, wa!.id, { content: '¡Listo, {{name}}! {{pet}} te espera el {{date}} a las {{time}}.' });
    expect(updated).toMatchObject({ isApproved: false, content: '¡Listo, {{name}}! {{pet}} te espera el {{date}} a las {{time}}.' });
  });
});
