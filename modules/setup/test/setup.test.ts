import { readFileSync } from 'node:fs';
import { type AccountsServices, accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { appointmentsModule } from '@petfriendly/appointments';
import { billingModule } from '@petfriendly/billing';
import { type Actor, actorFromUser, clinicSettings, loadSettingOverrides, localOutbox, withOverrides } from '@petfriendly/core';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { storeModule } from '@petfriendly/store';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SetupServices, setupModule } from '../src/index';

const CSD = (file: string) => readFileSync(new URL(`../../billing/assets/demo-csd/${file}`, import.meta.url));
const clinic = {
  name: 'Clínica Veterinaria Huellitas',
  address: 'Calle Morelos 12, Centro, 76000 Querétaro, Qro.',
  phone: '+52 442 123 4567',
  email: 'hola@huellitas.mx',
  timeZone: 'America/Mexico_City',
  defaultLanguage: 'es',
  opens: '10:00',
  closes: '14:00',
  closedDays: ['6'],
};

let platform: TestPlatform;
let setup: SetupServices['setup'];
let accounts: AccountsServices;
let admin: Actor;

beforeAll(async () => {
  platform = await createTestPlatform(
    [accountsModule, vetClinicModule, omnichannelModule, multilingualModule, appointmentsModule, storeModule, billingModule, setupModule],
    { now: '2026-03-10T16:00:00Z' },
  );
  setup = platform.services.setup.setup;
  accounts = platform.services.accounts;
});
afterAll(async () => platform?.close());

