import { LANGUAGES, pageQuerySchema, pageSchema, ROLES, rowSchema, STAFF_ROLES } from '@petfriendly/core';
import { z } from 'zod';
import { apiTokens, CHANNELS, ownerProfiles, staffProfiles, users } from './accounts.tables';

const email = z.string().trim().toLowerCase().pipe(z.email('must be a valid email address').max(254));
const phone = z.preprocess(
  (v) => (typeof v === 'string' ? v.replace(/[\s().-]/g, '') : v),
  z
    .string()
    .regex(/^\+?\d{10,15}$/, 'must be a phone number with 10 to 15 digits')
    .or(z.literal('')),
);
export const password = z.string().min(8, 'must be at least 8 characters').max(128, 'must be at most 128 characters');

export const signUpSchema = z.object({
  name: z.string().trim().min(2, 'is required').max(120),
  email,
  password,
  phone: phone.default(''),
  preferredLanguage: z.enum(LANGUAGES).default('es'),
  preferredChannel: z.enum(CHANNELS).default('whatsapp'),
});

export const signInSchema = z.object({ email, password: z.string().min(1, 'is required').max(128) });

export const resetRequestSchema = z.object({ email });
export const verifyEmailSchema = z.object({ token: z.string().min(10, 'is missing or invalid').max(200) });
export const resetPasswordSchema = z.object({ token: z.string().min(10, 'is missing or invalid'), password });

export const createUserSchema = z.object({
  name: z.string().trim().min(2, 'is required').max(120),
  email,
  password: password.optional(),
  role: z.enum(ROLES).default('owner'),
  preferredLanguage: z.enum(LANGUAGES).default('es'),
  phone: phone.default(''),
  title: z.string().trim().max(100).default(''),
  licenseNumber: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().max(50).optional()),
});

export const ownerProfileSchema = z.object({
  name: z.string().trim().min(2, 'is required').max(120).optional(),
  phone: phone.optional(),
  alternatePhone: phone.optional(),
  address: z.string().trim().max(500).optional(),
  preferredLanguage: z.enum(LANGUAGES).optional(),
  preferredChannel: z.enum(CHANNELS).optional(),
});

const list = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : v,
  z.array(z.string().trim().min(1).max(60)).max(20),
);

export const languageSchema = z.object({ preferredLanguage: z.enum(LANGUAGES) });

export const staffProfileSchema = z.object({
  title: z.string().trim().max(100).optional(),
  licenseNumber: z.preprocess((v) => (v === '' ? null : v), z.string().trim().max(50).nullable().optional()),
  specialties: list.optional(),
  services: list.optional(),
  bio: z.string().trim().max(2000).optional(),
  isBookable: z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean()).optional(),
});

export const ownerSearchSchema = z.object({
  query: z.string().trim().max(100).default(''),
  ...pageQuerySchema.shape,
});

export const tokenSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(100),
  userId: z.string().uuid().optional(),
  expiresInDays: z.coerce.number().int().min(1).max(3650).optional(),
});

/** A member of the team invited by email: they choose their password from the link. */
export const inviteStaffSchema = z.object({
  name: z.string().trim().min(2, 'is required').max(120),
  email,
  role: z.enum(STAFF_ROLES),
  preferredLanguage: z.enum(LANGUAGES).default('es'),
});

/** A person as the API shows them (never credentials). */
export const publicUserOut = rowSchema(users).pick({ id: true, name: true, email: true, role: true, preferredLanguage: true, isActive: true, createdAt: true });
export const profileOut = z.object({
  user: publicUserOut,
  owner: rowSchema(ownerProfiles).nullable(),
  staff: rowSchema(staffProfiles).nullable(),
});
export const ownerPageOut = pageSchema(publicUserOut.extend({ phone: z.string().nullable() }));
export const staffMemberOut = publicUserOut.extend({
  title: z.string().nullable(),
  licenseNumber: z.string().nullable(),
  specialties: z.array(z.string()).nullable(),
  services: z.array(z.string()).nullable(),
});
export const tokenOut = rowSchema(apiTokens).pick({ id: true, name: true, prefix: true, expiresAt: true, lastUsedAt: true, revokedAt: true, createdAt: true });

/** One owner brought in from another practice system: no password (they set one by reset link). */
export const ownerImportSchema = z.object({
  name: z.string().trim().min(2, 'is required').max(120),
  email,
  phone: phone.default(''),
  alternatePhone: phone.default(''),
  address: z.string().trim().max(500).default(''),
  preferredLanguage: z.enum(LANGUAGES).default('es'),
});
export type OwnerImportData = z.infer<typeof ownerImportSchema>;
