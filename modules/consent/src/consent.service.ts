import { createHash, randomBytes } from 'node:crypto';
import type { AccountsPort } from '@petfriendly/accounts';
import type { ConsentAppointmentsPort } from '@petfriendly/appointments';
import {
  type Actor,
  ConflictError,
  dateTimeFormat,
  formatMoney,
  type ModuleContext,
  money,
  NotFoundError,
  normalizeLanguage,
  parseInput,
  requireStaff,
  rowId,
  ServiceError,
  ValidationError,
} from '@petfriendly/core';
import type { PetsPort, RecordsPort, VisitsPort } from '@petfriendly/vet-clinic';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { consentSigned } from './consent.events';
import { renderConsentPdf } from './consent.pdf';
import { editSchema, requestSchema, signSchema } from './consent.schemas';
import type { ConsentSettings } from './consent.settings';
import { type ConsentKind, type ConsentLanguage, consents, revocations } from './consent.tables';
import { fillTemplate } from './default-templates';
import { readSignature } from './signature';
import type { TemplateService } from './template.service';

export type ConsentNeeds = { accounts: AccountsPort; 'vet-clinic': PetsPort & RecordsPort & VisitsPort; appointments: ConsentAppointmentsPort };
/** Who asks for a consent and hands the tablet over (not the accountant). */
export const REQUESTERS = ['receptionist', 'veterinarian', 'manager', 'admin'] as const;

type Row = typeof consents.$inferSelect;
export interface SigningMeta {
  ip: string;
  userAgent: string;
}

