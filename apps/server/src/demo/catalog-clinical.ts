import type { Species } from './catalog-pets';

/** The routes the medications table knows. */
export type Route = 'oral' | 'injection' | 'topical' | 'ophthalmic' | 'otic' | 'inhaled';

export interface MedTemplate {
  name: string;
  /** A fixed dose, or mg per kg of body weight. */
  dose: string | { mgPerKg: number };
  frequency: string;
  route: Route;
  /** Course length; 'ongoing' for chronic treatment. */
  days: number | 'ongoing';
}

export interface RecordTemplate {
  type: 'lab' | 'surgery';
  title: string;
  description: string;
  diagnosis: string;
  internalNotes?: string;
}

export interface VisitTemplate {
  reason: string;
  subjective: readonly string[];
  findings: readonly string[];
  assessment: string;
  plan: string;
  fever?: boolean;
  meds?: Partial<Record<Species, MedTemplate>>;
  record?: RecordTemplate;
}

export interface Complaint extends VisitTemplate {
  species: readonly Species[];
  minYears?: number;
  maxYears?: number;
  weight: number;
  followUp?: VisitTemplate & { days: number };
}

const both = <T>(med: T) => ({ dog: med, cat: med });

const metronidazol: MedTemplate = { name: 'Metronidazol', dose: { mgPerKg: 15 }, frequency: 'cada 12 horas', route: 'oral', days: 5 };
const carprofeno: MedTemplate = { name: 'Carprofeno', dose: { mgPerKg: 2.2 }, frequency: 'cada 12 horas con alimento', route: 'oral', days: 7 };
const amoxiclav: MedTemplate = { name: 'Amoxicilina con ácido clavulánico', dose: { mgPerKg: 12.5 }, frequency: 'cada 12 horas', route: 'oral', days: 7 };

