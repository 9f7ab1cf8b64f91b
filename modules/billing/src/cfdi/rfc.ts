import type { Persona } from './catalogs';

export const RFC_PUBLICO_EN_GENERAL = 'XAXX010101000';
export const RFC_EXTRANJERO = 'XEXX010101000';

export type RfcCheck =
  | { valid: true; rfc: string; persona: Persona; generic: 'nacional' | 'extranjero' | null }
  /**
   * `check_digit` alone is worth a warning rather than a refusal: the SAT has issued some RFCs whose
   * last character does not match the algorithm (MCI7306249Y1 is stamped in the SAT's own example).
   */
  | { valid: false; rfc: string; code: 'length' | 'format' | 'date' | 'check_digit'; reason: string };

const CHARSET = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ';
const SHAPE = /^([A-ZÑ&]{3,4})(\d{2})(\d{2})(\d{2})([A-Z0-9]{2})([0-9A])$/;

/** The SAT's homoclave check digit over the first 12 characters (a moral RFC is padded with a leading space). */
export function rfcCheckDigit(rfcWithoutDigit: string): string {
  const padded = rfcWithoutDigit.length === 11 ? ` ${rfcWithoutDigit}` : rfcWithoutDigit;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += CHARSET.indexOf(padded[i]!) * (13 - i);
  const rest = sum % 11;
  if (rest === 0) return '0';
  const digit = 11 - rest;
  return digit === 10 ? 'A' : String(digit);
}

function validDate(yy: string, mm: string, dd: string): boolean {
  const month = Number(mm);
  const day = Number(dd);
  if (month < 1 || month > 12 || day < 1) return false;
  // A two-digit year may be 19yy or 20yy; 29 February is fine if either is a leap year.
  const years = [1900 + Number(yy), 2000 + Number(yy)];
  return years.some((y) => day <= new Date(Date.UTC(y, month, 0)).getUTCDate());
}

/** Checks an RFC's shape, date and check digit; the generic RFCs are valid as they are. */
export function validateRfc(input: string): RfcCheck {
  const rfc = input.trim().toUpperCase();
  if (rfc === RFC_PUBLICO_EN_GENERAL) return { valid: true, rfc, persona: 'fisica', generic: 'nacional' };
  if (rfc === RFC_EXTRANJERO) return { valid: true, rfc, persona: 'fisica', generic: 'extranjero' };
  if (rfc.length !== 12 && rfc.length !== 13) {
    return { valid: false, rfc, code: 'length', reason: `An RFC has 12 characters (persona moral) or 13 (persona física); this one has ${rfc.length}.` };
  }
  const m = SHAPE.exec(rfc);
  if (!m || m[1]!.length !== rfc.length - 9) {
    return {
      valid: false,
      rfc,
      code: 'format',
      reason:
        rfc.length === 13
          ? 'A persona física RFC is 4 letters, a date YYMMDD and a 3-character homoclave.'
          : 'A persona moral RFC is 3 letters, a date YYMMDD and a 3-character homoclave.',
    };
  }
  if (!validDate(m[2]!, m[3]!, m[4]!)) return { valid: false, rfc, code: 'date', reason: `The date ${m[2]}${m[3]}${m[4]} (YYMMDD) in the RFC does not exist.` };
  const expected = rfcCheckDigit(rfc.slice(0, -1));
  if (expected !== m[6]) return { valid: false, rfc, code: 'check_digit', reason: `The check digit is wrong: it should be ${expected}, not ${m[6]}.` };
  return { valid: true, rfc, persona: rfc.length === 12 ? 'moral' : 'fisica', generic: null };
}
