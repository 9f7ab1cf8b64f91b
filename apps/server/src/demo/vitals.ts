import { daysBetween, type LocalDate } from '@petfriendly/core';
import type { Species } from './catalog-pets';
import { ageInMonths, type Rng } from './random';

/** How a pet's weight moves through life. */
export interface Body {
  species: Species;
  /** Ideal adult weight, kg. */
  adultKg: number;
  matureMonths: number;
  /** Extra weight gained per adult year (0.05 = +5 %/year), capped at 6 years. */
  driftPerYear: number;
  seniorYears: number;
  /** A weight-loss plan that started on this day. */
  dietFrom: LocalDate | null;
}

/** Weight on a day: logistic growth to the adult weight, adult drift, senior loss, a diet, a little noise. */
export function weightOn(body: Body, dateOfBirth: LocalDate, date: LocalDate, rng: Rng): number {
  const months = ageInMonths(dateOfBirth, date);
  const t50 = body.matureMonths * 0.3;
  const spread = body.matureMonths * 0.115;
  const growth = 1 / (1 + Math.exp(-(months - t50) / spread));
  const adultYears = Math.max(0, (months - body.matureMonths) / 12);
  const seniorYears = Math.max(0, months / 12 - body.seniorYears);
  let factor = 1 + body.driftPerYear * Math.min(adultYears, 6) - 0.035 * seniorYears;
  if (body.dietFrom && date > body.dietFrom) {
    factor -= Math.min(Math.max(0, factor - 1) * 0.8, 0.012 * (daysBetween(body.dietFrom, date) / 30));
  }
  factor *= 1 + rng.float(-0.015, 0.015);
  return roundWeight(Math.max(0.01, body.adultKg * growth * Math.max(0.6, factor)));
}

export function roundWeight(kg: number): number {
  return kg >= 15 ? Math.round(kg * 10) / 10 : Math.round(kg * 100) / 100;
}

/** Body condition score 1–9 from how far the pet is above or below its ideal adult weight. */
export function conditionScore(body: Body, dateOfBirth: LocalDate, date: LocalDate, kg: number, rng: Rng): number {
  if (ageInMonths(dateOfBirth, date) < body.matureMonths) return rng.pick([4, 5, 5]);
  const ratio = kg / body.adultKg;
  return Math.min(9, Math.max(2, Math.round(5 + (ratio - 1) * 10 + rng.float(-0.4, 0.4))));
}

export interface Vitals {
  weightKg: string;
  temperatureC: string;
  heartRate: number;
  respiratoryRate: number;
  bodyConditionScore: number;
}

const RANGES: Record<Species, { temp: [number, number]; fever: [number, number]; rr: [number, number] }> = {
  dog: { temp: [37.9, 39.2], fever: [39.5, 40.4], rr: [16, 32] },
  cat: { temp: [38.0, 39.2], fever: [39.6, 40.5], rr: [20, 36] },
  rabbit: { temp: [38.5, 39.8], fever: [40.1, 40.8], rr: [32, 60] },
  bird: { temp: [40.0, 41.8], fever: [42.0, 42.8], rr: [25, 45] },
};

function heartRate(species: Species, kg: number, rng: Rng): number {
  if (species === 'cat') return rng.int(150, 210);
  if (species === 'rabbit') return rng.int(180, 250);
  if (species === 'bird') return rng.int(250, 380);
  if (kg < 10) return rng.int(95, 140);
  if (kg < 25) return rng.int(80, 120);
  return rng.int(62, 100);
}

export function vitalsFor(body: Body, dateOfBirth: LocalDate, date: LocalDate, fever: boolean, rng: Rng): Vitals {
  const kg = weightOn(body, dateOfBirth, date, rng);
  const range = RANGES[body.species];
  const [low, high] = fever ? range.fever : range.temp;
  return {
    weightKg: kg.toFixed(2),
    temperatureC: rng.float(low, high).toFixed(1),
    heartRate: heartRate(body.species, kg, rng) + (fever ? 15 : 0),
    respiratoryRate: rng.int(range.rr[0], range.rr[1]),
    bodyConditionScore: conditionScore(body, dateOfBirth, date, kg, rng),
  };
}

/** "Peso 12.40 kg, T 38.6 °C, FC 110 lpm, FR 24 rpm, CC 5/9." */
export function describeVitals(v: Vitals): string {
  return `Peso ${v.weightKg} kg, T ${v.temperatureC} °C, FC ${v.heartRate} lpm, FR ${v.respiratoryRate} rpm, CC ${v.bodyConditionScore}/9.`;
}
