import { type Actor, actorFromUser, type LocalDate, type Platform, systemActor } from '@petfriendly/core';
import { AREA_CODES, COLONIAS, EMAIL_DOMAINS, ENGLISH_NAMES, FEMALE_NAMES, MALE_NAMES, OWNER_NOTES, STREETS, SURNAMES } from './catalog-people';
import { DEMO_PASSWORD } from './logins';
import { asciiSlug, type Rng } from './random';

type StaffRole = 'admin' | 'veterinarian' | 'receptionist' | 'accountant' | 'manager';

interface StaffSeed {
  key: 'admin' | 'sofia' | 'luis' | 'mariana' | 'recepcion' | 'gerencia' | 'contador';
  name: string;
  email: string;
  role: StaffRole;
  title: string;
  /** Cédula profesional (7–8 digits), unique per person; empty for staff without one. */
  licenseNumber: string;
  specialties: string[];
  services: string[];
  bio: string;
  isBookable: boolean;
}

export const STAFF: StaffSeed[] = [
  {
    key: 'admin',
    name: 'Alejandro Ramírez Ortega',
    email: 'admin@petfriendly.mx',
    role: 'admin',
    title: 'MVZ',
    licenseNumber: '4829173',
    specialties: ['Medicina interna'],
    services: ['consulta'],
    isBookable: false,
    bio: 'Director médico y fundador de Pet-Friendly. Egresado de la FMVZ-UNAM.',
  },
  {
    key: 'sofia',
    name: 'Dra. Sofía Hernández Ruiz',
    email: 'vet@petfriendly.mx',
    role: 'veterinarian',
    title: 'MVZ',
    licenseNumber: '10483726',
    specialties: ['Medicina preventiva', 'Medicina interna'],
    services: ['consulta', 'vacunación', 'certificados de viaje'],
    isBookable: true,
    bio: 'Medicina preventiva de perros y gatos; responsable de los certificados de salud para viaje.',
  },
  {
    key: 'luis',
    name: 'Dr. Luis Fernando Torres Méndez',
    email: 'luis.torres@petfriendly.mx',
    role: 'veterinarian',
    title: 'MVZ Esp.',
    licenseNumber: '8531946',
    specialties: ['Cirugía de tejidos blandos', 'Ortopedia', 'Odontología'],
    services: ['consulta', 'cirugía', 'odontología'],
    isBookable: true,
    bio: 'Especialista en cirugía; esterilizaciones, ortopedia y profilaxis dental.',
  },
  {
    key: 'mariana',
    name: 'Dra. Mariana Gutiérrez Salas',
    email: 'mariana.gutierrez@petfriendly.mx',
    role: 'veterinarian',
    title: 'MVZ',
    licenseNumber: '11927458',
    specialties: ['Medicina felina', 'Dermatología'],
    services: ['consulta', 'vacunación', 'dermatología'],
    isBookable: true,
    bio: 'Consulta amigable con gatos (Cat Friendly) y dermatología de perros y gatos.',
  },
  {
    key: 'recepcion',
    name: 'Karla Jiménez Soto',
    email: 'recepcion@petfriendly.mx',
    role: 'receptionist',
    title: '',
    licenseNumber: '',
    specialties: [],
    services: [],
    isBookable: false,
    bio: 'Recepción, citas y cobros.',
  },
  {
    key: 'gerencia',
    name: 'Lic. Patricia Morales Vega',
    email: 'gerencia@petfriendly.mx',
    role: 'manager',
    title: 'Lic. en Administración',
    licenseNumber: '6104382',
    specialties: [],
    services: [],
    isBookable: false,
    bio: 'Gerente de la clínica: inventario, proveedores y facturación.',
  },
  {
    key: 'contador',
    name: 'C.P. Rodrigo Navarro Ortiz',
    email: 'contador@petfriendly.mx',
    role: 'accountant',
    title: 'Contador Público',
    licenseNumber: '8830215',
    specialties: [],
    services: [],
    isBookable: false,
    bio: 'Contabilidad de la clínica: pólizas, cierres y estados financieros.',
  },
];

export type StaffIds = Record<StaffSeed['key'], string>;

