import { SERVICE, SERVICE_CATEGORY } from '@petfriendly/appointments';
import { appointments, holidays, serviceCategories, serviceTypes, staffSchedules, staffServices } from '@petfriendly/appointments/tables';
import { actorFromUser, addLocalDays, clinicInstant, type Platform } from '@petfriendly/core';
import { pets } from '@petfriendly/vet-clinic/tables';
import { inArray } from 'drizzle-orm';
import type { StaffIds } from './people';
import type { Rng } from './random';

const CATEGORIES = [
  { slug: 'consultas', name: 'Consultas', icon: '🩺', order: 1 },
  { slug: 'prevencion', name: 'Prevención', icon: '💉', order: 2 },
  { slug: 'estetica', name: 'Estética', icon: '🛁', order: 3 },
  { slug: 'cirugia', name: 'Cirugía', icon: '🏥', order: 4 },
  { slug: 'urgencias', name: 'Urgencias', icon: '🚑', order: 5 },
];

const ENGLISH_CATEGORIES: Record<string, string> = {
  consultas: 'Consultations',
  prevencion: 'Prevention',
  estetica: 'Grooming',
  cirugia: 'Surgery',
  urgencias: 'Emergencies',
};

const SERVICES = [
  {
    slug: 'consulta-general',
    category: 'consultas',
    name: 'Consulta general',
    description: 'Revisión completa de tu mascota: peso, temperatura, corazón, piel y oídos.',
    minutes: 30,
    price: '450.00',
    who: ['sofia', 'luis', 'mariana'],
  },
  {
    slug: 'dermatologia',
    category: 'consultas',
    name: 'Consulta de dermatología',
    description: 'Comezón, caída de pelo, alergias y otitis, con estudios de piel si hacen falta.',
    minutes: 45,
    price: '650.00',
    who: ['sofia'],
  },
  {
    slug: 'vacunacion',
    category: 'prevencion',
    name: 'Vacunación',
    description: 'Vacunas de cachorro y refuerzos anuales, con revisión y cartilla al día.',
    minutes: 20,
    price: '350.00',
    varies: true,
    who: ['sofia', 'luis', 'mariana'],
  },
  {
    slug: 'desparasitacion',
    category: 'prevencion',
    name: 'Desparasitación',
    description: 'Desparasitación interna y externa según el peso y la edad.',
    minutes: 15,
    price: '250.00',
    who: ['sofia', 'luis', 'mariana'],
  },
  {
    slug: 'bano-y-corte',
    category: 'estetica',
    name: 'Baño y corte',
    description: 'Baño, secado, corte de pelo y uñas y limpieza de oídos.',
    minutes: 90,
    price: '400.00',
    varies: true,
    species: ['dog'],
    who: ['mariana'],
  },
  {
    slug: 'esterilizacion',
    category: 'cirugia',
    name: 'Esterilización',
    description: 'Cirugía con anestesia inhalada y monitoreo; requiere una consulta previa.',
    minutes: 120,
    price: '2800.00',
    varies: true,
    consult: true,
    species: ['dog', 'cat'],
    who: ['luis'],
  },
  {
    slug: 'limpieza-dental',
    category: 'cirugia',
    name: 'Limpieza dental',
    description: 'Limpieza con ultrasonido y pulido bajo anestesia; requiere una consulta previa.',
    minutes: 90,
    price: '1800.00',
    consult: true,
    species: ['dog', 'cat'],
    who: ['luis'],
  },
  {
    slug: 'urgencia',
    category: 'urgencias',
    name: 'Urgencia',
    description: 'Atención inmediata para accidentes, intoxicaciones y dificultad para respirar.',
    minutes: 30,
    price: '900.00',
    emergency: true,
    who: ['sofia', 'luis', 'mariana'],
  },
] as const;