describe('first run', () => {
  it('starts with everything to do and no accounts', async () => {
    const status = await setup.status();
    expect(status).toMatchObject({ needsAdmin: true, complete: false });
    expect(status.steps.every((s) => s.state === 'todo')).toBe(true);
  });

  it('asks for the setup code the server printed: without it nobody becomes the admin', async () => {
    await expect(setup.createFirstAdmin({ code: 'adivinanza', name: 'Intrusa', email: 'x@example.mx', password: 'una-clave-larga' })).rejects.toMatchObject({
      statusCode: 422,
      code: 'setup.wrong_code',
    });
    expect(await accounts.directory.anyUser()).toBe(false);
  });

  it('makes exactly one first admin when two race for it', async () => {
    const code = setup.setupCode();
    const results = await Promise.allSettled([
      setup.createFirstAdmin({ code, name: 'Dra. Ana Ruiz', email: 'ana@huellitas.mx', password: 'huellitas-2026' }),
      setup.createFirstAdmin({ code, name: 'Otro', email: 'otro@huellitas.mx', password: 'huellitas-2026' }),
    ]);
    const made = results.filter((r) => r.status === 'fulfilled');
    expect(made).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { statusCode: 409, code: 'setup.admin_exists' } });
    const user = (made[0] as PromiseFulfilledResult<{ id: string; role: string }>).value;
    expect(user.role).toBe('admin');
    const signedIn = await accounts.identity.signIn({ email: 'ana@huellitas.mx', password: 'huellitas-2026' }, new Headers());
    expect(signedIn.cookies.length).toBeGreaterThan(0);
    admin = actorFromUser({ ...user, preferredLanguage: 'es' });
    expect((await setup.status()).needsAdmin).toBe(false);
    await expect(setup.createFirstAdmin({ code, name: 'Tarde', email: 'tarde@huellitas.mx', password: 'huellitas-2026' })).rejects.toMatchObject({
      statusCode: 409,
    });
  });

  it('stores the clinic’s facts where the modules read them, now and after a restart', async () => {
    const vet = await StaffFactory(platform, 'veterinarian');
    await expect(setup.saveClinic(vet.actor, clinic)).rejects.toMatchObject({ statusCode: 403 });
    await expect(setup.saveClinic(admin, { ...clinic, closes: '09:00' })).rejects.toMatchObject({
      statusCode: 422,
      fields: [expect.objectContaining({ field: 'closes' })],
    });
    await expect(setup.saveClinic(admin, { ...clinic, timeZone: 'Marte/Olimpo' })).rejects.toMatchObject({ statusCode: 422 });
    expect(platform.ctx.clinic.NAME).not.toBe(clinic.name);

    const saved = await setup.saveClinic(admin, clinic);
    expect(saved).toMatchObject({ name: clinic.name, restartNeeded: false, closedDays: [6] });
    expect(platform.ctx.clinic).toMatchObject({ NAME: clinic.name, PHONE: clinic.phone, ADDRESS: clinic.address });
    // Booking follows the new hours: 10:00 to 14:00.
    const appointments = platform.services.appointments;
    await appointments.staffSchedule.setWeeklyHours(admin, vet.user.id, { hours: [{ weekday: 3, start: '08:00', end: '20:00' }] });
    const slots = await appointments.appointments.checkAvailability(admin, { date: '2026-03-12', durationMinutes: 30 });
    expect(slots[0]!.time).toBe('10:00');
    expect(slots.at(-1)!.time).toBe('13:30');
    // What a new process would read: the environment's defaults under the stored values.
    const stored = await loadSettingOverrides(platform.ctx.db);
    expect(withOverrides('CLINIC', clinicSettings, clinicSettings.parse({}), stored.get('CLINIC'))).toMatchObject({ NAME: clinic.name, EMAIL: clinic.email });
    expect(stored.get('APPOINTMENTS')).toEqual({ WORKING_HOURS: { start: '10:00', end: '14:00' }, CLOSED_DAYS: [6] });
  });

  it('checks the fiscal data and the CSD (sealing a test string) before the clinic invoices with them', async () => {
    const billing = platform.services.billing;
    await expect(setup.saveFiscal(admin, { rfc: 'ABC', legalName: 'Huellitas', regimenFiscal: '601', postalCode: '76000' })).rejects.toMatchObject({
      statusCode: 422,
      fields: [expect.objectContaining({ field: 'rfc' })],
    });
    await expect(
      setup.saveFiscal(admin, { rfc: 'EKU9003173C9', legalName: 'Escuela Kemper Urgate', regimenFiscal: '605', postalCode: '76000' }),
    ).rejects.toMatchObject({
      code: 'billing.regimen_not_allowed',
    });
    await setup.saveFiscal(admin, { rfc: 'EKU9003173C9', legalName: 'Escuela Kemper Urgate', regimenFiscal: '601', postalCode: '76000' });
    expect(billing.settings).toMatchObject({ ISSUER_NAME: 'ESCUELA KEMPER URGATE', ISSUER_POSTAL_CODE: '76000' });

    const files = { cer: CSD('EKU9003173C9.cer'), key: CSD('EKU9003173C9.key') };
    await expect(setup.installCsd(admin, { ...files, password: 'equivocada' })).rejects.toMatchObject({ statusCode: 422, code: 'billing.csd_bad_password' });
    await expect(setup.installCsd(admin, { cer: files.cer, key: files.cer, password: '12345678a' })).rejects.toMatchObject({ statusCode: 422 });
    expect((await billing.issuer.getIssuer()).csdSource).toBe('sat-test');
    const installed = await setup.installCsd(admin, { ...files, password: '12345678a' });
    expect(installed).toMatchObject({ rfc: 'EKU9003173C9', noCertificado: '30001000000500003416' });
    expect(await billing.issuer.getIssuer()).toMatchObject({ csdSource: 'uploaded', csd: { noCertificado: '30001000000500003416' } });
    // A CSD that is not the issuer's is refused.
    await setup.saveFiscal(admin, { rfc: 'XIA190128J61', legalName: 'Xenon Industrial Articles', regimenFiscal: '601', postalCode: '76000' });
    await expect(setup.installCsd(admin, { ...files, password: '12345678a' })).rejects.toMatchObject({ code: 'billing.csd_wrong_rfc' });
    await setup.saveFiscal(admin, { rfc: 'EKU9003173C9', legalName: 'Escuela Kemper Urgate', regimenFiscal: '601', postalCode: '76000' });
  });

  it('invites the team by email; a vet gets the clinic’s hours and can choose a password from the link', async () => {
    const vet = await setup.inviteStaff(admin, { name: 'Dr. Pablo Soto', email: 'pablo@huellitas.mx', role: 'veterinarian' });
    const [mail] = await platform.ctx.db.select().from(localOutbox).where(eq(localOutbox.recipient, 'pablo@huellitas.mx'));
    expect(mail!.subject).toContain('invitación');
    const token = /token=([^\s&]+)/.exec(mail!.body)![1]!;
    await accounts.identity.resetPassword({ token: decodeURIComponent(token), password: 'pablo-elige-2026' });
    expect((await accounts.identity.signIn({ email: 'pablo@huellitas.mx', password: 'pablo-elige-2026' }, new Headers())).cookies.length).toBeGreaterThan(0);
    const schedule = await platform.services.appointments.staffSchedule.getStaffSchedule(admin, vet.id);
    expect(schedule.hours.map((h) => [h.weekday, h.start, h.end])).toEqual([0, 1, 2, 3, 4, 5].map((d) => [d, '10:00', '14:00']));
    await expect(setup.inviteStaff(admin, { name: 'Dr. Pablo Soto', email: 'pablo@huellitas.mx', role: 'veterinarian' })).rejects.toMatchObject({
      statusCode: 422,
    });
  });

  it('adds the starter services at the clinic’s prices, performed by its vets, and the shop’s first categories', async () => {
    await expect(setup.addStarterServices(admin, { services: [{ key: 'masaje', price: '100.00' }] })).rejects.toMatchObject({ code: 'setup.unknown_starter' });
    await expect(setup.addStarterServices(admin, { services: [] })).rejects.toMatchObject({ statusCode: 422 });
    const created = await setup.addStarterServices(admin, {
      services: [
        { key: 'consulta', price: '500.00' },
        { key: 'rabia', price: '380.00' },
        { key: 'esterilizacion', price: '3200.00' },
      ],
    });
    expect(created.map((c) => [c.name, c.price, c.onlineBookable, c.deposit])).toEqual([
      ['Consulta general', '500.00', true, '0.00'],
      ['Vacuna antirrábica', '380.00', true, '0.00'],
      ['Esterilización', '3200.00', false, '500.00'],
    ]);
    const pablo = await accounts.directory.userByEmail('pablo@huellitas.mx');
    const vets = (await accounts.users.listStaff(admin)).filter((m) => m.role === 'veterinarian').map((m) => m.id);
    expect(vets).toContain(pablo!.id);
    expect(created.every((c) => [...c.staffIds].sort().join() === [...vets].sort().join())).toBe(true);
    const owner = await OwnerFactory(platform);
    const pet = await PetFactory(platform, owner.actor);
    const appointments = platform.services.appointments;
    expect((await appointments.appointments.listServices(owner.actor)).map((x) => x.name)).toEqual(['Consulta general', 'Vacuna antirrábica']);
    const booked = await appointments.appointments.bookAppointment(owner.actor, {
      petId: pet.id,
      date: '2026-03-12',
      time: '11:00',
      serviceType: created[0]!.slug,
    });
    expect(vets).toContain(booked.staffId);

    const tree = await setup.addStarterCategories(admin, { keys: ['alimento', 'alimento-perro', 'medicamentos'], extra: ['Juguetes'] });
    expect(tree.map((c) => [c.name, c.depth])).toEqual([
      ['Alimento', 0],
      ['Alimento para perro', 1],
      ['Medicamentos', 0],
      ['Juguetes', 0],
    ]);
    expect((await platform.services.store.products.listCategories()).length).toBe(4);
  });

  it('shows the admin what is missing on the dashboard until every step is done', async () => {
    const vetClinic = platform.services['vet-clinic'];
    let status = await setup.status();
    expect(status.steps.filter((s) => s.state !== 'done')).toEqual([]);
    expect(await vetClinic.dashboard.notices(admin)).toEqual([]);
    await setup.skip(admin, 'csd');
    status = await setup.status();
    expect(status.complete).toBe(true);
    const [notice] = await vetClinic.dashboard.notices(admin);
    expect(notice!.items).toEqual([{ label: 'Certificado de sello digital (CSD)', href: '/setup/csd' }]);
    const receptionist = await StaffFactory(platform, 'receptionist');
    expect(await vetClinic.dashboard.notices(receptionist.actor)).toEqual([]);
    await expect(setup.skip(admin, 'admin')).rejects.toMatchObject({ statusCode: 422 });
  });
});
