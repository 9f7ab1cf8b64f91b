import type { ConsentKind, ConsentLanguage } from './consent.tables';

export interface TemplateText {
  title: string;
  body: string;
}

/**
 * The built-in wording of each consent in each language, until the clinic writes its own. Placeholders:
 * {{owner}}, {{pet}}, {{procedure}}, {{risks}}, {{estimate}} and {{clinic}}.
 */
export const DEFAULT_TEMPLATES: Record<ConsentKind, Record<ConsentLanguage, TemplateText>> = {
  surgery: {
    es: {
      title: 'Consentimiento para cirugía',
      body: 'Yo, {{owner}}, responsable de {{pet}}, autorizo a {{clinic}} a realizar el procedimiento quirúrgico: {{procedure}}.\n\nSe me han explicado los riesgos: {{risks}}\n\nPresupuesto estimado: {{estimate}}. Entiendo que puede variar si surgen complicaciones, y que se me avisará antes de cualquier cambio importante.',
    },
    en: {
      title: 'Consent to surgery',
      body: 'I, {{owner}}, responsible for {{pet}}, authorise {{clinic}} to perform the surgical procedure: {{procedure}}.\n\nThe risks have been explained to me: {{risks}}\n\nEstimate: {{estimate}}. I understand it may change if complications arise, and that I will be told before any significant change.',
    },
    de: {
      title: 'Einwilligung zur Operation',
      body: 'Ich, {{owner}}, verantwortlich für {{pet}}, ermächtige {{clinic}}, folgenden chirurgischen Eingriff vorzunehmen: {{procedure}}.\n\nDie Risiken wurden mir erklärt: {{risks}}\n\nKostenvoranschlag: {{estimate}}. Mir ist bewusst, dass er sich bei Komplikationen ändern kann und ich vor jeder wesentlichen Änderung informiert werde.',
    },
    fr: {
      title: 'Consentement à la chirurgie',
      body: 'Je soussigné(e), {{owner}}, responsable de {{pet}}, autorise {{clinic}} à réaliser l’intervention chirurgicale : {{procedure}}.\n\nLes risques m’ont été expliqués : {{risks}}\n\nDevis estimé : {{estimate}}. Je comprends qu’il peut varier en cas de complications et que je serai prévenu(e) avant tout changement important.',
    },
    it: {
      title: 'Consenso all’intervento chirurgico',
      body: 'Io, {{owner}}, responsabile di {{pet}}, autorizzo {{clinic}} a eseguire l’intervento chirurgico: {{procedure}}.\n\nMi sono stati spiegati i rischi: {{risks}}\n\nPreventivo: {{estimate}}. Capisco che può variare in caso di complicazioni e che sarò avvisato prima di ogni cambiamento importante.',
    },
  },
  anaesthesia: {
    es: {
      title: 'Consentimiento para anestesia',
      body: 'Yo, {{owner}}, autorizo la anestesia o sedación de {{pet}} para: {{procedure}}.\n\nToda anestesia conlleva riesgos, incluida en casos raros la muerte. Riesgos particulares: {{risks}}\n\nPresupuesto estimado: {{estimate}}.',
    },
    en: {
      title: 'Consent to anaesthesia',
      body: 'I, {{owner}}, authorise the anaesthesia or sedation of {{pet}} for: {{procedure}}.\n\nEvery anaesthetic carries risks, in rare cases including death. Particular risks: {{risks}}\n\nEstimate: {{estimate}}.',
    },
    de: {
      title: 'Einwilligung zur Narkose',
      body: 'Ich, {{owner}}, willige in die Narkose oder Sedierung von {{pet}} ein für: {{procedure}}.\n\nJede Narkose birgt Risiken, in seltenen Fällen auch den Tod. Besondere Risiken: {{risks}}\n\nKostenvoranschlag: {{estimate}}.',
    },
    fr: {
      title: 'Consentement à l’anesthésie',
      body: 'Je soussigné(e), {{owner}}, autorise l’anesthésie ou la sédation de {{pet}} pour : {{procedure}}.\n\nToute anesthésie comporte des risques, y compris, rarement, le décès. Risques particuliers : {{risks}}\n\nDevis estimé : {{estimate}}.',
    },
    it: {
      title: 'Consenso all’anestesia',
      body: 'Io, {{owner}}, autorizzo l’anestesia o la sedazione di {{pet}} per: {{procedure}}.\n\nOgni anestesia comporta rischi, in rari casi anche la morte. Rischi particolari: {{risks}}\n\nPreventivo: {{estimate}}.',
    },
  },
  euthanasia: {
    es: {
      title: 'Consentimiento para eutanasia',
      body: 'Yo, {{owner}}, propietario(a) de {{pet}}, solicito y autorizo a {{clinic}} a practicar la eutanasia humanitaria de mi mascota. Declaro que {{pet}} no ha mordido a ninguna persona en los últimos 15 días.\n\nDetalles: {{procedure}}\n{{risks}}\n\nCosto: {{estimate}}.',
    },
    en: {
      title: 'Consent to euthanasia',
      body: 'I, {{owner}}, owner of {{pet}}, request and authorise {{clinic}} to perform the humane euthanasia of my pet. I declare that {{pet}} has not bitten anyone in the last 15 days.\n\nDetails: {{procedure}}\n{{risks}}\n\nCost: {{estimate}}.',
    },
    de: {
      title: 'Einwilligung zur Euthanasie',
      body: 'Ich, {{owner}}, Halter(in) von {{pet}}, beantrage und ermächtige {{clinic}}, mein Tier schmerzlos einzuschläfern. Ich erkläre, dass {{pet}} in den letzten 15 Tagen niemanden gebissen hat.\n\nEinzelheiten: {{procedure}}\n{{risks}}\n\nKosten: {{estimate}}.',
    },
    fr: {
      title: 'Consentement à l’euthanasie',
      body: 'Je soussigné(e), {{owner}}, propriétaire de {{pet}}, demande et autorise {{clinic}} à pratiquer l’euthanasie de mon animal. Je déclare que {{pet}} n’a mordu personne au cours des 15 derniers jours.\n\nDétails : {{procedure}}\n{{risks}}\n\nCoût : {{estimate}}.',
    },
    it: {
      title: 'Consenso all’eutanasia',
      body: 'Io, {{owner}}, proprietario di {{pet}}, chiedo e autorizzo {{clinic}} a praticare l’eutanasia del mio animale. Dichiaro che {{pet}} non ha morso nessuno negli ultimi 15 giorni.\n\nDettagli: {{procedure}}\n{{risks}}\n\nCosto: {{estimate}}.',
    },
  },
  hospitalisation: {
    es: {
      title: 'Consentimiento para hospitalización',
      body: 'Yo, {{owner}}, autorizo la hospitalización de {{pet}} en {{clinic}} para: {{procedure}}, y los tratamientos que el médico veterinario considere necesarios.\n\nRiesgos explicados: {{risks}}\n\nPresupuesto estimado: {{estimate}}. Me comprometo a cubrir los gastos al alta.',
    },
    en: {
      title: 'Consent to hospitalisation',
      body: 'I, {{owner}}, authorise the hospitalisation of {{pet}} at {{clinic}} for: {{procedure}}, and the treatments the veterinarian considers necessary.\n\nRisks explained: {{risks}}\n\nEstimate: {{estimate}}. I undertake to pay the costs on discharge.',
    },
    de: {
      title: 'Einwilligung zur stationären Aufnahme',
      body: 'Ich, {{owner}}, willige in die stationäre Aufnahme von {{pet}} in {{clinic}} ein für: {{procedure}}, sowie in die Behandlungen, die der Tierarzt für nötig hält.\n\nErklärte Risiken: {{risks}}\n\nKostenvoranschlag: {{estimate}}. Ich verpflichte mich, die Kosten bei der Entlassung zu begleichen.',
    },
    fr: {
      title: 'Consentement à l’hospitalisation',
      body: 'Je soussigné(e), {{owner}}, autorise l’hospitalisation de {{pet}} à {{clinic}} pour : {{procedure}}, ainsi que les traitements que le vétérinaire jugera nécessaires.\n\nRisques expliqués : {{risks}}\n\nDevis estimé : {{estimate}}. Je m’engage à régler les frais à la sortie.',
    },
    it: {
      title: 'Consenso al ricovero',
      body: 'Io, {{owner}}, autorizzo il ricovero di {{pet}} presso {{clinic}} per: {{procedure}}, e i trattamenti che il veterinario riterrà necessari.\n\nRischi spiegati: {{risks}}\n\nPreventivo: {{estimate}}. Mi impegno a saldare le spese alla dimissione.',
    },
  },
  estimate: {
    es: {
      title: 'Aceptación de presupuesto',
      body: 'Yo, {{owner}}, acepto el presupuesto de {{clinic}} para {{pet}}: {{procedure}}.\n\nImporte: {{estimate}}.\n\nNotas: {{risks}}',
    },
    en: {
      title: 'Acceptance of estimate',
      body: 'I, {{owner}}, accept the estimate of {{clinic}} for {{pet}}: {{procedure}}.\n\nAmount: {{estimate}}.\n\nNotes: {{risks}}',
    },
    de: {
      title: 'Annahme des Kostenvoranschlags',
      body: 'Ich, {{owner}}, nehme den Kostenvoranschlag von {{clinic}} für {{pet}} an: {{procedure}}.\n\nBetrag: {{estimate}}.\n\nHinweise: {{risks}}',
    },
    fr: {
      title: 'Acceptation du devis',
      body: 'Je soussigné(e), {{owner}}, accepte le devis de {{clinic}} pour {{pet}} : {{procedure}}.\n\nMontant : {{estimate}}.\n\nRemarques : {{risks}}',
    },
    it: {
      title: 'Accettazione del preventivo',
      body: 'Io, {{owner}}, accetto il preventivo di {{clinic}} per {{pet}}: {{procedure}}.\n\nImporto: {{estimate}}.\n\nNote: {{risks}}',
    },
  },
};

/** The template with its placeholders replaced (plain text: the PDF and the pages escape it themselves). */
export function fillTemplate(text: string, values: Record<'owner' | 'pet' | 'procedure' | 'risks' | 'estimate' | 'clinic', string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in values ? values[key as keyof typeof values] : whole));
}
