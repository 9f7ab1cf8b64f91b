import { addLocalDays, type LocalDate } from '@petfriendly/core';
import { addMonths, format, parseISO } from 'date-fns';

export function addLocalWeeks(date: LocalDate, weeks: number): LocalDate {
  return addLocalDays(date, weeks * 7);
}

/** Calendar months; the 31st plus one month lands on the last day of the shorter month. */
export function addLocalMonths(date: LocalDate, months: number): LocalDate {
  return format(addMonths(parseISO(date), months), 'yyyy-MM-dd');
}

export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b;
}

export function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return a <= b ? a : b;
}