/** English names and descriptions of the services (reviewed translations, as staff would write them). */
const ENGLISH_SERVICES: Record<string, { name: string; description: string }> = {
  'consulta-general': { name: 'General consultation', description: 'A full check-up of your pet: weight, temperature, heart, skin and ears.' },
  dermatologia: { name: 'Dermatology consultation', description: 'Itching, hair loss, allergies and ear infections, with skin tests when needed.' },
  vacunacion: { name: 'Vaccination', description: 'Puppy and kitten vaccines and yearly boosters, with a check-up and an up-to-date vaccination card.' },
  desparasitacion: { name: 'Deworming', description: 'Internal and external deworming by weight and age.' },
  'bano-y-corte': { name: 'Bath and trim', description: 'Bath, blow-dry, haircut, nail trim and ear cleaning.' },
  esterilizacion: { name: 'Spaying and neutering', description: 'Surgery under inhaled anaesthesia with monitoring; needs a consultation first.' },
  'limpieza-dental': { name: 'Dental cleaning', description: 'Ultrasonic scaling and polishing under anaesthesia; needs a consultation first.' },
  urgencia: { name: 'Emergency', description: 'Immediate care for accidents, poisoning and breathing trouble.' },
};

/** Weekly hours (0 = Monday): Sofía splits her day, Luis works straight through, Mariana Tuesday to Saturday. */
const HOURS: Record<'sofia' | 'luis' | 'mariana', { days: number[]; ranges: [string, string][] }[]> = {
  sofia: [
    {
      days: [0, 1, 2, 3, 4],
      ranges: [
        ['09:00', '14:00'],
        ['16:00', '20:00'],
      ],
    },
    { days: [5], ranges: [['09:00', '14:00']] },
  ],
  luis: [{ days: [0, 1, 2, 3, 4, 5], ranges: [['10:00', '19:00']] }],
  mariana: [{ days: [1, 2, 3, 4, 5], ranges: [['09:00', '17:00']] }],
};

const HOLIDAYS = [
  ['2026-09-16', 'Día de la Independencia'],
  ['2026-11-16', 'Revolución Mexicana'],
  ['2026-12-25', 'Navidad'],
  ['2027-01-01', 'Año Nuevo'],
  ['2027-02-01', 'Día de la Constitución'],
  ['2027-03-15', 'Natalicio de Benito Juárez'],
  ['2027-05-01', 'Día del Trabajo'],
];

const REASONS = [
  'Revisión general',
  'Vacuna anual',
  'Se rasca mucho',
  'Vómito desde ayer',
  'Control de peso',
  'Cojea de la pata trasera',
  'Otitis',
  'Revisión postoperatoria',
];

