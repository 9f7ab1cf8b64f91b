import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory } from '@petfriendly/accounts/testing';
import { clinicSettings, createPlatform, type Database, fixedClock, memoryFileStorage, serverSettings, systemActor } from '@petfriendly/core';
import { openTestDatabase } from '@petfriendly/testing';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { omnichannelModule } from '../src/index';
import { messages, reminders } from '../src/omnichannel.tables';

let database: Database;
const boot = () =>
  createPlatform({
    modules: [accountsModule, omnichannelModule],
    database,
    server: serverSettings.parse({ SECRET: 'test-secret-test-secret-test-secret-0123', BASE_URL: 'http://localhost:3000' }),
    clinic: clinicSettings.parse({}),
    clock: fixedClock('2026-03-10T16:00:00Z'),
    storage: memoryFileStorage(),
    logger: pino({ level: 'silent' }),
    env: {},
  });

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database?.close());

describe('reminders across a restart', () => {
  it('a reminder scheduled before the process stopped is sent by the next one, once', async () => {
    const before = await boot();
    const owner = await OwnerFactory(before, { email: 'reinicio@example.mx' });
    const scheduled = await before.services.omnichannel.reminders.scheduleReminder(systemActor, {
      userId: owner.user.id,
      reminderType: 'appointment',
      sendAt: new Date('2026-03-10T15:00:00Z'),
      message: 'Mañana es la cita de Luna.',
    });
    await before.close(); // the process stops before the reminder's time comes

    const after = await boot();
    await after.ctx.jobs.runReady(['omnichannel.reminder', 'omnichannel.send']);
    await after.services.omnichannel.reminders.sendDue(scheduled.id); // the same job delivered again
    await after.ctx.jobs.runReady(['omnichannel.reminder', 'omnichannel.send']);
    const sent = (await after.ctx.db.select().from(messages)).filter((m) => m.content === 'Mañana es la cita de Luna.');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.status).toBe('sent');
    const [row] = await after.ctx.db.select().from(reminders);
    expect(row!.status).toBe('sent');
    await after.close();
  });
});
