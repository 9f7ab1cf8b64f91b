import { addLocalDays, type LocalDate } from '@petfriendly/core';
import { DEWORMER, NEUTER } from './catalog-care';
import { COMPLAINTS, type MedTemplate, type RecordTemplate } from './catalog-clinical';
import { doseLabel, mexicanDate, type SeedWorld, writeMedication, writeNote, writeRecord, writeVaccination, writeVisit } from './clinic';
import type { OwnerPlan } from './people';
import type { PetRow } from './pets';
import { openDay } from './random';
import type { HistoryRows } from './rows';
import { type GivenDose, nextDose } from './vaccines';
import { describeVitals, type Vitals } from './vitals';

/** The demo owner: signs in as maria@example.mx and sees a puppy, an adult dog and a cat. */
export function mariaOwner(world: SeedWorld, id: string): OwnerPlan {
  return {
    id,
    name: 'María Guadalupe López',
    email: 'maria@example.mx',
    language: 'es',
    phone: '+525548213907',
    alternatePhone: '',
    address: 'Calle Pitágoras 1021, int. 4, Col. Narvarte Poniente, Benito Juárez, 03020 Ciudad de México',
    channel: 'whatsapp',
    notes: 'Prefiere citas por la tarde.',
    difficult: false,
    since: addLocalDays(world.today, -1150),
  };
}

export const ROCKY_CHIP = '484098765432101';

interface Visit {
  daysAgo: number;
  kg: number;
  bcs: number;
  vet: number;
  reason: string;
  s: string;
  o: string;
  a: string;
  p: string;
  vaccines?: string[];
  meds?: MedTemplate[];
  record?: RecordTemplate;
  note?: { text: string; internal: boolean };
  allergy?: boolean;
}

const otitis = COMPLAINTS.find((c) => c.reason === 'Otitis externa')!;
const otomax = otitis.meds!.dog!;
const omega3: MedTemplate = { name: 'Omega 3 (aceite de pescado)', dose: '1 cápsula de 1000 mg', frequency: 'cada 24 horas', route: 'oral', days: 'ongoing' };
const apoquel = COMPLAINTS.find((c) => c.reason === 'Dermatitis alérgica')!.meds!.dog!;

/** Canela: a Xoloitzcuintle puppy halfway through her series (third DHPP due next week). */
const CANELA_DOB_DAYS = 105;
const canela: Visit[] = [
  {
    daysAgo: CANELA_DOB_DAYS - 56,
    kg: 2.45,
    bcs: 5,
    vet: 0,
    reason: 'Vacunación de cachorro',
    s: 'Primera visita; la adoptaron hace una semana. Come croqueta de cachorro remojada.',
    o: 'Exploración física sin alteraciones; piel sin lesiones.',
    a: 'Cachorra sana, apta para vacunación.',
    p: '',
    vaccines: ['dog.dhpp'],
    meds: [{ ...DEWORMER.dog!, name: 'Fenbendazol', dose: '125 mg', frequency: 'cada 24 horas', days: 3 }],
    note: { text: 'Se entregó la cartilla de vacunación y la guía de cuidados del cachorro.', internal: false },
  },
  {
    daysAgo: CANELA_DOB_DAYS - 70,
    kg: 3.05,
    bcs: 5,
    vet: 0,
    reason: 'Diarrea leve',
    s: 'Heces blandas desde que le cambiaron la croqueta; juega y come bien.',
    o: 'Abdomen sin dolor; hidratación normal.',
    a: 'Diarrea por cambio brusco de alimento.',
    p: 'Volver a la croqueta anterior y cambiar en 7 días. Probiótico 5 días.',
    meds: [{ name: 'Probiótico (Enterococcus faecium)', dose: '1 sobre', frequency: 'cada 24 horas con el alimento', route: 'oral', days: 5 }],
  },
  {
    daysAgo: CANELA_DOB_DAYS - 84,
    kg: 3.8,
    bcs: 5,
    vet: 0,
    reason: 'Vacunación de cachorro',
    s: 'Ya sin diarrea; muy activa.',
    o: 'Exploración física sin alteraciones.',
    a: 'Cachorra sana, apta para vacunación.',
    p: '',
    vaccines: ['dog.dhpp', 'dog.rabies'],
  },
];