/** Why pets come in sick, with SOAP wording a Mexican MVZ would write. `{name}` and `{days}` are filled in. */
export const COMPLAINTS: Complaint[] = [
  {
    reason: 'Otitis externa',
    species: ['dog'],
    weight: 10,
    subjective: [
      'Se rasca la oreja y sacude la cabeza desde hace {days} días.',
      'Los dueños notan mal olor en los oídos; {name} se queja al tocarle la oreja.',
    ],
    findings: [
      'Conducto auditivo eritematoso con secreción café oscura; citología con levaduras (Malassezia) +++.',
      'Otoscopia: cerumen abundante y eritema; membrana timpánica íntegra.',
    ],
    assessment: 'Otitis externa por Malassezia.',
    plan: 'Limpieza ótica en consulta. Gotas óticas cada 12 horas por 10 días. Revisión en 2 semanas.',
    meds: {
      dog: {
        name: 'Otomax (gentamicina, betametasona, clotrimazol)',
        dose: '4 gotas en el oído afectado',
        frequency: 'cada 12 horas',
        route: 'otic',
        days: 10,
      },
    },
    followUp: {
      days: 14,
      reason: 'Revisión de otitis',
      subjective: ['Ya no se rasca; terminó las gotas.'],
      findings: ['Conducto limpio, sin eritema; citología negativa.'],
      assessment: 'Otitis resuelta.',
      plan: 'Limpieza ótica preventiva cada 15 días.',
    },
  },
  {
    reason: 'Dermatitis alérgica',
    species: ['dog'],
    weight: 8,
    minYears: 1,
    subjective: ['Se lame las patas y se muerde la base de la cola; empeora en primavera.', 'Comezón en todo el cuerpo desde hace {days} semanas; duerme mal.'],
    findings: ['Eritema en axilas, abdomen y espacios interdigitales; alopecia por lamido; sin pulgas visibles.'],
    assessment: 'Dermatitis atópica canina; descartar alergia alimentaria.',
    plan: 'Oclacitinib 14 días y luego cada 24 horas. Baños con clorhexidina cada 3 días. Valorar dieta de eliminación.',
    meds: {
      dog: { name: 'Apoquel (oclacitinib)', dose: { mgPerKg: 0.5 }, frequency: 'cada 12 horas por 14 días, después cada 24 horas', route: 'oral', days: 30 },
    },
  },
  {
    reason: 'Dermatitis por pulgas',
    species: ['dog', 'cat'],
    weight: 5,
    subjective: ['Mucha comezón en la espalda baja; le vieron pulgas.'],
    findings: ['Pulgas y heces de pulga en región lumbosacra; pápulas y costras miliares.'],
    assessment: 'Dermatitis alérgica por picadura de pulga (DAPP).',
    plan: 'Antiparasitario externo mensual para todos los animales de la casa; aspirar y lavar camas.',
    meds: {
      dog: { name: 'Simparica (sarolaner)', dose: '1 tableta según peso', frequency: 'cada mes', route: 'oral', days: 90 },
      cat: { name: 'Revolution Plus (selamectina, sarolaner)', dose: '1 pipeta según peso', frequency: 'cada mes', route: 'topical', days: 90 },
    },
  },
  {
    reason: 'Gastroenteritis',
    species: ['dog', 'cat'],
    weight: 10,
    fever: true,
    subjective: [
      'Vomitó {days} veces desde ayer y tiene heces blandas; comió algo de la basura.',
      'Diarrea con moco desde hace {days} días; decaído y sin apetito.',
    ],
    findings: ['Dolor leve a la palpación abdominal, borborigmos aumentados, deshidratación del 5 %.'],
    assessment: 'Gastroenteritis aguda inespecífica.',
    plan: 'Fluidoterapia subcutánea y maropitant en consulta. Dieta blanda (pollo y arroz) 3 a 5 días. Regresar si persiste el vómito.',
    meds: both(metronidazol),
  },
  {
    reason: 'Cojera',
    species: ['dog'],
    weight: 5,
    minYears: 1,
    subjective: ['Cojea de la pata trasera desde que saltó del sillón hace {days} días.', 'No apoya bien la pata delantera después de correr en el parque.'],
    findings: [
      'Claudicación grado 2/5; dolor a la extensión de la rodilla; cajón negativo.',
      'Claudicación leve, sin crepitación ni inestabilidad articular; dolor a la palpación del carpo.',
    ],
    assessment: 'Distensión de tejidos blandos; descartar ruptura de ligamento cruzado si no mejora.',
    plan: 'Reposo estricto 2 semanas, paseos cortos con correa. Radiografías si no mejora.',
    meds: { dog: carprofeno },
    followUp: {
      days: 14,
      reason: 'Revisión de cojera',
      subjective: ['Ya apoya la pata; sigue en reposo.'],
      findings: ['Sin claudicación al paso; sin dolor a la manipulación.'],
      assessment: 'Mejoría completa.',
      plan: 'Regresar a actividad normal de forma gradual.',
    },
  },
  {
    reason: 'Conjuntivitis',
    species: ['dog', 'cat'],
    weight: 4,
    subjective: ['Tiene el ojo rojo y con lagañas verdes desde hace {days} días.'],
    findings: ['Hiperemia conjuntival y secreción mucopurulenta; prueba de fluoresceína negativa.'],
    assessment: 'Conjuntivitis bacteriana.',
    plan: 'Limpieza con solución salina y antibiótico oftálmico 7 días.',
    meds: both({ name: 'Tobramicina oftálmica', dose: '1 gota en el ojo afectado', frequency: 'cada 8 horas', route: 'ophthalmic', days: 7 }),
  },
  {
    reason: 'Mal aliento y sarro',
    species: ['dog', 'cat'],
    weight: 5,
    minYears: 3,
    subjective: ['Mal aliento; mastica de un solo lado.'],
    findings: ['Sarro grado 3, gingivitis y halitosis; movilidad de un premolar superior.'],
    assessment: 'Enfermedad periodontal grado 2–3.',
    plan: 'Se programa profilaxis dental bajo anestesia con estudios prequirúrgicos.',
    followUp: {
      days: 10,
      reason: 'Profilaxis dental bajo anestesia',
      subjective: ['Ayuno de 12 horas.'],
      findings: ['Estudios prequirúrgicos normales; ASA I.'],
      assessment: 'Profilaxis dental sin complicaciones; se extraen 2 piezas con movilidad.',
      plan: 'Dieta blanda 5 días; analgésico 3 días.',
      meds: both({ name: 'Meloxicam', dose: { mgPerKg: 0.1 }, frequency: 'cada 24 horas', route: 'oral', days: 3 }),
      record: {
        type: 'surgery',
        title: 'Profilaxis dental',
        description: 'Ultrasonido, pulido y extracción de 2 piezas bajo anestesia inhalada (isoflurano).',
        diagnosis: 'Enfermedad periodontal grado 3',
      },
    },
  },
  {
    reason: 'Parásitos intestinales',
    species: ['dog', 'cat'],
    weight: 6,
    maxYears: 2,
    subjective: ['Le vieron "gusanitos" en las heces y tiene la panza inflamada.'],
    findings: ['Abdomen distendido; coproparasitoscópico positivo a Toxocara.'],
    assessment: 'Parasitosis intestinal por ascáridos.',
    plan: 'Desparasitación 3 días y repetir en 15 días. Limpiar el patio diario.',
    meds: both({ name: 'Fenbendazol', dose: { mgPerKg: 50 }, frequency: 'cada 24 horas', route: 'oral', days: 3 }),
  },
  {
    reason: 'Tos de las perreras',
    species: ['dog'],
    weight: 3,
    subjective: ['Tos seca "como si tuviera algo atorado" desde que fue a la guardería.'],
    findings: ['Tos al palpar la tráquea; auscultación pulmonar normal.'],
    assessment: 'Traqueobronquitis infecciosa canina.',
    plan: 'Reposo, evitar collar (usar pechera). Antibiótico 10 días.',
    meds: { dog: { name: 'Doxiciclina', dose: { mgPerKg: 10 }, frequency: 'cada 24 horas', route: 'oral', days: 10 } },
  },
  {
    reason: 'Gripa felina',
    species: ['cat'],
    weight: 5,
    fever: true,
    subjective: ['Estornuda mucho, tiene secreción nasal y no quiere comer.'],
    findings: ['Secreción nasal y ocular serosa, úlcera lingual pequeña.'],
    assessment: 'Complejo respiratorio felino (probable herpesvirus).',
    plan: 'Nebulizaciones con solución salina, alimento húmedo tibio, antibiótico 10 días.',
    meds: { cat: { name: 'Doxiciclina', dose: { mgPerKg: 5 }, frequency: 'cada 12 horas', route: 'oral', days: 10 } },
  },
  {
    reason: 'Cistitis',
    species: ['cat'],
    weight: 4,
    minYears: 1,
    subjective: ['Entra muchas veces al arenero y orina poquito, a veces con sangre.'],
    findings: ['Vejiga pequeña y dolorosa a la palpación.'],
    assessment: 'Cistitis idiopática felina.',
    plan: 'Analgésico 4 días, fuente de agua, alimento húmedo, enriquecimiento ambiental.',
    meds: { cat: { name: 'Meloxicam', dose: { mgPerKg: 0.05 }, frequency: 'cada 24 horas', route: 'oral', days: 4 } },
    record: { type: 'lab', title: 'Urianálisis', description: 'Densidad 1.045, hematuria (+++), sin cristales ni bacterias.', diagnosis: 'Hematuria estéril' },
  },
  {
    reason: 'Toma mucha agua y bajó de peso',
    species: ['cat'],
    weight: 3,
    minYears: 9,
    subjective: ['Toma mucha agua, orina más y ha bajado de peso.'],
    findings: ['Deshidratación del 6 %; riñones pequeños e irregulares a la palpación.'],
    assessment: 'Enfermedad renal crónica, estadio IRIS 2.',
    plan: 'Dieta renal, fluidos subcutáneos en casa 2 veces por semana, control en 2 meses.',
    meds: { cat: { name: 'Benazepril', dose: '2.5 mg', frequency: 'cada 24 horas', route: 'oral', days: 'ongoing' } },
    record: {
      type: 'lab',
      title: 'Química sanguínea y urianálisis',
      description: 'Creatinina 2.6 mg/dL, urea 74 mg/dL, SDMA 21 µg/dL; densidad urinaria 1.018.',
      diagnosis: 'ERC estadio IRIS 2',
      internalNotes: 'Laboratorio externo; folio pendiente de facturar.',
    },
  },
  {
    reason: 'Herida por mordedura',
    species: ['dog', 'cat'],
    weight: 3,
    subjective: ['Se peleó con otro animal hace {days} días; tiene una herida que supura.'],
    findings: ['Herida punzante infectada con absceso subcutáneo.'],
    assessment: 'Absceso por mordedura.',
    plan: 'Drenaje y lavado en consulta; antibiótico 7 días; collar isabelino.',
    meds: both(amoxiclav),
    fever: true,
  },
  {
    reason: 'Decaimiento (garrapatas)',
    species: ['dog'],
    weight: 3,
    subjective: ['Decaído y sin apetito; hace unas semanas tenía garrapatas.'],
    findings: ['Mucosas pálidas, petequias en abdomen, esplenomegalia leve.'],
    assessment: 'Ehrlichiosis canina.',
    fever: true,
    plan: 'Doxiciclina 28 días; control de hemograma en 2 semanas; antiparasitario externo.',
    meds: { dog: { name: 'Doxiciclina', dose: { mgPerKg: 10 }, frequency: 'cada 24 horas', route: 'oral', days: 28 } },
    record: {
      type: 'lab',
      title: 'Hemograma y prueba rápida 4Dx',
      description: 'Plaquetas 65,000/µL, hematocrito 31 %; 4Dx positivo a Ehrlichia canis.',
      diagnosis: 'Ehrlichiosis',
    },
  },
  {
    reason: 'Rigidez al levantarse',
    species: ['dog'],
    weight: 4,
    minYears: 8,
    subjective: ['Le cuesta levantarse en las mañanas y ya no sube escaleras.'],
    findings: ['Dolor y crepitación en ambas caderas; atrofia muscular leve de miembros posteriores.'],
    assessment: 'Osteoartrosis.',
    plan: 'Antiinflamatorio diario, control de peso, condroprotector; hidroterapia si es posible.',
    meds: { dog: { ...carprofeno, frequency: 'cada 24 horas con alimento', days: 'ongoing' } },
  },
  {
    reason: 'Comió chocolate',
    species: ['dog'],
    weight: 1,
    subjective: ['Se comió media tableta de chocolate amargo hace una hora.'],
    findings: ['Taquicardia leve; sin temblores.'],
    assessment: 'Ingesta de chocolate (metilxantinas), dosis moderada.',
    plan: 'Inducción de emesis con apomorfina, carbón activado y vigilancia 4 horas.',
  },
  {
    reason: 'Vómito de bolas de pelo',
    species: ['cat'],
    weight: 2,
    minYears: 1,
    subjective: ['Vomita bolas de pelo una o dos veces por semana.'],
    findings: ['Pelaje con nudos; abdomen sin dolor.'],
    assessment: 'Tricobezoares.',
    plan: 'Cepillado diario, pasta laxante 7 días, alimento control de bolas de pelo.',
    meds: { cat: { name: 'Laxatone (pasta de malta)', dose: '2.5 cm de pasta', frequency: 'cada 24 horas', route: 'oral', days: 7 } },
  },
  {
    reason: 'No come (estasis gastrointestinal)',
    species: ['rabbit'],
    weight: 4,
    subjective: ['No ha comido heno desde ayer y casi no hace bolitas.'],
    findings: ['Abdomen con gas, sonidos intestinales disminuidos.'],
    assessment: 'Estasis gastrointestinal.',
    plan: 'Alimentación asistida, procinético y analgésico; más heno en la dieta.',
    meds: { rabbit: { name: 'Metoclopramida', dose: { mgPerKg: 0.5 }, frequency: 'cada 8 horas', route: 'oral', days: 5 } },
  },
  {
    reason: 'Dientes largos',
    species: ['rabbit'],
    weight: 2,
    minYears: 1,
    subjective: ['Babea y escoge la comida.'],
    findings: ['Maloclusión de incisivos y puntas en molares.'],
    assessment: 'Maloclusión dental.',
    plan: 'Limado dental bajo sedación; heno a libre acceso.',
    record: { type: 'surgery', title: 'Limado dental', description: 'Limado de incisivos y molares bajo sedación.', diagnosis: 'Maloclusión dental' },
  },
  {
    reason: 'Se arranca las plumas',
    species: ['bird'],
    weight: 2,
    subjective: ['Se arranca las plumas del pecho desde que cambiaron la jaula de lugar.'],
    findings: ['Zonas sin plumas en pecho; piel sana; sin ectoparásitos.'],
    assessment: 'Picaje de origen conductual.',
    plan: 'Enriquecimiento ambiental, baños de aspersión, luz natural, dieta variada.',
  },
];
