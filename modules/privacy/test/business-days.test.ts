import { describe, expect, it } from 'vitest';
import { addBusinessDays, isRestDay } from '../src/business-days';

describe("Mexico's business days (LFT art. 74)", () => {
  it('knows the rest days: fixed dates, the Mondays the law moved, and the change of government every six years', () => {
    for (const day of ['2026-01-01', '2026-02-02', '2026-03-16', '2026-05-01', '2026-09-16', '2026-11-16', '2026-12-25', '2027-01-01', '2030-10-01']) {
      expect(isRestDay(day), day).toBe(true);
    }
    // Holy Thursday and 12 December are days off for banks, not rest days under the law; 1 December 2030 no longer is.
    for (const day of ['2026-04-02', '2026-12-11', '2027-03-25', '2030-12-02', '2026-10-01']) {
      expect(isRestDay(day), day).toBe(false);
    }
    expect(isRestDay('2026-12-12')).toBe(true); // a Saturday
  });

  it('counts 20 business days across Christmas and New Year', () => {
    // From Thursday 10 December 2026: 25 December and 1 January fall on Fridays and are not counted.
    expect(addBusinessDays('2026-12-10', 20)).toBe('2027-01-11');
    // Without them it would be Thursday 7 January.
    expect(addBusinessDays('2026-12-10', 18)).toBe('2027-01-07');
    expect(addBusinessDays('2026-03-10', 20)).toBe('2026-04-08');
  });
});
