import { StaffFactory } from '@petfriendly/accounts/testing';
import { appointmentBooked } from '@petfriendly/appointments';
import { outbox } from '@petfriendly/core';
import { recommendationDeclined } from '@petfriendly/vet-clinic';
import { PetFactory, VisitFactory } from '@petfriendly/vet-clinic/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { enrolments } from '../src/marketing.tables';
import { marketingPlatform } from './setup';

vi.setConfig({ testTimeout: 120_000 });

const DAY = 86_400_000;
let m: Awaited<ReturnType<typeof marketingPlatform>>;
let vet: Awaited<ReturnType<typeof StaffFactory>>;

beforeAll(async () => {
  m = await marketingPlatform();
  vet = await StaffFactory(m.platform, 'veterinarian');
}, 300_000);
afterAll(async () => m?.platform.close());

const vetClinic = () => m.platform.services['vet-clinic'];

/** An owner with a pet seen today, who declined a service at the visit. */
async function declined(name: string, petName: string, service: string) {
  const owner = await m.owner({ channel: 'email', name });
  const pet = await PetFactory(m.platform, owner.actor, { name: petName });
  const visit = await VisitFactory(m.platform, pet.id, vet.actor);
  const row = await vetClinic().declined.recordDeclined(visit.id, { service }, vet.actor);
  await m.settle();
  return { owner, pet, visit, row };
}
const mailsTo = async (email: string) => (await m.outbox()).filter((o) => o.recipient === email);

describe('declined-service follow-up', () => {
  it('records a declined recommendation on the visit (clinical staff only) and tells it with pet, owner and service', async () => {
    const owner = await m.owner({ channel: 'email', name: 'Julia Paz' });
    const pet = await PetFactory(m.platform, owner.actor, { name: 'Kira' });
    const visit = await VisitFactory(m.platform, pet.id, vet.actor);
    const desk = await StaffFactory(m.platform, 'receptionist');
    await expect(vetClinic().declined.recordDeclined(visit.id, { service: 'Radiografía' }, desk.actor)).rejects.toMatchObject({ statusCode: 403 });
    await expect(vetClinic().declined.recordDeclined(visit.id, { service: '' }, vet.actor)).rejects.toMatchObject({ statusCode: 422 });
    await expect(vetClinic().declined.recordDeclined(999_999, { service: 'Radiografía' }, vet.actor)).rejects.toMatchObject({ statusCode: 404 });
    const row = await vetClinic().declined.recordDeclined(visit.id, { service: 'Radiografía' }, vet.actor);
    const [told] = await m.platform.ctx.db.select().from(outbox).where(eq(outbox.name, recommendationDeclined.name));
    expect(told!.payload).toEqual({
      recommendationId: row.id,
      visitId: visit.id,
      petId: pet.id,
      ownerId: owner.user.id,
      service: 'Radiografía',
      declinedAt: row.createdAt.toISOString(),
    });
    await m.settle();
    expect(await vetClinic().declined.listDeclined(visit.id, vet.actor)).toEqual([
      expect.objectContaining({ id: row.id, service: 'Radiografía', petId: pet.id }),
    ]);
    // Off by default, like the other shipped sequences: nobody was enrolled.
    const sequence = (await m.s.sequences.listSequences(m.manager.actor)).find((s) => s.key === 'declined_service')!;
    expect(sequence).toMatchObject({ isActive: false, active: 0 });
    expect(sequence.steps.map((s) => s.waitDays)).toEqual([7, 21]);
  });

  it('once switched on, follows up after the wait, naming the pet and the service, and stops when that pet is booked', async () => {
    await m.s.sequences.setActive(m.manager.actor, 'declined_service', { isActive: true });
    const elena = await declined('Elena Ríos', 'Toby', 'limpieza dental');
    const hugo = await declined('Hugo Sanz', 'Milo', 'ecografía');
    const enrolled = await m.platform.ctx.db.select().from(enrolments).where(eq(enrolments.ownerId, elena.owner.user.id));
    expect(enrolled).toEqual([expect.objectContaining({ petId: elena.pet.id, detail: 'limpieza dental', state: 'active', step: 0 })]);

    // Not before the wait.
    await m.s.sequences.advance();
    await m.deliver();
    expect(await mailsTo(elena.owner.user.email)).toEqual([]);

    // Hugo books Milo: his run stops; Elena's first follow-up goes out a week later.
    await m.platform.ctx.db.transaction((tx) =>
      m.platform.ctx.events.emit(tx, appointmentBooked, {
        appointmentId: 7001,
        ownerId: hugo.owner.user.id,
        petId: hugo.pet.id,
        staffId: vet.user.id,
        startsAt: '2026-03-20T16:00:00Z',
        serviceTypeId: 1,
        createdVia: 'online',
      }),
    );
    await m.settle();
    m.platform.clock.advance(7 * DAY + 60_000);
    await m.s.sequences.advance();
    await m.deliver();
    const [first, ...more] = await mailsTo(elena.owner.user.email);
    expect(more).toEqual([]);
    expect(first!.subject).toBe('Toby y su limpieza dental');
    expect(first!.body).toContain('en la última visita de Toby te recomendamos limpieza dental');
    expect(await mailsTo(hugo.owner.user.email)).toEqual([]);
    const [hugoRun] = await m.platform.ctx.db
      .select()
      .from(enrolments)
      .where(and(eq(enrolments.ownerId, hugo.owner.user.id), eq(enrolments.petId, hugo.pet.id)));
    expect(hugoRun).toMatchObject({ state: 'stopped', stopReason: 'booked' });

    // Declined again while the run goes on: no second run. The last step three weeks on, then done.
    await vetClinic().declined.recordDeclined(elena.visit.id, { service: 'limpieza dental' }, vet.actor);
    await m.settle();
    m.platform.clock.advance(21 * DAY + 60_000);
    await m.s.sequences.advance();
    await m.deliver();
    expect((await mailsTo(elena.owner.user.email)).map((o) => o.subject)).toEqual(['Toby y su limpieza dental', '¿Agendamos limpieza dental para Toby?']);
    const runs = await m.platform.ctx.db.select().from(enrolments).where(eq(enrolments.ownerId, elena.owner.user.id));
    expect(runs).toEqual([expect.objectContaining({ state: 'completed', step: 2 })]);
  });
});