/** Rocky: an adult Labrador allergic to chicken, on a diet, whose rabies booster is two months overdue. */
const rocky: Visit[] = [
  {
    daysAgo: 1150,
    kg: 34.2,
    bcs: 6,
    vet: 0,
    reason: 'Primera consulta y vacunación',
    s: 'Lo adoptaron adulto; no traen cartilla de vacunación.',
    o: 'Exploración física sin alteraciones. Se implanta microchip.',
    a: 'Paciente sano; historial de vacunación desconocido.',
    p: '',
    vaccines: ['dog.dhpp', 'dog.rabies'],
  },
  {
    daysAgo: 960,
    kg: 35.1,
    bcs: 6,
    vet: 2,
    reason: 'Dermatitis y otitis',
    s: 'Se lame las patas y se rasca las orejas desde hace 3 semanas.',
    o: 'Eritema interdigital y en axilas; otitis externa bilateral con levaduras.',
    a: 'Dermatitis alérgica con otitis secundaria; sospecha de alergia alimentaria.',
    p: 'Dieta de eliminación con proteína hidrolizada 8 semanas. Gotas óticas 10 días y oclacitinib.',
    meds: [otomax, apoquel],
  },
  {
    daysAgo: 900,
    kg: 35.6,
    bcs: 6,
    vet: 2,
    reason: 'Revisión de dermatitis',
    s: 'Mejoró mucho con la dieta; al darle pollo volvió la comezón.',
    o: 'Piel sin eritema; conductos auditivos limpios.',
    a: 'Alergia alimentaria a la proteína de pollo (confirmada por reto).',
    p: 'Dieta sin pollo de por vida. Omega 3 diario.',
    meds: [omega3],
    allergy: true,
    note: { text: 'Se entregó lista de alimentos y premios permitidos (sin pollo).', internal: false },
  },
  {
    daysAgo: 790,
    kg: 36.8,
    bcs: 7,
    vet: 0,
    reason: 'Revisión anual y vacunación',
    s: 'Sin comezón. Come bien; menos paseos por el trabajo de la familia.',
    o: 'Exploración física sin alteraciones salvo sobrepeso leve.',
    a: 'Paciente sano con sobrepeso leve.',
    p: '',
    vaccines: ['dog.dhpp', 'dog.rabies'],
  },
  {
    daysAgo: 600,
    kg: 38.5,
    bcs: 7,
    vet: 0,
    reason: 'Control de peso',
    s: 'Subió de peso; le dan premios y tortilla.',
    o: 'Grasa palpable sobre costillas; sin otras alteraciones.',
    a: 'Sobrepeso (CC 7/9); descartar hipotiroidismo.',
    p: 'Dieta hidrolizada light medida con báscula, sin tortilla ni premios. Perfil tiroideo.',
    record: {
      type: 'lab',
      title: 'Perfil tiroideo (T4 total)',
      description: 'T4 total 2.1 µg/dL (referencia 1.0–4.0).',
      diagnosis: 'Función tiroidea normal',
      internalNotes: 'Laboratorio externo, folio 23-8812; cobrado en la consulta.',
    },
    note: { text: 'Se pone nervioso con el cortaúñas; usar bozal de canasta y premios sin pollo.', internal: true },
  },
  {
    daysAgo: 540,
    kg: 37.4,
    bcs: 6,
    vet: 0,
    reason: 'Control de peso',
    s: 'Sigue la dieta al pie de la letra; pasea 40 minutos diarios.',
    o: 'Sin alteraciones.',
    a: 'Sobrepeso en mejoría.',
    p: 'Continuar dieta; próxima pesada en 4 meses.',
  },
  {
    daysAgo: 425,
    kg: 36.9,
    bcs: 6,
    vet: 0,
    reason: 'Vacuna antirrábica y control de peso',
    s: 'Viene a su vacuna de rabia; mantiene la dieta.',
    o: 'Exploración física sin alteraciones.',
    a: 'Paciente sano; peso en meta.',
    p: '',
    vaccines: ['dog.rabies'],
  },
  {
    daysAgo: 150,
    kg: 36.5,
    bcs: 6,
    vet: 2,
    reason: 'Otitis externa',
    s: 'Se rasca la oreja derecha desde hace 4 días; se bañó en un río.',
    o: 'Conducto auditivo derecho eritematoso con secreción café.',
    a: 'Otitis externa por Malassezia.',
    p: 'Limpieza ótica; gotas 10 días. Recordar la vacuna antirrábica pendiente.',
    meds: [otomax],
    record: { type: 'lab', title: 'Citología ótica', description: 'Levaduras (Malassezia) +++, cocos +.', diagnosis: 'Otitis por Malassezia' },
    note: { text: 'Se le recordó que la vacuna antirrábica vence pronto; agendar cita.', internal: false },
  },
];

