import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatters } from './format';
import { formatMoney } from './money';

describe('dates and times for people', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads an instant on the clinic’s clock, in the reader’s language', () => {
    const instant = new Date('2026-03-10T16:05:00Z');
    expect(formatters('es', 'America/Mexico_City').time(instant)).toBe('10:05');
    expect(formatters('es', 'America/Mexico_City').dateTime(instant)).toBe('10 mar 2026, 10:05');
    expect(formatters('en', 'America/Mexico_City').dateTime(instant)).toBe('10 Mar 2026, 10:05');
    expect(formatters('de', 'America/Mexico_City').date(instant, 'dayLong')).toBe('Dienstag, 10. März');
    // Late evening in Mexico City is already the next day in UTC: the clinic's day is the one shown.
    expect(formatters('es', 'America/Mexico_City').date(new Date('2026-03-11T04:30:00Z'))).toBe('10 mar 2026');
  });

  it('keeps a calendar date on its day in any time zone', () => {
    expect(formatters('es', 'Pacific/Kiritimati').date('2026-03-10')).toBe('10 mar 2026');
    expect(formatters('fr', 'America/Los_Angeles').date('2026-03-10', 'dayShort')).toBe('mar. 10 mars');
    expect(formatters('it', 'Asia/Tokyo').date('2026-03-10', 'dayLong')).toBe('martedì 10 marzo');
  });

  it('builds each Intl formatter once per language, time zone and style', () => {
    const built = vi.spyOn(Intl, 'DateTimeFormat');
    const fmt = formatters('fr', 'Europe/Paris');
    for (let i = 0; i < 50; i++) {
      fmt.time(new Date(Date.UTC(2026, 0, 1, i)));
      formatters('fr', 'Europe/Paris').dateTime(new Date(Date.UTC(2026, 0, 1, i)));
    }
    expect(formatters('fr', 'Europe/Paris')).toBe(fmt);
    expect(built).toHaveBeenCalledTimes(2);
  });

  it('formats amounts with one NumberFormat per locale and currency', () => {
    const built = vi.spyOn(Intl, 'NumberFormat');
    const amounts = Array.from({ length: 20 }, (_, i) => formatMoney(`${i}.505`, 'EUR', 'de-DE'));
    expect(amounts[1]).toBe('1,51\u00a0€');
    expect(built).toHaveBeenCalledTimes(1);
  });
});
