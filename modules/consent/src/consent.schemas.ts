import { amountInput, decimalString, rowId } from '@petfriendly/core';
import { z } from 'zod';
import { CONSENT_KINDS, CONSENT_LANGUAGES, CONSENT_STATUSES, SIGNED_VIA } from './consent.tables';

const text = (max: number) => z.preprocess((v) => (v == null ? '' : v), z.string().trim().max(max));
const optionalId = z.preprocess((v) => (v === '' || v == null ? undefined : v), rowId.optional());
const optionalAmount = z.preprocess((v) => (v === '' || v == null ? undefined : v), amountInput.optional());

export const IVA_RATES = ['0.16', '0.08', '0'] as const;

export const requestSchema = z
  .object({
    kind: z.enum(CONSENT_KINDS),
    visitId: optionalId,
    appointmentId: optionalId,
    /** The owner's language when left out. */
    lang: z.preprocess((v) => (v === '' ? undefined : v), z.enum(CONSENT_LANGUAGES).optional()),
    procedure: text(300).pipe(z.string().min(1, 'is required')),
    risks: text(4000),
    /** What the owner will pay, IVA included. */
    estimate: optionalAmount,
    ivaRate: z.preprocess((v) => (v === '' || v == null ? undefined : v), z.enum(IVA_RATES).default('0.16')),
  })
  .refine((v) => v.visitId !== undefined || v.appointmentId !== undefined, { message: 'a visit or an appointment is required', path: ['visitId'] });
export type RequestInput = z.infer<typeof requestSchema>;

/** What may change on a consent before it is signed. */
export const editSchema = z.object({
  procedure: text(300).pipe(z.string().min(1, 'is required')).optional(),
  risks: text(4000).optional(),
  estimate: optionalAmount,
});

export const signSchema = z.object({
  signerName: text(200).pipe(z.string().min(2, 'is required')),
  /** The canvas drawing, `data:image/png;base64,…`. */
  signature: z.string().max(8_000_000),
});

export const templateSchema = z.object({ title: text(200).pipe(z.string().min(1, 'is required')), body: text(20_000).pipe(z.string().min(1, 'is required')) });
export const requirementSchema = z.object({ kind: z.preprocess((v) => (v === '' ? null : v), z.enum(CONSENT_KINDS).nullable()) });
export const revokeSchema = z.object({ reason: text(1000).pipe(z.string().min(1, 'is required')) });

export const idParams = z.object({ id: rowId });
export const visitParams = z.object({ visitId: rowId });
export const tokenParams = z.object({ token: z.string().min(20).max(100) });
export const templateParams = z.object({ kind: z.enum(CONSENT_KINDS), lang: z.enum(CONSENT_LANGUAGES) });
export const serviceTypeParams = z.object({ serviceTypeId: rowId });

export const consentOut = z.object({
  id: z.number().int(),
  kind: z.enum(CONSENT_KINDS),
  lang: z.enum(CONSENT_LANGUAGES),
  visitId: z.number().int().nullable(),
  appointmentId: z.number().int().nullable(),
  petId: z.number().int(),
  ownerId: z.string(),
  procedure: z.string(),
  risks: z.string(),
  estimateTotal: decimalString.nullable(),
  estimateBase: decimalString.nullable(),
  estimateIva: decimalString.nullable(),
  ivaRate: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  expiresAt: z.date(),
  status: z.enum(CONSENT_STATUSES),
  signedAt: z.date().nullable(),
  signedVia: z.enum(SIGNED_VIA).nullable(),
  signerName: z.string().nullable(),
  signerIp: z.string().nullable(),
  signerUserAgent: z.string().nullable(),
  pdfSha256: z.string().nullable(),
  requestedBy: z.string(),
  createdAt: z.date(),
  revocation: z.object({ reason: z.string(), revokedAt: z.date(), recordedBy: z.string() }).nullable(),
});
export const requestOut = z.object({ consent: consentOut, link: z.string() });
/** What the owner's phone page shows: the text, nothing about the clinic's staff. */
export const publicConsentOut = consentOut.pick({ id: true, kind: true, lang: true, title: true, body: true, status: true, expiresAt: true, signedAt: true });
export const templateOut = z.object({ kind: z.enum(CONSENT_KINDS), lang: z.enum(CONSENT_LANGUAGES), title: z.string(), body: z.string(), custom: z.boolean() });
export const requirementOut = z.object({ serviceTypeId: z.number().int(), kind: z.enum(CONSENT_KINDS).nullable() });