/** Michi: an indoor cat with cystitis once; her yearly rabies booster is due in about three weeks. */
const michi: Visit[] = [
  {
    daysAgo: 1070,
    kg: 3.6,
    bcs: 5,
    vet: 2,
    reason: 'Primera consulta y vacunación',
    s: 'Gata de interior, rescatada de la calle hace un mes.',
    o: 'Exploración física sin alteraciones; prueba ViF/ViLeF negativa.',
    a: 'Paciente sana.',
    p: '',
    vaccines: ['cat.fvrcp', 'cat.rabies'],
    meds: [DEWORMER.cat!],
  },
  {
    daysAgo: 1040,
    kg: 3.75,
    bcs: 5,
    vet: 2,
    reason: 'Vacunación',
    s: 'Sin reacciones a la vacuna anterior.',
    o: 'Exploración física sin alteraciones.',
    a: 'Paciente sana.',
    p: '',
    vaccines: ['cat.fvrcp'],
  },
  {
    daysAgo: 960,
    kg: 3.85,
    bcs: 5,
    vet: 1,
    reason: NEUTER.female.reason,
    s: NEUTER.subjective,
    o: 'Estudios prequirúrgicos normales; ASA I.',
    a: 'Cirugía sin complicaciones.',
    p: NEUTER.plan,
    meds: [NEUTER.painkiller],
    record: NEUTER.female.record,
  },
  {
    daysAgo: 950,
    kg: 3.85,
    bcs: 5,
    vet: 1,
    reason: 'Retiro de puntos',
    s: 'Se recuperó bien.',
    o: 'Herida cicatrizada.',
    a: 'Evolución favorable.',
    p: 'Se retiran puntos. Alta.',
  },
  {
    daysAgo: 690,
    kg: 4.25,
    bcs: 5,
    vet: 2,
    reason: 'Revisión anual y vacunación',
    s: 'Come bien; juega con varitas.',
    o: 'Exploración física sin alteraciones; sarro grado 1.',
    a: 'Paciente sana.',
    p: '',
    vaccines: ['cat.fvrcp', 'cat.rabies'],
  },
  {
    daysAgo: 480,
    kg: 4.45,
    bcs: 6,
    vet: 2,
    reason: 'Cistitis',
    s: 'Entra muchas veces al arenero y orina poquito, con un poco de sangre.',
    o: 'Vejiga pequeña y dolorosa a la palpación.',
    a: 'Cistitis idiopática felina.',
    p: 'Meloxicam 4 días, fuente de agua, alimento húmedo, enriquecimiento ambiental.',
    meds: [
      COMPLAINTS.find((c) => c.reason === 'Cistitis')!.meds!.cat!,
      { name: 'Gabapentina', dose: '50 mg', frequency: '2 horas antes de cada visita a la clínica', route: 'oral', days: 'ongoing' },
    ],
    record: COMPLAINTS.find((c) => c.reason === 'Cistitis')!.record,
    note: { text: 'Muy estresada en consulta: manejo con toalla, sin sujeción forzada (Cat Friendly).', internal: true },
  },
  {
    daysAgo: 345,
    kg: 4.55,
    bcs: 6,
    vet: 2,
    reason: 'Vacuna antirrábica',
    s: 'Sin signos urinarios desde la última visita.',
    o: 'Exploración física sin alteraciones.',
    a: 'Paciente sana.',
    p: '',
    vaccines: ['cat.rabies'],
  },
  {
    daysAgo: 90,
    kg: 4.7,
    bcs: 6,
    vet: 2,
    reason: 'Vómito de bolas de pelo',
    s: 'Vomita bolas de pelo una vez por semana.',
    o: 'Pelaje con nudos; abdomen sin dolor.',
    a: 'Tricobezoares.',
    p: 'Cepillado diario y pasta de malta 7 días.',
    meds: [{ name: 'Laxatone (pasta de malta)', dose: '2.5 cm de pasta', frequency: 'cada 24 horas', route: 'oral', days: 7 }],
    note: { text: 'Se explicó cómo cepillarla sin estresarla.', internal: false },
  },
];

