import type { TemplateSeed } from './templates';

/** What the owner hears around a visit: the confirmation, the summary after it, and the follow-up due. */
export const VISIT_TEMPLATES: TemplateSeed[] = [
  {
    slug: 'appointment_confirmed',
    name: 'Cita confirmada',
    whatsapp: 'appointment_confirmed',
    variables: ['name', 'pet', 'date', 'time', 'clinic', 'link'],
    texts: {
      es: {
        subject: 'Cita de {{pet}} confirmada',
        content: 'Hola {{name}}, la cita de {{pet}} el {{date}} a las {{time}} está confirmada. Si necesitas cambiarla: {{link}}. {{clinic}}',
      },
      en: {
        subject: '{{pet}}’s appointment confirmed',
        content: 'Hi {{name}}, {{pet}}’s appointment on {{date}} at {{time}} is confirmed. To change it: {{link}}. {{clinic}}',
      },
      de: {
        subject: 'Termin für {{pet}} bestätigt',
        content: 'Hallo {{name}}, der Termin für {{pet}} am {{date}} um {{time}} ist bestätigt. Zum Ändern: {{link}}. {{clinic}}',
      },
      fr: {
        subject: 'Rendez-vous de {{pet}} confirmé',
        content: 'Bonjour {{name}}, le rendez-vous de {{pet}} le {{date}} à {{time}} est confirmé. Pour le modifier : {{link}}. {{clinic}}',
      },
      it: {
        subject: 'Appuntamento di {{pet}} confermato',
        content: 'Ciao {{name}}, l’appuntamento di {{pet}} il {{date}} alle {{time}} è confermato. Per cambiarlo: {{link}}. {{clinic}}',
      },
    },
  },
  {
    slug: 'visit_completed',
    name: 'Resumen de la consulta',
    whatsapp: 'visit_completed',
    variables: ['name', 'pet', 'summary', 'next', 'clinic'],
    texts: {
      es: { subject: 'Consulta de {{pet}}: resumen', content: 'Hola {{name}}, gracias por traer a {{pet}}. {{summary}} {{next}} {{clinic}}' },
      en: { subject: '{{pet}}’s visit: summary', content: 'Hi {{name}}, thank you for bringing {{pet}}. {{summary}} {{next}} {{clinic}}' },
      de: { subject: 'Besuch von {{pet}}: Zusammenfassung', content: 'Hallo {{name}}, danke, dass du {{pet}} gebracht hast. {{summary}} {{next}} {{clinic}}' },
      fr: { subject: 'Visite de {{pet}} : résumé', content: 'Bonjour {{name}}, merci d’avoir amené {{pet}}. {{summary}} {{next}} {{clinic}}' },
      it: { subject: 'Visita di {{pet}}: riepilogo', content: 'Ciao {{name}}, grazie per aver portato {{pet}}. {{summary}} {{next}} {{clinic}}' },
    },
  },
  {
    slug: 'follow_up_due',
    name: 'Revisión pendiente',
    whatsapp: 'follow_up_due',
    variables: ['name', 'pet', 'date', 'clinic', 'link'],
    texts: {
      es: {
        subject: 'Revisión de {{pet}}',
        content: 'Hola {{name}}, a {{pet}} le toca su revisión alrededor del {{date}}. Agenda aquí: {{link}}. {{clinic}}',
      },
      en: { subject: '{{pet}}’s check-up', content: 'Hi {{name}}, {{pet}} is due for a check-up around {{date}}. Book here: {{link}}. {{clinic}}' },
      de: {
        subject: 'Nachkontrolle für {{pet}}',
        content: 'Hallo {{name}}, für {{pet}} steht um den {{date}} eine Nachkontrolle an. Hier buchen: {{link}}. {{clinic}}',
      },
      fr: {
        subject: 'Contrôle de {{pet}}',
        content: 'Bonjour {{name}}, {{pet}} doit revenir en contrôle vers le {{date}}. Réservez ici : {{link}}. {{clinic}}',
      },
      it: {
        subject: 'Controllo di {{pet}}',
        content: 'Ciao {{name}}, per {{pet}} è previsto un controllo intorno al {{date}}. Prenota qui: {{link}}. {{clinic}}',
      },
    },
  },
];
