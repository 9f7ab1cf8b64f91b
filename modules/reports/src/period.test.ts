import { describe, expect, it } from 'vitest';
import { comparisons, daysOf, resolvePeriod, wholeMonths, yearBefore } from './period';

describe('periods', () => {
  it('resolves today, this week from Monday and this month from the 1st, each to today', () => {
    expect(resolvePeriod('today', '2026-03-10')).toEqual({ from: '2026-03-10', to: '2026-03-10' });
    expect(resolvePeriod('week', '2026-03-10')).toEqual({ from: '2026-03-09', to: '2026-03-10' });
    expect(resolvePeriod('week', '2026-03-15')).toEqual({ from: '2026-03-09', to: '2026-03-15' });
    expect(resolvePeriod('month', '2026-03-10')).toEqual({ from: '2026-03-01', to: '2026-03-10' });
    expect(resolvePeriod('custom', '2026-03-10', { from: '2026-01-05', to: '2026-02-07' })).toEqual({ from: '2026-01-05', to: '2026-02-07' });
  });

  it('compares a month so far with the same days of the month before, cut at its end', () => {
    expect(comparisons('month', { from: '2026-03-01', to: '2026-03-31' }).previous).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(comparisons('month', { from: '2026-03-01', to: '2026-03-10' }).previous).toEqual({ from: '2026-02-01', to: '2026-02-10' });
  });

  it('compares other periods with as many days just before, and all with the same days a year before', () => {
    const week = comparisons('week', { from: '2026-03-09', to: '2026-03-15' });
    expect(week).toEqual({ previous: { from: '2026-03-02', to: '2026-03-08' }, lastYear: { from: '2025-03-09', to: '2025-03-15' } });
    expect(yearBefore('2028-02-29')).toBe('2027-02-28');
    expect(daysOf({ from: '2026-02-27', to: '2026-03-02' })).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });

  it('reads a long period as its whole months and the odd days around them', () => {
    expect(wholeMonths({ from: '2025-03-11', to: '2026-03-10' })).toEqual({
      months: { from: '2025-04-01', to: '2026-02-01' },
      days: [
        { from: '2025-03-11', to: '2025-03-31' },
        { from: '2026-03-01', to: '2026-03-10' },
      ],
    });
    expect(wholeMonths({ from: '2024-02-01', to: '2024-02-29' })).toEqual({ months: { from: '2024-02-01', to: '2024-02-01' }, days: [] });
    expect(wholeMonths({ from: '2026-01-31', to: '2026-03-01' })).toEqual({
      months: { from: '2026-02-01', to: '2026-02-01' },
      days: [
        { from: '2026-01-31', to: '2026-01-31' },
        { from: '2026-03-01', to: '2026-03-01' },
      ],
    });
    expect(wholeMonths({ from: '2026-03-01', to: '2026-03-10' })).toEqual({ months: null, days: [{ from: '2026-03-01', to: '2026-03-10' }] });
    expect(wholeMonths({ from: '2026-02-15', to: '2026-03-14' })).toEqual({ months: null, days: [{ from: '2026-02-15', to: '2026-03-14' }] });
  });
});
