import { createHash } from 'node:crypto';
import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { appointmentsModule } from '@petfriendly/appointments';
import { ServiceFactory } from '@petfriendly/appointments/testing';
import { outbox } from '@petfriendly/core';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { PetFactory, VisitFactory } from '@petfriendly/vet-clinic/testing';
import { eq, sql } from 'drizzle-orm';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consents } from '../src/consent.tables';
import { consentModule } from '../src/index';
import type { ConsentServices } from '../src/services';
import { signatureDataUrl } from '../src/testing';

let platform: TestPlatform;
let consent: ConsentServices;
let vet: Awaited<ReturnType<typeof StaffFactory>>;
let desk: Awaited<ReturnType<typeof StaffFactory>>;
const meta = { ip: '203.0.113.7', userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Mobile Safari' };

beforeAll(async () => {
  platform = await createTestPlatform([accountsModule, vetClinicModule, omnichannelModule, multilingualModule, appointmentsModule, consentModule]);
  consent = platform.services.consent;
  vet = await StaffFactory(platform, 'veterinarian', { name: 'Dra. Ana Ruiz' });
  desk = await StaffFactory(platform, 'receptionist');
});
afterAll(async () => platform?.close());

/** An owner, their dog and a visit. */
async function patient(name = 'Mariana Pérez López', language = 'es') {
  const owner = await OwnerFactory(platform, { name, language });
  const pet = await PetFactory(platform, owner.actor, { name: 'Canela' });
  const visit = await VisitFactory(platform, pet.id, vet.actor);
  return { owner, pet, visit };
}

const pdfText = async (bytes: Uint8Array) => {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  const { text } = await parser.getText();
  await parser.destroy();
  return text.replace(/\s+/g, ' ');
};
/** What the database said when it refused a statement (drizzle wraps it). */
const refusal = (query: Promise<unknown>) =>
  query.then(
    () => 'accepted',
    (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
  );

describe('a consent request', () => {
  it('fills the template in the owner’s language with pet, owner, procedure, risks and the estimate with its IVA, to the cent', async () => {
    const { visit } = await patient('Mariana Pérez López');
    const { consent: c, path } = await consent.consents.request(desk.actor, {
      kind: 'surgery',
      visitId: visit.id,
      procedure: 'Ovariohisterectomía',
      risks: 'Hemorragia, infección de la herida.',
      estimate: '3480.50',
    });
    expect(path).toMatch(/^\/consent\/[A-Za-z0-9_-]{43}$/);
    expect(c).toMatchObject({ status: 'pending', lang: 'es', estimateTotal: '3480.50', estimateBase: '3000.43', estimateIva: '480.07', ivaRate: '0.1600' });
    expect(c.title).toBe('Consentimiento para cirugía');
    for (const part of ['Mariana Pérez López', 'Canela', 'Ovariohisterectomía', 'Hemorragia, infección de la herida.', '$3,480.50', '$480.07'])
      expect(c.body).toContain(part);
    // The token is only in the link: the row keeps its hash.
    const [row] = await platform.ctx.db.select({ tokenHash: consents.tokenHash }).from(consents).where(eq(consents.id, c.id));
    expect(row!.tokenHash).toBe(createHash('sha256').update(path.slice('/consent/'.length)).digest('hex'));
  });

  it('uses the clinic’s own text once a vet edits it; a receptionist may not edit texts', async () => {
    await expect(consent.templates.updateTemplate(desk.actor, 'euthanasia', 'en', { title: 'X', body: 'Y' })).rejects.toMatchObject({ statusCode: 403 });
    await consent.templates.updateTemplate(vet.actor, 'euthanasia', 'en', {
      title: 'Euthanasia request',
      body: '{{owner}} asks for {{pet}}: {{procedure}}. {{estimate}}',
    });
    const { visit } = await patient('John Smith', 'en');
    const { consent: c } = await consent.consents.request(vet.actor, {
      kind: 'euthanasia',
      visitId: visit.id,
      procedure: 'Humane euthanasia',
      estimate: '1160',
    });
    expect(c.title).toBe('Euthanasia request');
    expect(c.body).toBe('John Smith asks for Canela: Humane euthanasia. MX$1,160.00 (IVA included: MX$160.00, at 16 %)');
  });
});

describe('signing', () => {
  it('through the phone link stores a PDF that parses, names the owner, and matches its SHA-256; the event carries it', async () => {
    const { visit, pet, owner } = await patient('Rosa Elena Domínguez');
    const { consent: c, path } = await consent.consents.request(desk.actor, {
      kind: 'anaesthesia',
      visitId: visit.id,
      procedure: 'Limpieza dental con sedación',
      estimate: '1500.00',
    });
    const token = path.slice('/consent/'.length);
    expect((await consent.consents.getForToken(token)).title).toBe('Consentimiento para anestesia');
    const signed = await consent.consents.signWithToken(token, { signerName: 'Rosa Elena Domínguez', signature: signatureDataUrl() }, meta);
    expect(signed).toMatchObject({
      status: 'signed',
      signedVia: 'link',
      signerName: 'Rosa Elena Domínguez',
      signerIp: meta.ip,
      signerUserAgent: meta.userAgent,
    });

    const pdf = await consent.consents.pdfOf(vet.actor, c.id);
    expect(createHash('sha256').update(pdf.bytes).digest('hex')).toBe(signed.pdfSha256);
    const text = await pdfText(pdf.bytes);
    expect(text).toContain('Rosa Elena Domínguez');
    expect(text).toContain('Limpieza dental con sedación');
    expect(text).toContain(meta.ip);
    expect(text).toContain('$1,500.00');
    // The drawn signature is in it, as drawn (the test pad is 300 × 100).
    const parser = new PDFParse({ data: new Uint8Array(pdf.bytes) });
    const images = await parser.getImage();
    await parser.destroy();
    expect(images.pages.flatMap((p) => p.images.map((i) => [i.width, i.height]))).toEqual([[300, 100]]);
    // Kept with the visit in the clinic's file storage.
    expect(platform.storage.keys().filter((k) => k.startsWith(`visits/${visit.id}/consents/consent-${c.id}-`))).toHaveLength(2);

    const events = await platform.ctx.db.select().from(outbox).where(eq(outbox.name, 'consent.consent_signed'));
    const mine = events.map((e) => e.payload as Record<string, unknown>).find((p) => p.consentId === c.id);
    expect(mine).toEqual({
      consentId: c.id,
      kind: 'anaesthesia',
      visitId: visit.id,
      appointmentId: null,
      petId: pet.id,
      ownerId: owner.user.id,
      signedAt: signed.signedAt!.toISOString(),
      signedVia: 'link',
      pdfSha256: signed.pdfSha256,
    });
  });

  it('refuses an empty drawing and what is not a PNG, and changes nothing', async () => {
    const { visit } = await patient();
    const { consent: c, path } = await consent.consents.request(desk.actor, { kind: 'hospitalisation', visitId: visit.id, procedure: 'Fluidoterapia' });
    const token = path.slice('/consent/'.length);
    await expect(consent.consents.signWithToken(token, { signerName: 'Mariana', signature: signatureDataUrl({ blank: true }) }, meta)).rejects.toMatchObject({
      statusCode: 422,
      code: 'consent.signature_empty',
    });
    await expect(consent.consents.signWithToken(token, { signerName: 'Mariana', signature: 'data:image/png;base64,bm90IGEgcG5n' }, meta)).rejects.toMatchObject(
      {
        statusCode: 422,
        code: 'consent.signature_invalid',
      },
    );
    await expect(consent.consents.signWithToken(token, { signerName: '', signature: signatureDataUrl() }, meta)).rejects.toMatchObject({ statusCode: 422 });
    expect((await consent.consents.get(vet.actor, c.id)).status).toBe('pending');
  });

  it('refuses a used link (409), an expired one (410) and an unknown one (404)', async () => {
    const { visit } = await patient();
    const first = await consent.consents.request(desk.actor, { kind: 'estimate', visitId: visit.id, procedure: 'Radiografías', estimate: '900' });
    const second = await consent.consents.request(desk.actor, { kind: 'estimate', visitId: visit.id, procedure: 'Análisis de sangre', estimate: '650' });
    const used = first.path.slice('/consent/'.length);
    await consent.consents.signWithToken(used, { signerName: 'Mariana', signature: signatureDataUrl() }, meta);
    await expect(consent.consents.getForToken(used)).rejects.toMatchObject({ statusCode: 409, code: 'consent.link_used' });
    await expect(consent.consents.signWithToken(used, { signerName: 'Otra', signature: signatureDataUrl() }, meta)).rejects.toMatchObject({ statusCode: 409 });

    platform.clock.advance(49 * 3_600_000);
    try {
      const late = second.path.slice('/consent/'.length);
      await expect(consent.consents.signWithToken(late, { signerName: 'Mariana', signature: signatureDataUrl() }, meta)).rejects.toMatchObject({
        statusCode: 410,
        code: 'consent.link_expired',
      });
      // Staff make a new link; the old one stays dead.
      const fresh = await consent.consents.newLink(desk.actor, second.consent.id);
      await expect(consent.consents.getForToken(late)).rejects.toMatchObject({ statusCode: 404 });
      expect((await consent.consents.getForToken(fresh.path.slice('/consent/'.length))).id).toBe(second.consent.id);
    } finally {
      platform.clock.advance(-49 * 3_600_000);
    }
    await expect(consent.consents.getForToken('x'.repeat(43))).rejects.toMatchObject({ statusCode: 404 });
  });

  it('lets exactly one of two racing signatures through', async () => {
    const { visit } = await patient();
    const { consent: c, path } = await consent.consents.request(desk.actor, { kind: 'surgery', visitId: visit.id, procedure: 'Orquiectomía' });
    const token = path.slice('/consent/'.length);
    const results = await Promise.allSettled([
      consent.consents.signWithToken(token, { signerName: 'Uno', signature: signatureDataUrl() }, meta),
      consent.consents.signAtClinic(desk.actor, c.id, { signerName: 'Dos', signature: signatureDataUrl() }, { ip: '10.0.0.2', userAgent: 'Tablet' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { statusCode: 409 } });
    const events = await platform.ctx.db.select().from(outbox).where(eq(outbox.name, 'consent.consent_signed'));
    expect(events.filter((e) => (e.payload as { consentId: number }).consentId === c.id)).toHaveLength(1);
    // Only the winner's files are kept.
    expect(platform.storage.keys().filter((k) => k.includes(`/consent-${c.id}-`))).toHaveLength(2);
  });
});

describe('a signed consent', () => {
  it('cannot change: the service answers 409, and SQL updates and deletes are refused by the database', async () => {
    const { visit } = await patient();
    const { consent: c } = await consent.consents.request(desk.actor, { kind: 'surgery', visitId: visit.id, procedure: 'Extracción de masa' });
    // Before signing it may be corrected, and the text follows.
    expect((await consent.consents.edit(vet.actor, c.id, { procedure: 'Extracción de masa cutánea' })).body).toContain('Extracción de masa cutánea');
    const signed = await consent.consents.signAtClinic(desk.actor, c.id, { signerName: 'Mariana Pérez', signature: signatureDataUrl() }, meta);
    expect(signed.signedVia).toBe('tablet');

    await expect(consent.consents.edit(vet.actor, c.id, { procedure: 'Otra cosa' })).rejects.toMatchObject({ statusCode: 409, code: 'consent.already_signed' });
    await expect(consent.consents.newLink(desk.actor, c.id)).rejects.toMatchObject({ statusCode: 409 });
    const db = platform.ctx.db;
    expect(await refusal(db.execute(sql`update consent.consents set procedure = 'Otra cosa' where id = ${c.id}`))).toMatch(/signed and cannot change/);
    expect(await refusal(db.execute(sql`update consent.consents set status = 'pending' where id = ${c.id}`))).toMatch(/signed and cannot change/);
    expect(await refusal(db.execute(sql`delete from consent.consents where id = ${c.id}`))).toMatch(/signed and cannot change/);
    expect(await consent.consents.get(vet.actor, c.id)).toMatchObject({
      procedure: 'Extracción de masa cutánea',
      status: 'signed',
      pdfSha256: signed.pdfSha256,
    });
  });
});

describe('services that need a consent', () => {
  it('warn on the pet until a signed consent of that kind exists for the appointment; a revocation is a new row and the warning returns', async () => {
    const appointments = platform.services.appointments;
    const service = await ServiceFactory(platform, { staffIds: [vet.user.id], name: 'Esterilización' });
    await consent.templates.setRequirement(vet.actor, service.id, { kind: 'surgery' });
    await expect(consent.templates.setRequirement(vet.actor, 999_999, { kind: 'surgery' })).rejects.toMatchObject({ statusCode: 404 });
    const { owner, pet } = await patient();
    const booked = await appointments.appointments.bookAppointment(owner.actor, {
      petId: pet.id,
      date: '2026-03-12',
      time: '11:00',
      serviceType: service.slug,
    });

    const before = await consent.consents.warningsForPet(vet.actor, pet.id);
    expect(before.missing).toEqual([expect.objectContaining({ appointmentId: booked.id, kind: 'surgery', serviceName: 'Esterilización', pendingId: null })]);

    // A consent of another kind does not lift it; a pending one of the right kind shows as awaiting.
    const other = await consent.consents.request(desk.actor, { kind: 'anaesthesia', appointmentId: booked.id, procedure: 'Anestesia general' });
    await consent.consents.signAtClinic(desk.actor, other.consent.id, { signerName: 'Mariana', signature: signatureDataUrl() }, meta);
    const { consent: c } = await consent.consents.request(desk.actor, { kind: 'surgery', appointmentId: booked.id, procedure: 'Esterilización' });
    expect((await consent.consents.warningsForPet(vet.actor, pet.id)).missing).toEqual([
      expect.objectContaining({ appointmentId: booked.id, pendingId: c.id }),
    ]);

    await consent.consents.signAtClinic(desk.actor, c.id, { signerName: 'Mariana', signature: signatureDataUrl() }, meta);
    expect((await consent.consents.warningsForPet(vet.actor, pet.id)).missing).toEqual([]);

    const revoked = await consent.consents.revoke(desk.actor, c.id, 'La familia lo pensará');
    expect(revoked).toMatchObject({ status: 'signed', revocation: { reason: 'La familia lo pensará' } });
    await expect(consent.consents.revoke(desk.actor, c.id, 'otra vez')).rejects.toMatchObject({ statusCode: 409 });
    expect(await refusal(platform.ctx.db.execute(sql`delete from consent.revocations where consent_id = ${c.id}`))).toMatch(/cannot change/);
    expect((await consent.consents.warningsForPet(vet.actor, pet.id)).missing).toHaveLength(1);
  });

  it('keeps the visit and the appointment to one pet, and owners out', async () => {
    const a = await patient();
    const b = await patient();
    const service = await ServiceFactory(platform, { staffIds: [vet.user.id] });
    const appointments = platform.services.appointments;
    const booked = await appointments.appointments.bookAppointment(b.owner.actor, {
      petId: b.pet.id,
      date: '2026-03-13',
      time: '12:00',
      serviceType: service.slug,
    });
    await expect(
      consent.consents.request(desk.actor, { kind: 'surgery', visitId: a.visit.id, appointmentId: booked.id, procedure: 'X' }),
    ).rejects.toMatchObject({
      statusCode: 422,
      code: 'consent.different_pets',
    });
    await expect(consent.consents.request(desk.actor, { kind: 'surgery', procedure: 'X' })).rejects.toMatchObject({ statusCode: 422 });
    await expect(consent.consents.request(a.owner.actor, { kind: 'surgery', visitId: a.visit.id, procedure: 'X' })).rejects.toMatchObject({ statusCode: 403 });
    await expect(consent.consents.listForVisit(a.owner.actor, a.visit.id)).rejects.toMatchObject({ statusCode: 403 });
  });
});
