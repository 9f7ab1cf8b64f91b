import type { Faker } from '@faker-js/faker';
import { addLocalDays, clinicInstant, daysBetween, type LocalDate } from '@petfriendly/core';

/** The fixed seed: the same people, pets and stories every run (dates move with "today"). */
export const DEMO_SEED = 52_5512_3456;

/** A seeded faker with the small helpers the demo needs. */
export class Rng {
  private constructor(readonly faker: Faker) {}

  /** Faker loads here, when a demo is seeded, not at every start: it is tens of MB resident. */
  static async create(seed = DEMO_SEED): Promise<Rng> {
    const { base, en, es, es_MX, Faker } = await import('@faker-js/faker');
    const faker = new Faker({ locale: [es_MX, es, en, base] });
    faker.seed(seed);
    return new Rng(faker);
  }

  int(min: number, max: number): number {
    return this.faker.number.int({ min, max });
  }

  float(min: number, max: number): number {
    return this.faker.number.float({ min, max });
  }

  chance(p: number): boolean {
    return this.faker.number.float({ min: 0, max: 1 }) < p;
  }

  pick<T>(items: readonly T[]): T {
    return this.faker.helpers.arrayElement(items);
  }

  /** Items with a `weight` field, chosen in proportion to it. */
  weighted<T extends { weight: number }>(items: readonly T[]): T {
    return this.faker.helpers.weightedArrayElement(items.map((value) => ({ weight: value.weight, value })));
  }

  digits(length: number): string {
    return this.faker.string.numeric({ length, allowLeadingZeros: true });
  }

  uuid(): string {
    return this.faker.string.uuid();
  }

  /** Roughly normal (sum of uniforms), good enough for weights and drifts. */
  normal(mean: number, sd: number): number {
    let sum = 0;
    for (let i = 0; i < 6; i++) sum += this.faker.number.float({ min: 0, max: 1 });
    return mean + (sum - 3) * sd * Math.SQRT2;
  }

  /** A date between two dates, both included. */
  dateBetween(from: LocalDate, to: LocalDate): LocalDate {
    const span = daysBetween(from, to);
    return span <= 0 ? from : addLocalDays(from, this.int(0, span));
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Calendar months; the 31st plus one month lands on the last day of the shorter month. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${pad(month + 1)}-${pad(Math.min(d, last))}`;
}

export const addWeeks = (date: LocalDate, weeks: number) => addLocalDays(date, Math.round(weeks * 7));
export const minDate = (a: LocalDate, b: LocalDate) => (a <= b ? a : b);
export const maxDate = (a: LocalDate, b: LocalDate) => (a >= b ? a : b);

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/** The clinic opens Monday to Saturday: a Sunday becomes the Monday after. */
export function openDay(date: LocalDate): LocalDate {
  return dayOfWeek(date) === 0 ? addLocalDays(date, 1) : date;
}

export function ageInMonths(dateOfBirth: LocalDate, on: LocalDate): number {
  return daysBetween(dateOfBirth, on) / 30.4375;
}

/** A time during opening hours (Mon–Fri 9:00–19:30, Sat 9:00–14:00), clinic-local, as a UTC instant. */
export function clinicTime(rng: Rng, date: LocalDate, timeZone: string): Date {
  const end = dayOfWeek(date) === 6 ? 13 * 60 + 30 : 19 * 60;
  const minutes = 9 * 60 + rng.int(0, (end - 9 * 60) / 15) * 15;
  return clinicInstant(date, `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`, timeZone);
}

export const minutesLater = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

/** Lowercase ASCII for e-mail addresses: "Núñez" → "nunez". */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

export const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