/** Staff accounts through the accounts service (each hashes its own password; there are seven). */
export async function createStaff(platform: Platform, onEach: () => void): Promise<{ ids: StaffIds; admin: Actor }> {
  const accounts = platform.services.accounts;
  const ids = {} as StaffIds;
  let admin: Actor | null = null;
  for (const seed of STAFF) {
    const user = await accounts.users.createUser(systemActor, {
      name: seed.name,
      email: seed.email,
      password: DEMO_PASSWORD,
      role: seed.role,
      preferredLanguage: 'es',
      title: seed.title,
      licenseNumber: seed.licenseNumber,
    });
    ids[seed.key] = user.id;
    admin ??= actorFromUser(user);
    await accounts.users.updateStaffProfile(admin, user.id, {
      specialties: seed.specialties,
      services: seed.services,
      bio: seed.bio,
      isBookable: seed.isBookable,
    });
    onEach();
  }
  return { ids, admin: admin! };
}

export interface OwnerPlan {
  id: string;
  name: string;
  email: string;
  language: 'es' | 'en';
  phone: string;
  alternatePhone: string;
  address: string;
  channel: 'whatsapp' | 'email' | 'sms';
  notes: string;
  /** Staff have flagged them (billing): an internal note on their first visit. */
  difficult: boolean;
  /** The internal note about it has been written. */
  flagged?: boolean;
  /** Set once their pets are planned: when they first came. */
  since: LocalDate | null;
}

export function phoneNumber(rng: Rng): string {
  return `+52${rng.weighted(AREA_CODES).value}${rng.digits(8).replace(/^0/, String(rng.int(1, 9)))}`;
}

function address(rng: Rng): string {
  const [colonia, alcaldia, cp] = rng.pick(COLONIAS);
  const interior = rng.chance(0.5) ? `, int. ${rng.int(1, 12)}${rng.chance(0.3) ? rng.pick(['A', 'B']) : ''}` : '';
  return `${rng.pick(STREETS)} ${rng.int(12, 1890)}${interior}, Col. ${colonia}, ${alcaldia}, ${cp} Ciudad de México`;
}

function email(rng: Rng, first: string, last: string, used: Set<string>): string {
  const f = asciiSlug(first.split(' ')[0]!);
  const l = asciiSlug(last);
  for (let attempt = 0; ; attempt++) {
    const local = rng.pick([`${f}.${l}`, `${f}${l}`, `${f[0]}${l}`, `${f}_${l}`, `${f}.${l}${rng.int(70, 99)}`]);
    const candidate = `${attempt > 2 ? `${local}${rng.int(1, 999)}` : local}@${rng.weighted(EMAIL_DOMAINS).value}`;
    if (!used.has(candidate)) {
      used.add(candidate);
      return candidate;
    }
  }
}

/** `count` owners with Mexican names (a few English-speaking residents), unique emails and +52 phones. */
export function planOwners(rng: Rng, count: number, usedEmails: Set<string>): OwnerPlan[] {
  const owners: OwnerPlan[] = [];
  for (let i = 0; i < count; i++) {
    const english = rng.chance(0.05);
    let first: string;
    let last: string;
    if (english) {
      const [f, l] = rng.pick(ENGLISH_NAMES);
      first = f;
      last = l;
    } else {
      first = rng.chance(0.52) ? rng.pick(FEMALE_NAMES) : rng.pick(MALE_NAMES);
      last = rng.pick(SURNAMES);
    }
    const secondSurname = english ? '' : ` ${rng.pick(SURNAMES)}`;
    owners.push({
      id: rng.uuid(),
      name: `${first} ${last}${secondSurname}`,
      email: email(rng, first, last, usedEmails),
      language: english ? 'en' : 'es',
      phone: phoneNumber(rng),
      alternatePhone: rng.chance(0.15) ? phoneNumber(rng) : '',
      address: rng.chance(0.85) ? address(rng) : '',
      channel: english
        ? 'email'
        : rng.weighted([
            { value: 'whatsapp' as const, weight: 78 },
            { value: 'email' as const, weight: 15 },
            { value: 'sms' as const, weight: 7 },
          ]).value,
      notes: rng.chance(0.08) ? rng.pick(OWNER_NOTES) : '',
      difficult: rng.chance(0.05),
      since: null,
    });
  }
  return owners;
}