/** The three pets' rows (pet indexes 0–2 of the plan); weights are the last ones recorded. */
export function mariaPets(world: SeedWorld, ownerId: string): PetRow[] {
  const day = (n: number) => addLocalDays(world.today, -n);
  const common = { ownerId, notes: '', isDeceased: false, createdAt: new Date(`${day(1150)}T17:00:00Z`) };
  return [
    {
      ...common,
      name: 'Canela',
      species: 'dog',
      breed: 'Xoloitzcuintle',
      color: 'Gris pizarra',
      dateOfBirth: day(CANELA_DOB_DAYS),
      gender: 'female',
      isNeutered: false,
      weightKg: '3.80',
      createdAt: new Date(`${day(CANELA_DOB_DAYS - 56)}T17:00:00Z`),
    },
    {
      ...common,
      name: 'Rocky',
      species: 'dog',
      breed: 'Labrador Retriever',
      color: 'Dorado',
      dateOfBirth: day(6 * 365 + 60),
      gender: 'male',
      isNeutered: true,
      weightKg: '36.50',
      microchipNumber: ROCKY_CHIP,
      microchipImplantedOn: openDay(day(1150)),
      notes: 'Alérgico al pollo: revisar etiquetas de premios y croquetas.',
    },
    {
      ...common,
      name: 'Michi',
      species: 'cat',
      breed: 'Doméstico de pelo corto',
      color: 'Atigrado gris',
      dateOfBirth: day(4 * 365 + 150),
      gender: 'female',
      isNeutered: true,
      weightKg: '4.70',
      createdAt: new Date(`${day(1070)}T17:00:00Z`),
    },
  ];
}

/** Writes the three histories; `pets` are the rows from mariaPets, at plan indexes 0, 1, 2. */
export function writeMariaHistories(world: SeedWorld, rows: HistoryRows, pets: PetRow[]) {
  for (const [pet, visits] of [canela, rocky, michi].entries()) writePet(world, rows, pet, pets[pet]!, visits);
}

function writePet(world: SeedWorld, rows: HistoryRows, pet: number, row: PetRow, visits: Visit[]) {
  const { rng } = world;
  const dob = row.dateOfBirth!;
  const given = new Map<string, LocalDate[]>();
  for (const v of visits) {
    const date = openDay(addLocalDays(world.today, -v.daysAgo));
    const vitals: Vitals = {
      weightKg: v.kg.toFixed(2),
      temperatureC: rng.float(38.2, 39.0).toFixed(1),
      heartRate: row.species === 'cat' ? rng.int(160, 200) : v.kg > 20 ? rng.int(70, 95) : rng.int(100, 130),
      respiratoryRate: rng.int(18, 30),
      bodyConditionScore: v.bcs,
    };
    const vetId = world.vets[Math.min(v.vet, world.vets.length - 1)]!.id;
    const visit = writeVisit(world, rows, {
      pet,
      date,
      vetId,
      reason: v.reason,
      subjective: v.s,
      objective: `${describeVitals(vitals)} ${v.o}`,
      assessment: v.a,
      plan: v.p,
      vitals,
    });
    const applied: string[] = [];
    for (const code of v.vaccines ?? []) {
      const protocol = world.protocols.find((p) => p.code === code);
      if (!protocol) continue;
      const before = given.get(code) ?? [];
      const next = nextDose(protocol, dob, before);
      const after = [...before, date];
      given.set(code, after);
      const dose: GivenDose = { protocol, dose: next.dose, doseNumber: next.doseNumber, nextDue: nextDose(protocol, dob, after).dueDate };
      const product = writeVaccination(world, rows, { pet, date, dose, vetId, at: visit.closedAt });
      applied.push(`${protocol.name} (${product.name}, ${doseLabel(dose)}); próxima dosis: ${mexicanDate(dose.nextDue)}`);
    }
    if (applied.length) rows.visits[visit.index]!.plan = `Se aplica: ${applied.join('. ')}.`;
    for (const med of v.meds ?? []) writeMedication(rows, { pet, med, kg: v.kg, start: date, prescribedBy: vetId, at: visit.closedAt });
    if (v.record) writeRecord(rows, pet, date, visit, v.record, vetId);
    if (v.note) writeNote(rows, visit, vetId, v.note.text, v.note.internal);
    if (v.allergy)
      rows.allergies.push({
        petId: pet,
        allergen: 'Pollo (proteína alimentaria)',
        reaction: 'Prurito en patas y orejas; otitis recurrente',
        severity: 'moderate',
        diagnosedDate: date,
        notes: 'Confirmada por dieta de eliminación y reto.',
      });
  }
}
