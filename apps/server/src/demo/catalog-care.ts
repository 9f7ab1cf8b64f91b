import type { MedTemplate, RecordTemplate } from './catalog-clinical';
import type { Species } from './catalog-pets';

export interface VaccineProduct {
  name: string;
  manufacturer: string;
}

/** Brands sold in Mexico, per protocol code; the clinic changes supplier now and then. */
export const VACCINE_PRODUCTS: Record<string, { type: string; site: string; products: VaccineProduct[] }> = {
  'dog.dhpp': {
    type: 'DHPP',
    site: 'Subcutánea, región interescapular',
    products: [
      { name: 'Vanguard Plus 5', manufacturer: 'Zoetis' },
      { name: 'Nobivac DHPPi', manufacturer: 'MSD Salud Animal' },
      { name: 'Recombitek C4', manufacturer: 'Boehringer Ingelheim' },
    ],
  },
  'dog.rabies': {
    type: 'Rabia',
    site: 'Subcutánea, miembro posterior derecho',
    products: [
      { name: 'Defensor 1', manufacturer: 'Zoetis' },
      { name: 'Nobivac Rabia', manufacturer: 'MSD Salud Animal' },
      { name: 'Rabisin', manufacturer: 'Boehringer Ingelheim' },
    ],
  },
  'dog.lepto': {
    type: 'Leptospira',
    site: 'Subcutánea, región interescapular',
    products: [
      { name: 'Nobivac Lepto 4', manufacturer: 'MSD Salud Animal' },
      { name: 'Vanguard L4', manufacturer: 'Zoetis' },
    ],
  },
  'dog.bordetella': {
    type: 'Bordetella',
    site: 'Intranasal',
    products: [
      { name: 'Nobivac KC', manufacturer: 'MSD Salud Animal' },
      { name: 'Bronchi-Shield III', manufacturer: 'Elanco' },
    ],
  },
  'cat.fvrcp': {
    type: 'FVRCP',
    site: 'Subcutánea, miembro anterior derecho',
    products: [
      { name: 'Felocell 3', manufacturer: 'Zoetis' },
      { name: 'Purevax RCP', manufacturer: 'Boehringer Ingelheim' },
      { name: 'Nobivac Tricat Trio', manufacturer: 'MSD Salud Animal' },
    ],
  },
  'cat.rabies': {
    type: 'Rabia',
    site: 'Subcutánea, miembro posterior derecho',
    products: [
      { name: 'Purevax Rabia', manufacturer: 'Boehringer Ingelheim' },
      { name: 'Nobivac Rabia', manufacturer: 'MSD Salud Animal' },
    ],
  },
  'cat.felv': {
    type: 'FeLV',
    site: 'Subcutánea, miembro posterior izquierdo',
    products: [
      { name: 'Purevax FeLV', manufacturer: 'Boehringer Ingelheim' },
      { name: 'Leucogen', manufacturer: 'Virbac' },
    ],
  },
};

/** Vaccination visits: the healthy-pet exam. */
export const WELLNESS = {
  subjective: [
    'Acude a vacunación. Come bien, juega normal; sin vómito ni diarrea.',
    'Sin problemas desde la última visita. Come croquetas dos veces al día.',
    'Viene a su refuerzo. Los dueños no reportan cambios; vive en departamento y sale a pasear diario.',
    'Revisión y vacunas. Muy activo; duerme bien.',
  ],
  objective: 'Exploración física sin alteraciones: mucosas rosadas, TLLC < 2 s, linfonodos normales, auscultación cardiopulmonar sin soplos.',
  assessment: 'Paciente clínicamente sano, apto para vacunación.',
} as const;

export const CHECKUP: Record<'rabbit' | 'bird', { reason: string; subjective: string; findings: string; plan: string }> = {
  rabbit: {
    reason: 'Chequeo general',
    subjective: 'Revisión anual. Come heno, verduras y pellet; hace bolitas normales.',
    findings: 'Incisivos y molares sin puntas; pelaje y uñas en buen estado.',
    plan: 'Corte de uñas. Heno a libre acceso; pellet limitado.',
  },
  bird: {
    reason: 'Chequeo general y corte de uñas',
    subjective: 'Revisión anual; canta y come semillas y fruta.',
    findings: 'Plumaje completo, pico y uñas algo largos; heces normales.',
    plan: 'Corte de uñas y limado de pico. Aumentar verduras y pellet.',
  },
};

export const DEWORMER: Partial<Record<Species, MedTemplate>> = {
  dog: { name: 'Drontal Plus (praziquantel, pirantel, febantel)', dose: '1 tableta por cada 10 kg', frequency: 'dosis única', route: 'oral', days: 1 },
  cat: { name: 'Drontal gatos (praziquantel, pirantel)', dose: '1 tableta por cada 4 kg', frequency: 'dosis única', route: 'oral', days: 1 },
};