/** A phone link past its time: 410, the owner asks the clinic for a new one. */
export class LinkExpiredError extends ServiceError {
  override readonly statusCode = 410;
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const signedConflict = (id: number) => new ConflictError('consent.already_signed', `Consent ${id} is signed: it cannot change.`, { id });

/**
 * Consent forms: staff fill a template for a visit or an appointment; the owner signs it on the clinic's
 * tablet or through a single-use phone link; signing stores the PDF (text, drawn signature, who, when,
 * from where) with its SHA-256 and raises `consent.consent_signed`. Signed consents never change.
 */
export function createConsentService(ctx: ModuleContext, deps: ConsentNeeds, settings: ConsentSettings, templates: TemplateService) {
  const { db, clock, storage } = ctx;
  const vet = deps['vet-clinic'];
  /** 256 random bits: the link is the only credential the owner's phone has. */
  const newToken = () => randomBytes(32).toString('base64url');
  const linkExpiry = () => new Date(clock.now().getTime() + settings.LINK_HOURS * 3_600_000);

  const withRevocations = async (rows: Row[]) => {
    const revoked = rows.length
      ? await db
          .select()
          .from(revocations)
          .where(
            inArray(
              revocations.consentId,
              rows.map((r) => r.id),
            ),
          )
      : [];
    return rows.map(({ tokenHash: _hash, signatureKey: _sig, pdfKey: _pdf, ...row }) => {
      const r = revoked.find((x) => x.consentId === row.id);
      return { ...row, revocation: r ? { reason: r.reason, revokedAt: r.revokedAt, recordedBy: r.recordedBy } : null };
    });
  };
  const view = async (row: Row) => (await withRevocations([row]))[0]!;

  async function load(id: number) {
    // Ids come from page paths too: one no row can have is simply not found.
    const [row] = rowId.safeParse(id).success ? await db.select().from(consents).where(eq(consents.id, id)) : [];
    if (!row) throw new NotFoundError('consent.not_found', `Consent ${id} not found.`, { id });
    return row;
  }

  /** The pet and owner a request is about, from its visit and/or appointment (which must be the same pet's). */
  async function subjectOf(actor: Actor, visitId?: number, appointmentId?: number) {
    const visit = visitId === undefined ? null : await vet.records.getVisit(visitId, actor);
    const appointment = appointmentId === undefined ? null : await deps.appointments.appointments.getAppointment(appointmentId, actor);
    if (visit && appointment && visit.petId !== appointment.petId)
      throw ValidationError.forField('consent.different_pets', 'appointmentId', 'The visit and the appointment are for different pets.');
    const pet = await vet.pets.getPet((visit?.petId ?? appointment?.petId)!, actor);
    return { pet, visitId: visit?.id ?? null, appointmentId: appointment?.id ?? null };
  }

  /** The estimate broken down: what the owner pays (IVA included), its base and its IVA, to the cent. */
  function estimateOf(total: string | undefined, rate: string) {
    if (total === undefined) return { estimateTotal: null, estimateBase: null, estimateIva: null, ivaRate: null };
    const base = money(total).div(money(1).plus(rate)).toDecimalPlaces(2);
    return { estimateTotal: money(total).toFixed(2), estimateBase: base.toFixed(2), estimateIva: money(total).minus(base).toFixed(2), ivaRate: rate };
  }

  /** The template in force, filled with this pet, owner, procedure, risks and estimate. */
  async function compose(
    kind: ConsentKind,
    lang: ConsentLanguage,
    petName: string,
    ownerId: string,
    fields: { procedure: string; risks: string; estimateTotal: string | null; estimateIva: string | null; ivaRate: string | null },
  ) {
    const t = ctx.i18n.t(lang);
    const locale = lang === 'es' ? 'es-MX' : lang;
    const owner = (await deps.accounts.directory.namesOf([ownerId])).get(ownerId) ?? '';
    const estimate =
      fields.estimateTotal === null
        ? t('consent:estimate.none')
        : t('consent:estimate.text', {
            total: formatMoney(fields.estimateTotal, 'MXN', locale),
            iva: formatMoney(fields.estimateIva!, 'MXN', locale),
            rate: money(fields.ivaRate!).times(100).toString(),
            interpolation: { escapeValue: false },
          });
    const tpl = await templates.template(kind, lang);
    const values = { owner, pet: petName, procedure: fields.procedure, risks: fields.risks || '—', estimate, clinic: ctx.clinic.NAME };
    return { title: tpl.title, body: fillTemplate(tpl.body, values) };
  }

  /** Staff ask for a consent: the text is filled now and kept; the owner's phone link is returned once (only its hash is stored). */
  async function request(actor: Actor, input: unknown) {
    const staff = requireStaff(actor, REQUESTERS);
    const data = parseInput(requestSchema, input);
    const subject = await subjectOf(staff, data.visitId, data.appointmentId);
    const contact = await deps.accounts.directory.contactOf(subject.pet.ownerId);
    const lang = data.lang ?? (normalizeLanguage(contact?.language) as ConsentLanguage);
    const estimate = estimateOf(data.estimate, data.ivaRate);
    const fields = { procedure: data.procedure, risks: data.risks, ...estimate };
    const text = await compose(data.kind, lang, subject.pet.name, subject.pet.ownerId, fields);
    const token = newToken();
    const [row] = await db
      .insert(consents)
      .values({
        kind: data.kind,
        lang,
        visitId: subject.visitId,
        appointmentId: subject.appointmentId,
        petId: subject.pet.id,
        ownerId: subject.pet.ownerId,
        ...fields,
        ...text,
        tokenHash: sha256(token),
        expiresAt: linkExpiry(),
        requestedBy: staff.userId,
      })
      .returning();
    return { consent: await view(row!), token, path: `/consent/${token}` };
  }

  /** A fresh phone link for a consent not yet signed (the old one stops working): when the first expired or was lost. */
  async function newLink(actor: Actor, id: number) {
    requireStaff(actor, REQUESTERS);
    const token = newToken();
    const [row] = await db
      .update(consents)
      .set({ tokenHash: sha256(token), expiresAt: linkExpiry() })
      .where(and(eq(consents.id, id), eq(consents.status, 'pending')))
      .returning();
    if (!row) throw (await load(id)).status === 'signed' ? signedConflict(id) : new NotFoundError('consent.not_found', `Consent ${id} not found.`, { id });
    return { consent: await view(row), token, path: `/consent/${token}` };
  }

  /** What a request can be for: the pet's latest visits and its appointments still to come. */
  async function choicesForPet(actor: Actor, petId: number) {
    const staff = requireStaff(actor, REQUESTERS);
    const [pet, visits, appointments] = await Promise.all([
      vet.pets.getPet(petId, staff),
      vet.records.getVisitHistory(petId, staff, { pageSize: 10 }),
      deps.appointments.appointments.upcomingOfPet(staff, petId),
    ]);
    return { pet, visits: visits.items.map((v) => ({ id: v.id, visitDate: v.visitDate, reason: v.reason })), appointments };
  }

  /** Changes a consent not yet signed (the text is filled again); a signed one refuses with 409. */
  async function edit(actor: Actor, id: number, input: unknown) {
    requireStaff(actor, REQUESTERS);
    const data = parseInput(editSchema, input);
    const row = await load(id);
    if (row.status === 'signed') throw signedConflict(id);
    const estimate = data.estimate === undefined ? row : estimateOf(data.estimate, row.ivaRate ?? '0.16');
    const fields = {
      procedure: data.procedure ?? row.procedure,
      risks: data.risks ?? row.risks,
      estimateTotal: estimate.estimateTotal,
      estimateBase: estimate.estimateBase,
      estimateIva: estimate.estimateIva,
      ivaRate: estimate.ivaRate,
    };
    const pet = await vet.pets.getPet(row.petId, actor);
    const text = await compose(row.kind, row.lang, pet.name, row.ownerId, fields);
    const [updated] = await db
      .update(consents)
      .set({ ...fields, ...text })
      .where(and(eq(consents.id, id), eq(consents.status, 'pending')))
      .returning();
    if (!updated) throw signedConflict(id);
    return view(updated);
  }

  /** The signature turned into the stored PDF and the signed row, once: a second signature gets 409. */
  async function sign(row: Row, input: unknown, meta: SigningMeta, via: 'tablet' | 'link') {
    if (row.status === 'signed') throw signedConflict(row.id);
    const data = parseInput(signSchema, input);
    const signature = readSignature(data.signature, settings.SIGNATURE_MAX_BYTES);
    const signedAt = clock.now();
    const t = ctx.i18n.t(row.lang);
    const pdf = await renderConsentPdf({
      clinic: ctx.clinic,
      title: row.title,
      body: row.body,
      signature,
      facts: [
        [t('consent:pdf.signer'), data.signerName],
        [
          t('consent:pdf.signedAt'),
          `${dateTimeFormat(row.lang, { timeZone: ctx.clinic.TIME_ZONE, dateStyle: 'long', timeStyle: 'medium' }).format(signedAt)} (${signedAt.toISOString()})`,
        ],
        [t('consent:pdf.via'), t(`consent:via.${via}`)],
        [t('consent:pdf.ip'), meta.ip],
        [t('consent:pdf.device'), meta.userAgent || '—'],
        [t('consent:pdf.number'), String(row.id)],
      ],
    });
    const pdfSha256 = sha256(pdf);
    // The hash in the key: a losing racer's files never overwrite the winner's.
    const folder = row.visitId ? `visits/${row.visitId}/consents` : `appointments/${row.appointmentId}/consents`;
    const pdfKey = `${folder}/consent-${row.id}-${pdfSha256.slice(0, 12)}.pdf`;
    const signatureKey = `${folder}/consent-${row.id}-${pdfSha256.slice(0, 12)}-signature.png`;
    await Promise.all([storage.put(pdfKey, pdf), storage.put(signatureKey, signature)]);
    try {
      return await db.transaction(async (tx) => {
        const [signed] = await tx
          .update(consents)
          .set({
            status: 'signed',
            signedAt,
            signedVia: via,
            signerName: data.signerName,
            signerIp: meta.ip.slice(0, 64),
            signerUserAgent: meta.userAgent.slice(0, 1000),
            signatureKey,
            pdfKey,
            pdfSha256,
          })
          .where(and(eq(consents.id, row.id), eq(consents.status, 'pending')))
          .returning();
        if (!signed) throw signedConflict(row.id);
        await ctx.events.emit(tx, consentSigned, {
          consentId: signed.id,
          kind: signed.kind,
          visitId: signed.visitId,
          appointmentId: signed.appointmentId,
          petId: signed.petId,
          ownerId: signed.ownerId,
          signedAt: signedAt.toISOString(),
          signedVia: via,
          pdfSha256,
        });
        return view(signed);
      });
    } catch (error) {
      await Promise.all([storage.delete(pdfKey), storage.delete(signatureKey)]);
      throw error;
    }
  }

  /** The consent behind a phone link, refused once signed (409) or past its time (410). */
  async function byToken(token: string) {
    const [row] = await db
      .select()
      .from(consents)
      .where(eq(consents.tokenHash, sha256(token)));
    if (!row) throw new NotFoundError('consent.link_unknown', 'This consent link is not valid.');
    if (row.status === 'signed') throw new ConflictError('consent.link_used', 'This consent has already been signed.');
    if (row.expiresAt <= clock.now()) throw new LinkExpiredError('consent.link_expired', 'This consent link has expired: ask the clinic for a new one.');
    return row;
  }

  /** What the owner's phone shows before signing. */
  async function getForToken(token: string) {
    const { id, kind, lang, title, body, status, expiresAt, signedAt } = await byToken(token);
    return { id, kind, lang, title, body, status, expiresAt, signedAt };
  }

  const signWithToken = async (token: string, input: unknown, meta: SigningMeta) => sign(await byToken(token), input, meta, 'link');

  /** The owner signs on the clinic's tablet, on the page a staff member opened and handed over. */
  async function signAtClinic(actor: Actor, id: number, input: unknown, meta: SigningMeta) {
    requireStaff(actor, REQUESTERS);
    return sign(await load(id), input, meta, 'tablet');
  }

  /** The owner withdraws a signed consent before the procedure: a row of its own, the consent stays as signed. */
  async function revoke(actor: Actor, id: number, reason: string) {
    const staff = requireStaff(actor, REQUESTERS);
    const row = await load(id);
    if (row.status !== 'signed') throw new ConflictError('consent.not_signed', `Consent ${id} is not signed: there is nothing to revoke.`, { id });
    if (!reason.trim()) throw ValidationError.forField('consent.reason_required', 'reason', 'Say why the consent is withdrawn.');
    if (row.appointmentId) {
      const appointment = await deps.appointments.appointments.getAppointment(row.appointmentId, staff);
      if (appointment.startsAt <= clock.now() || appointment.status === 'completed')
        throw new ConflictError('consent.procedure_started', 'The procedure has already started: the consent can no longer be withdrawn.');
    }
    const [done] = await db.insert(revocations).values({ consentId: id, reason: reason.trim(), recordedBy: staff.userId }).onConflictDoNothing().returning();
    if (!done) throw new ConflictError('consent.already_revoked', `Consent ${id} was already withdrawn.`, { id });
    return view(row);
  }

  async function get(actor: Actor, id: number) {
    requireStaff(actor);
    return view(await load(id));
  }

  async function listForVisit(actor: Actor, visitId: number) {
    await vet.records.getVisit(visitId, requireStaff(actor));
    return withRevocations(await db.select().from(consents).where(eq(consents.visitId, visitId)).orderBy(desc(consents.id)));
  }

  async function listForPet(actor: Actor, petId: number) {
    requireStaff(actor);
    return withRevocations(await db.select().from(consents).where(eq(consents.petId, petId)).orderBy(desc(consents.id)).limit(100));
  }

  /** The signed PDF's bytes, checked against the hash kept at signing. */
  async function pdfOf(actor: Actor, id: number) {
    requireStaff(actor);
    const row = await load(id);
    const bytes = row.pdfKey ? await storage.get(row.pdfKey) : null;
    if (!bytes) throw new NotFoundError('consent.pdf_missing', `Consent ${id} has no signed PDF.`, { id });
    if (sha256(bytes) !== row.pdfSha256) throw new ConflictError('consent.pdf_altered', `The stored PDF of consent ${id} does not match its hash.`, { id });
    return { bytes, sha256: row.pdfSha256, filename: `consent-${id}.pdf` };
  }

  /**
   * What the vet must not miss on a pet's chart: each appointment still to come whose service needs a consent
   * without a signed, unwithdrawn one of that kind (with the pending request, if any), and requests awaiting a signature.
   */
  async function warningsForPet(actor: Actor, petId: number) {
    const staff = requireStaff(actor);
    const [upcoming, ofPet] = await Promise.all([deps.appointments.appointments.upcomingOfPet(staff, petId), listForPet(staff, petId)]);
    const needs = await templates.requirementsOf([...new Set(upcoming.map((a) => a.serviceTypeId))]);
    const valid = ofPet.filter((c) => c.status === 'signed' && !c.revocation);
    const missing = upcoming
      .filter((a) => needs.has(a.serviceTypeId) && !valid.some((c) => c.appointmentId === a.id && c.kind === needs.get(a.serviceTypeId)))
      .map((a) => ({
        appointmentId: a.id,
        startsAt: a.startsAt,
        serviceName: a.serviceName,
        kind: needs.get(a.serviceTypeId)!,
        pendingId: ofPet.find((c) => c.status === 'pending' && c.appointmentId === a.id && c.kind === needs.get(a.serviceTypeId))?.id ?? null,
      }));
    return { missing, pending: ofPet.filter((c) => c.status === 'pending'), consents: ofPet };
  }

  /** Pending consents across the clinic, oldest first (the AI tool and the staff list). */
  async function listPending(actor: Actor) {
    requireStaff(actor);
    return withRevocations(await db.select().from(consents).where(eq(consents.status, 'pending')).orderBy(consents.id).limit(200));
  }

  return {
    request,
    newLink,
    choicesForPet,
    edit,
    getForToken,
    signWithToken,
    signAtClinic,
    revoke,
    get,
    listForVisit,
    listForPet,
    pdfOf,
    warningsForPet,
    listPending,
  };
}

export type ConsentService = ReturnType<typeof createConsentService>;
