/**
 * What a Mexican small-animal clinic usually offers on day one, for the clinic to tick and price.
 * Names are in Spanish (the clinic's content language; the multilingual module translates them).
 * Prices are typical Mexico City prices with IVA, a starting point the clinic edits.
 */
export const STARTER_SERVICE_CATEGORIES = [
  { key: 'consultas', name: 'Consultas', icon: '🩺' },
  { key: 'prevencion', name: 'Vacunación y prevención', icon: '💉' },
  { key: 'cirugia', name: 'Cirugía', icon: '🏥' },
  { key: 'laboratorio', name: 'Laboratorio e imagen', icon: '🔬' },
  { key: 'estetica', name: 'Estética', icon: '✂️' },
] as const;

type Category = (typeof STARTER_SERVICE_CATEGORIES)[number]['key'];

export interface StarterService {
  key: string;
  category: Category;
  name: string;
  description: string;
  durationMinutes: number;
  price: string;
  species?: ('dog' | 'cat')[];
  isEmergency?: boolean;
  requiresConsultation?: boolean;
  onlineBookable: boolean;
  deposit?: string;
  /** SAT ClaveProdServ: 70122000 veterinary services, 85121800 laboratory services. */
  satProductCode?: string;
}

export const STARTER_SERVICES: StarterService[] = [
  {
    key: 'consulta',
    category: 'consultas',
    name: 'Consulta general',
    description: 'Revisión completa y plan de salud.',
    durationMinutes: 30,
    price: '450.00',
    onlineBookable: true,
  },
  {
    key: 'urgencia',
    category: 'consultas',
    name: 'Consulta de urgencia',
    description: 'Atención inmediata sin cita previa.',
    durationMinutes: 45,
    price: '850.00',
    isEmergency: true,
    onlineBookable: false,
  },
  {
    key: 'rabia',
    category: 'prevencion',
    name: 'Vacuna antirrábica',
    description: 'Aplicación y registro en la cartilla.',
    durationMinutes: 15,
    price: '350.00',
    onlineBookable: true,
  },
  {
    key: 'multiple-canina',
    category: 'prevencion',
    name: 'Vacuna múltiple canina',
    description: 'Moquillo, parvovirus, hepatitis, parainfluenza y leptospira.',
    durationMinutes: 15,
    price: '550.00',
    species: ['dog'],
    onlineBookable: true,
  },
  {
    key: 'triple-felina',
    category: 'prevencion',
    name: 'Vacuna triple felina',
    description: 'Panleucopenia, rinotraqueítis y calicivirus.',
    durationMinutes: 15,
    price: '520.00',
    species: ['cat'],
    onlineBookable: true,
  },
  {
    key: 'desparasitacion',
    category: 'prevencion',
    name: 'Desparasitación',
    description: 'Interna, según peso.',
    durationMinutes: 15,
    price: '250.00',
    onlineBookable: true,
  },
  {
    key: 'esterilizacion',
    category: 'cirugia',
    name: 'Esterilización',
    description: 'Con anestesia y control del dolor; requiere valoración previa.',
    durationMinutes: 120,
    price: '2800.00',
    requiresConsultation: true,
    onlineBookable: false,
    deposit: '500.00',
  },
  {
    key: 'hemograma',
    category: 'laboratorio',
    name: 'Análisis de sangre',
    description: 'Hemograma y química sanguínea.',
    durationMinutes: 20,
    price: '900.00',
    onlineBookable: true,
    satProductCode: '85121800',
  },
  {
    key: 'bano',
    category: 'estetica',
    name: 'Baño y corte',
    description: 'Baño, corte de uñas y limpieza de oídos.',
    durationMinutes: 90,
    price: '450.00',
    species: ['dog'],
    onlineBookable: true,
  },
];

/** The shop's first categories: a small tree (children name their parent). */
export const STARTER_PRODUCT_CATEGORIES = [
  { key: 'alimento', name: 'Alimento' },
  { key: 'alimento-perro', name: 'Alimento para perro', parent: 'alimento' },
  { key: 'alimento-gato', name: 'Alimento para gato', parent: 'alimento' },
  { key: 'medicamentos', name: 'Medicamentos' },
  { key: 'antiparasitarios', name: 'Antiparasitarios' },
  { key: 'higiene', name: 'Higiene y cuidado' },
  { key: 'accesorios', name: 'Accesorios' },
] as const;

/** The time zones of Mexico (IANA), first the capital's. */
export const MEXICAN_TIME_ZONES = [
  'America/Mexico_City',
  'America/Cancun',
  'America/Merida',
  'America/Monterrey',
  'America/Chihuahua',
  'America/Mazatlan',
  'America/Hermosillo',
  'America/Tijuana',
];