/** The booking side of the demo: services, who offers them, hours, holidays, and a few days of appointments. */
export async function seedAppointments(platform: Platform, rng: Rng, today: string, staff: StaffIds, mariaPetIds: number[]) {
  const { db } = platform.ctx;
  const tz = platform.ctx.clinic.TIME_ZONE;
  const categories = await db.insert(serviceCategories).values(CATEGORIES).returning();
  const categoryId = (slug: string) => categories.find((c) => c.slug === slug)!.id;
  const services = await db
    .insert(serviceTypes)
    .values(
      SERVICES.map((s) => ({
        categoryId: categoryId(s.category),
        slug: s.slug,
        name: s.name,
        description: s.description,
        durationMinutes: s.minutes,
        price: s.price,
        priceVaries: 'varies' in s,
        requiresConsultation: 'consult' in s,
        isEmergency: 'emergency' in s,
        species: 'species' in s ? [...s.species] : [],
      })),
    )
    .returning();
  const ml = platform.services.multilingual;
  const admin = actorFromUser({ id: staff.admin, role: 'admin', preferredLanguage: 'es' });
  for (const service of services) {
    for (const [fieldName, translation] of Object.entries(ENGLISH_SERVICES[service.slug]!)) {
      await ml.translation.saveTranslation(admin, {
        contentType: SERVICE,
        objectId: service.id,
        fieldName,
        language: 'en',
        translation,
        sourceText: service[fieldName as 'name' | 'description'],
      });
    }
  }
  for (const category of categories) {
    await ml.translation.saveTranslation(admin, {
      contentType: SERVICE_CATEGORY,
      objectId: category.id,
      fieldName: 'name',
      language: 'en',
      translation: ENGLISH_CATEGORIES[category.slug]!,
      sourceText: category.name,
    });
  }
  await db.insert(staffServices).values(SERVICES.flatMap((s, i) => s.who.map((who) => ({ staffId: staff[who], serviceTypeId: services[i]!.id }))));
  await db
    .insert(staffSchedules)
    .values(
      (Object.keys(HOURS) as (keyof typeof HOURS)[]).flatMap((who) =>
        HOURS[who].flatMap(({ days, ranges }) =>
          days.flatMap((weekday) => ranges.map(([startTime, endTime]) => ({ staffId: staff[who], weekday, startTime, endTime }))),
        ),
      ),
    );
  await db.insert(holidays).values(HOLIDAYS.map(([date, name]) => ({ date: date!, name: name! })));

  // Today and the next days: each vet's morning filled in order, so nothing overlaps.
  const candidates = await db
    .select({ id: pets.id, ownerId: pets.ownerId, species: pets.species })
    .from(pets)
    .where(inArray(pets.species, ['dog', 'cat']))
    .limit(400);
  const consult = services.find((s) => s.slug === 'consulta-general')!;
  const rows: (typeof appointments.$inferInsert)[] = [];
  const now = platform.ctx.clock.now();
  for (let day = 0; day < 4; day++) {
    const date = addLocalDays(today, day);
    const weekday = (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
    if (weekday === 6) continue;
    for (const who of ['sofia', 'luis'] as const) {
      let start = clinicInstant(date, who === 'sofia' ? '09:00' : '10:00', tz);
      for (let n = 0; n < rng.int(3, 6); n++) {
        const pet = candidates[rng.int(0, candidates.length - 1)]!;
        const end = new Date(start.getTime() + consult.durationMinutes * 60_000);
        const past = end <= now;
        rows.push({
          ownerId: pet.ownerId,
          petId: pet.id,
          serviceTypeId: consult.id,
          staffId: staff[who],
          date,
          startsAt: start,
          endsAt: end,
          status: past ? (rng.chance(0.1) ? 'no_show' : 'completed') : start <= now ? 'checked_in' : rng.chance(0.6) ? 'confirmed' : 'pending',
          reason: REASONS[rng.int(0, REASONS.length - 1)]!,
          createdVia: (['web', 'phone', 'phone', 'walk_in', 'ai'] as const)[rng.int(0, 4)]!,
          createdBy: staff.recepcion,
        });
        start = new Date(end.getTime() + rng.int(0, 2) * 30 * 60_000);
      }
    }
  }
  // María's puppy Canela has her next vaccine booked in a week, with Sofía.
  const vaccination = services.find((s) => s.slug === 'vacunacion')!;
  const canelaDay = addLocalDays(today, 7);
  const canelaStart = clinicInstant(canelaDay, '17:00', tz);
  rows.push({
    ownerId: (
      await db
        .select({ ownerId: pets.ownerId })
        .from(pets)
        .where(inArray(pets.id, [mariaPetIds[0]!]))
    )[0]!.ownerId,
    petId: mariaPetIds[0]!,
    serviceTypeId: vaccination.id,
    staffId: staff.sofia,
    date: canelaDay,
    startsAt: canelaStart,
    endsAt: new Date(canelaStart.getTime() + vaccination.durationMinutes * 60_000),
    status: 'confirmed',
    reason: 'Tercera dosis de la serie de cachorro',
    createdVia: 'web',
  });
  await db.insert(appointments).values(rows);
  return rows.length;
}