export const FLEA_PREVENTION: Partial<Record<Species, MedTemplate>> = {
  dog: { name: 'NexGard (afoxolaner)', dose: '1 tableta masticable según peso', frequency: 'cada mes', route: 'oral', days: 'ongoing' },
  cat: { name: 'Revolution Plus (selamectina, sarolaner)', dose: '1 pipeta según peso', frequency: 'cada mes', route: 'topical', days: 'ongoing' },
};

export const NEUTER = {
  female: {
    reason: 'Esterilización (ovariohisterectomía)',
    record: {
      type: 'surgery',
      title: 'Ovariohisterectomía',
      description: 'OVH por línea media bajo anestesia inhalada; sin complicaciones.',
      diagnosis: 'Esterilización electiva',
    } satisfies RecordTemplate,
  },
  male: {
    reason: 'Esterilización (orquiectomía)',
    record: {
      type: 'surgery',
      title: 'Orquiectomía',
      description: 'Orquiectomía preescrotal bajo anestesia inhalada; sin complicaciones.',
      diagnosis: 'Esterilización electiva',
    } satisfies RecordTemplate,
  },
  subjective: 'Ayuno de 12 horas; estudios prequirúrgicos normales.',
  plan: 'Collar isabelino 10 días, analgésico 3 días, retiro de puntos en 10 días.',
  painkiller: { name: 'Meloxicam', dose: { mgPerKg: 0.1 }, frequency: 'cada 24 horas', route: 'oral', days: 3 } satisfies MedTemplate,
} as const;

export const WEIGHT_CONTROL = {
  reason: 'Control de peso',
  subjective: ['Sigue la dieta de control de peso; ya no le dan premios de la mesa.', 'Come la croqueta light medida con báscula; pasea 30 minutos diarios.'],
  assessment: 'Sobrepeso en tratamiento.',
  plan: 'Continuar dieta de control de peso y ejercicio; próxima pesada en 2 meses.',
} as const;

export const FINAL_VISIT = {
  reason: 'Deterioro general',
  subjective: 'Dejó de comer hace 3 días, casi no se levanta.',
  findings: 'Deshidratación del 8 %, hipotermia, mucosas pálidas.',
  assessment: 'Paciente geriátrico en fase terminal; pronóstico grave.',
  plan: 'Se comentan opciones con la familia; deciden eutanasia humanitaria. Se entrega constancia y se acompaña a la familia.',
} as const;

export const ALLERGIES = [
  { allergen: 'Pollo (proteína alimentaria)', reaction: 'Prurito y otitis recurrente', severity: 'moderate', species: ['dog', 'cat'] },
  { allergen: 'Penicilina', reaction: 'Urticaria y edema facial tras la aplicación', severity: 'severe', species: ['dog', 'cat'] },
  { allergen: 'Picadura de pulga', reaction: 'Dermatitis con prurito intenso en región lumbar', severity: 'mild', species: ['dog', 'cat'] },
  { allergen: 'Metamizol', reaction: 'Hipersalivación y vómito', severity: 'mild', species: ['dog'] },
  { allergen: 'Carne de res', reaction: 'Diarrea crónica y prurito', severity: 'moderate', species: ['dog'] },
  { allergen: 'Ácaros del polvo', reaction: 'Dermatitis atópica estacional', severity: 'mild', species: ['dog'] },
  { allergen: 'Lidocaína tópica', reaction: 'Eritema en el sitio de aplicación', severity: 'mild', species: ['cat'] },
] as const;

/** Staff-only remarks: never shown to owners. `billing` ones are written by the front desk. */
export const INTERNAL_NOTES = [
  { text: 'Propietario difícil, cobrar por adelantado.', billing: true },
  { text: 'Pendiente de pago: $850 MXN de la consulta anterior.', billing: true },
  { text: 'Solicita factura a nombre de su empresa; pedir constancia de situación fiscal actualizada.', billing: true },
  { text: 'Paciente agresivo: usar bozal y manejo con dos personas.', billing: false },
  { text: 'El dueño no siguió el tratamiento anterior; reforzar indicaciones por WhatsApp.', billing: false },
  { text: 'Muy estresado en consulta; la próxima vez usar feromonas y sala de gatos.', billing: false },
  { text: 'Lesiones compatibles con pelea con otro perro; se descarta maltrato.', billing: false },
  { text: 'No aceptó estudios de laboratorio por costo; ofrecer paquete geriátrico con descuento.', billing: false },
] as const;

/** Notes the owner can read in the portal. */
export const PUBLIC_NOTES = [
  'Se enviaron las indicaciones por WhatsApp.',
  'Se entregó receta impresa y plan de alimentación.',
  'Se explicó cómo aplicar el medicamento en casa.',
  'Recordar traer la cartilla de vacunación a la próxima cita.',
  'Próxima cita sugerida en 2 semanas.',
] as const;

export const ADDENDA = [
  { section: 'plan', text: 'Llamada de seguimiento: la familia reporta mejoría y buen apetito.' },
  { section: 'plan', text: 'Se ajusta la dosis por teléfono tras comentar el peso actual.' },
  { section: 'assessment', text: 'Resultados de laboratorio recibidos; confirman el diagnóstico inicial.' },
] as const;
