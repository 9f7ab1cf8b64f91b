import { z } from 'zod';

/** A Mexican RFC's shape: 3 (company) or 4 (person) letters, a date, a 3-character homoclave; upper-cased. */
export const rfcSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-ZÑ&]{3,4}\d{6}[A-Z\d]{3}$/, 'must be an RFC like AAA010101AAA');
