import { addLocalDays, type LocalDate } from '@petfriendly/core';
import Holidays from 'date-holidays';

/**
 * Mexico's obligatory rest days (Ley Federal del Trabajo, art. 74): the library's public holidays for MX
 * (1 January, first Monday of February, third Monday of March, 1 May, 16 September, third Monday of
 * November, 25 December), with the change of federal government on 1 October every six years since 2024
 * (art. 74 VIII as reformed; the library still has the former 1 December). Banking and religious days
 * (Holy Thursday, 12 December) are not rest days under the law and are counted as business days; election
 * days (art. 74 IX) are set by each electoral law and are not known here.
 */
const mexico = new Holidays('MX');
mexico.unsetRule('12-01 every 6 years since 1934');
mexico.setHoliday('10-01 every 6 years since 2024', {
  name: { es: 'Transmisión del Poder Ejecutivo Federal', en: 'Change of Federal Government' },
  type: 'public',
});

/** Saturday, Sunday, or an obligatory rest day in Mexico. */
export function isRestDay(day: LocalDate): boolean {
  const noon = new Date(`${day}T18:00:00Z`); // midday in Mexico City, whatever the offset
  const weekday = noon.getUTCDay();
  if (weekday === 0 || weekday === 6) return true;
  const found = mexico.isHoliday(noon);
  return Array.isArray(found) && found.some((h) => h.type === 'public');
}

/** The day `count` business days after `from` (the day itself not counted), skipping weekends and rest days. */
export function addBusinessDays(from: LocalDate, count: number): LocalDate {
  let day = from;
  for (let left = count; left > 0; ) {
    day = addLocalDays(day, 1);
    if (!isRestDay(day)) left--;
  }
  return day;
}
