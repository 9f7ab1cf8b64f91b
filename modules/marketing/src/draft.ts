import type { CampaignContent, Language } from './marketing.tables';

export const DRAFT_GOALS = ['winback', 'vaccine', 'birthday', 'welcome', 'promotion'] as const;
export type DraftGoal = (typeof DRAFT_GOALS)[number];
type Draft = { name: string; subject: string; text: string };

/** Campaign texts to start from, per goal and language (the assistant's guided mode offers these; a model adapts them). */
const DRAFTS: Record<Language, Record<DraftGoal, Draft>> = {
  es: {
    winback: {
      name: 'Volvamos a vernos',
      subject: 'Extrañamos a {{pets}}',
      text: 'Hola {{firstName}}, hace tiempo que no vemos a {{pets}}. {{offer}}Agenda su chequeo en {{link}}',
    },
    vaccine: {
      name: 'Vacunas al día',
      subject: 'Vacuna pendiente: {{vaccine}}',
      text: 'Hola {{firstName}}, {{vaccine}} está pendiente desde el {{vaccineDue}}. {{offer}}Agenda en {{link}}',
    },
    birthday: {
      name: 'Cumpleaños',
      subject: '¡Feliz cumpleaños, {{pet}}!',
      text: '¡Felicidades a {{pet}} de parte de {{clinic}}! {{offer}}Te esperamos: {{link}}',
    },
    welcome: {
      name: 'Bienvenida',
      subject: 'Bienvenido a {{clinic}}',
      text: 'Hola {{firstName}}, gracias por elegir {{clinic}}. {{offer}}Agenda cuando quieras en {{link}}',
    },
    promotion: { name: 'Promoción', subject: 'Una promoción para {{pets}}', text: 'Hola {{firstName}}, {{offer}}Agenda en {{link}}' },
  },
  en: {
    winback: {
      name: "Let's meet again",
      subject: 'We miss {{pets}}',
      text: "Hi {{firstName}}, it's been a while since we saw {{pets}}. {{offer}}Book a check-up at {{link}}",
    },
    vaccine: {
      name: 'Vaccines up to date',
      subject: 'Vaccine due: {{vaccine}}',
      text: 'Hi {{firstName}}, {{vaccine}} has been due since {{vaccineDue}}. {{offer}}Book at {{link}}',
    },
    birthday: {
      name: 'Birthday',
      subject: 'Happy birthday, {{pet}}!',
      text: 'Happy birthday to {{pet}} from everyone at {{clinic}}! {{offer}}See you soon: {{link}}',
    },
    welcome: {
      name: 'Welcome',
      subject: 'Welcome to {{clinic}}',
      text: 'Hi {{firstName}}, thank you for choosing {{clinic}}. {{offer}}Book any time at {{link}}',
    },
    promotion: { name: 'Promotion', subject: 'An offer for {{pets}}', text: 'Hi {{firstName}}, {{offer}}Book at {{link}}' },
  },
  de: {
    winback: {
      name: 'Wiedersehen',
      subject: 'Wir vermissen {{pets}}',
      text: 'Hallo {{firstName}}, wir haben {{pets}} lange nicht gesehen. {{offer}}Termin zum Check-up: {{link}}',
    },
    vaccine: {
      name: 'Impfungen aktuell',
      subject: 'Impfung fällig: {{vaccine}}',
      text: 'Hallo {{firstName}}, {{vaccine}} ist seit {{vaccineDue}} fällig. {{offer}}Termin: {{link}}',
    },
    birthday: {
      name: 'Geburtstag',
      subject: 'Alles Gute, {{pet}}!',
      text: 'Alles Gute zum Geburtstag, {{pet}}, vom Team von {{clinic}}! {{offer}}Bis bald: {{link}}',
    },
    welcome: {
      name: 'Willkommen',
      subject: 'Willkommen bei {{clinic}}',
      text: 'Hallo {{firstName}}, danke, dass Sie {{clinic}} gewählt haben. {{offer}}Termine jederzeit: {{link}}',
    },
    promotion: { name: 'Angebot', subject: 'Ein Angebot für {{pets}}', text: 'Hallo {{firstName}}, {{offer}}Termin: {{link}}' },
  },
  fr: {
    winback: {
      name: 'Se revoir',
      subject: '{{pets}} nous manque',
      text: 'Bonjour {{firstName}}, cela fait longtemps que nous n’avons pas vu {{pets}}. {{offer}}Prenez rendez-vous : {{link}}',
    },
    vaccine: {
      name: 'Vaccins à jour',
      subject: 'Vaccin à faire : {{vaccine}}',
      text: 'Bonjour {{firstName}}, {{vaccine}} est à faire depuis le {{vaccineDue}}. {{offer}}Rendez-vous : {{link}}',
    },
    birthday: {
      name: 'Anniversaire',
      subject: 'Joyeux anniversaire, {{pet}} !',
      text: 'Joyeux anniversaire à {{pet}} de la part de {{clinic}} ! {{offer}}À bientôt : {{link}}',
    },
    welcome: {
      name: 'Bienvenue',
      subject: 'Bienvenue chez {{clinic}}',
      text: 'Bonjour {{firstName}}, merci d’avoir choisi {{clinic}}. {{offer}}Rendez-vous à tout moment : {{link}}',
    },
    promotion: { name: 'Promotion', subject: 'Une offre pour {{pets}}', text: 'Bonjour {{firstName}}, {{offer}}Rendez-vous : {{link}}' },
  },
  it: {
    winback: {
      name: 'Rivediamoci',
      subject: 'Ci manca {{pets}}',
      text: 'Ciao {{firstName}}, è da tempo che non vediamo {{pets}}. {{offer}}Prenota un controllo: {{link}}',
    },
    vaccine: {
      name: 'Vaccini in regola',
      subject: 'Vaccino da fare: {{vaccine}}',
      text: 'Ciao {{firstName}}, {{vaccine}} è da fare dal {{vaccineDue}}. {{offer}}Prenota: {{link}}',
    },
    birthday: {
      name: 'Compleanno',
      subject: 'Buon compleanno, {{pet}}!',
      text: 'Buon compleanno a {{pet}} da tutto il team di {{clinic}}! {{offer}}A presto: {{link}}',
    },
    welcome: {
      name: 'Benvenuto',
      subject: 'Benvenuto da {{clinic}}',
      text: 'Ciao {{firstName}}, grazie per aver scelto {{clinic}}. {{offer}}Prenota quando vuoi: {{link}}',
    },
    promotion: { name: 'Promozione', subject: "Un'offerta per {{pets}}", text: 'Ciao {{firstName}}, {{offer}}Prenota: {{link}}' },
  },
};

export const PLACEHOLDERS = ['owner', 'firstName', 'pets', 'pet', 'vaccine', 'vaccineDue', 'link', 'clinic', 'unsubscribe'] as const;

/** A campaign's text to start from, in the language asked, with the offer written in (placeholders left for each owner). */
export function draftCampaign(goal: DraftGoal, language: Language, offer?: string): { name: string; content: CampaignContent; placeholders: string[] } {
  const d = DRAFTS[language][goal];
  const offerText = offer?.trim() ? `${offer.trim().replace(/[.!]?$/, '.')} ` : '';
  return {
    name: d.name,
    content: { subject: d.subject, html: '', text: d.text.replace('{{offer}}', offerText), whatsappTemplate: '', whatsappParams: [] },
    placeholders: [...PLACEHOLDERS],
  };
}
