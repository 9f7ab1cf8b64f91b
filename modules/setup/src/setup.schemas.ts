import { amountText, LANGUAGES } from '@petfriendly/core';
import { z } from 'zod';
import { SETUP_STEPS } from './setup.tables';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 09:00');
const list = (v: unknown) => (v == null || v === '' ? [] : Array.isArray(v) ? v : [v]);

/** The first admin: who runs the clinic on Pet-Friendly (no default password: they choose it). */
export const firstAdminSchema = z.object({
  code: z.string().trim().min(1, 'is required').max(40),
  name: z.string().trim().min(2, 'is required').max(120),
  email: z.string().trim().toLowerCase().pipe(z.email('must be a valid email address').max(254)),
  password: z.string().min(10, 'must be at least 10 characters').max(128),
});

/** The clinic's facts: where the modules read them (CLINIC, APPOINTMENTS and MULTILINGUAL settings). */
export const clinicFactsSchema = z
  .object({
    name: z.string().trim().min(2, 'is required').max(200),
    address: z.string().trim().min(5, 'is required').max(300),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[\d\s()-]{8,20}$/, 'must be a phone number like +52 55 1234 5678'),
    email: z.string().trim().toLowerCase().pipe(z.email('must be a valid email address').max(254)),
    timeZone: z.string().trim().min(1).max(60),
    defaultLanguage: z.enum(LANGUAGES),
    opens: hhmm,
    closes: hhmm,
    closedDays: z.preprocess(list, z.array(z.coerce.number().int().min(0).max(6)).max(6)),
  })
  .refine((c) => c.closes > c.opens, { path: ['closes'], message: 'must be after the opening time' });

export const stepParams = z.object({ step: z.enum(SETUP_STEPS) });

/** Starter services chosen, each with the price the clinic charges (IVA included). */
export const starterServicesSchema = z.object({
  services: z
    .array(
      z.object({
        key: z.string().trim().min(1).max(40),
        price: amountText,
      }),
    )
    .min(1, 'choose at least one service')
    .max(50),
});

/** Starter shop categories chosen, and any the clinic adds by name. */
export const starterCategoriesSchema = z.object({
  keys: z.preprocess(list, z.array(z.string().trim().min(1).max(40)).max(50)),
  extra: z.preprocess(list, z.array(z.string().trim().max(200)).max(20)),
});

export const inviteSchema = z.object({
  name: z.string().trim().min(2, 'is required').max(120),
  email: z.string().trim().toLowerCase().pipe(z.email('must be a valid email address').max(254)),
  role: z.enum(['receptionist', 'veterinarian', 'manager', 'admin']),
});

export const stepOut = z.object({ step: z.enum(SETUP_STEPS), state: z.enum(['todo', 'done', 'skipped']) });
export const statusOut = z.object({ needsAdmin: z.boolean(), complete: z.boolean(), steps: z.array(stepOut) });
