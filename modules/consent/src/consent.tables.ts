import { users } from '@petfriendly/accounts/tables';
import { appointments, serviceTypes } from '@petfriendly/appointments/tables';
import { pets, visits } from '@petfriendly/vet-clinic/tables';
import { sql } from 'drizzle-orm';
import { check, index, integer, numeric, pgSchema, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

export const consentSchema = pgSchema('consent');

export const CONSENT_KINDS = ['surgery', 'anaesthesia', 'euthanasia', 'hospitalisation', 'estimate'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];
export const CONSENT_LANGUAGES = ['es', 'en', 'de', 'fr', 'it'] as const;
export type ConsentLanguage = (typeof CONSENT_LANGUAGES)[number];

const amount = (name: string) => numeric(name, { precision: 12, scale: 2 });

/** A clinic's own wording of a kind of consent in one language; without a row the built-in text applies. */
export const templates = consentSchema.table(
  'templates',
  {
    kind: varchar('kind', { length: 20, enum: CONSENT_KINDS }).notNull(),
    lang: varchar('lang', { length: 2, enum: CONSENT_LANGUAGES }).notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    body: text('body').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.lang] })],
);

/** Service types that need a signed consent of a kind before they are done (kept here, not in appointments' table). */
export const serviceRequirements = consentSchema.table('service_requirements', {
  serviceTypeId: integer('service_type_id')
    .primaryKey()
    .references(() => serviceTypes.id, { onDelete: 'cascade' }),
  kind: varchar('kind', { length: 20, enum: CONSENT_KINDS }).notNull(),
});

export const CONSENT_STATUSES = ['pending', 'signed'] as const;
export const SIGNED_VIA = ['tablet', 'link'] as const;

/**
 * One consent: the text as filled when requested, then the owner's signature. A signed row never changes
 * (a trigger refuses updates and deletes of it, see the migration); revoking it is a row of `revocations`.
 */
export const consents = consentSchema.table(
  'consents',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: varchar('kind', { length: 20, enum: CONSENT_KINDS }).notNull(),
    lang: varchar('lang', { length: 2, enum: CONSENT_LANGUAGES }).notNull(),
    visitId: integer('visit_id').references(() => visits.id, { onDelete: 'restrict' }),
    appointmentId: integer('appointment_id').references(() => appointments.id, { onDelete: 'restrict' }),
    petId: integer('pet_id')
      .notNull()
      .references(() => pets.id, { onDelete: 'restrict' }),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    procedure: varchar('procedure', { length: 300 }).notNull(),
    risks: text('risks').notNull().default(''),
    /** The estimate as the owner pays it (IVA included), its base and its IVA at `iva_rate`. */
    estimateTotal: amount('estimate_total'),
    estimateBase: amount('estimate_base'),
    estimateIva: amount('estimate_iva'),
    ivaRate: numeric('iva_rate', { precision: 5, scale: 4 }),
    title: varchar('title', { length: 200 }).notNull(),
    body: text('body').notNull(),
    /** SHA-256 of the phone link's token: the token itself is only ever in the link. */
    tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    status: varchar('status', { length: 10, enum: CONSENT_STATUSES }).notNull().default('pending'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    signedVia: varchar('signed_via', { length: 10, enum: SIGNED_VIA }),
    signerName: varchar('signer_name', { length: 200 }),
    signerIp: varchar('signer_ip', { length: 64 }),
    signerUserAgent: text('signer_user_agent'),
    signatureKey: text('signature_key'),
    pdfKey: text('pdf_key'),
    pdfSha256: varchar('pdf_sha256', { length: 64 }),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('consents_visit_idx').on(t.visitId),
    index('consents_appointment_idx').on(t.appointmentId),
    index('consents_pet_idx').on(t.petId),
    check('consents_for_something', sql`${t.visitId} is not null or ${t.appointmentId} is not null`),
    check(
      'consents_signed_complete',
      sql`${t.status} = 'pending' or (${t.signedAt} is not null and ${t.signerName} is not null and ${t.pdfKey} is not null and ${t.pdfSha256} is not null)`,
    ),
  ],
);

/** The owner withdrew a signed consent before the procedure: a new row, the consent itself stays as signed. */
export const revocations = consentSchema.table('revocations', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  consentId: integer('consent_id')
    .notNull()
    .unique()
    .references(() => consents.id, { onDelete: 'restrict' }),
  reason: text('reason').notNull(),
  recordedBy: uuid('recorded_by')
    .notNull()
    .references(() => users.id, { onDelete: 'restrict' }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }).notNull().defaultNow(),
});

export const consentTables = { templates, serviceRequirements, consents, revocations };
