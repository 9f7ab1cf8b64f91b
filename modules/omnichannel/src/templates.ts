import { type DbOrTx, interpolate, ValidationError } from '@petfriendly/core';
import { and, eq, inArray } from 'drizzle-orm';
import { type ChannelKind, messageTemplates } from './omnichannel.tables';
import { VISIT_TEMPLATES } from './visit-templates';

export type TemplateSeed = {
  slug: string;
  name: string;
  whatsapp: string;
  variables: string[];
  texts: Record<'es' | 'en' | 'de' | 'fr' | 'it', { subject: string; content: string }>;
};

/** The clinic's default messages; staff can edit them, and these are only added when missing. */
export const DEFAULT_TEMPLATES: TemplateSeed[] = [
  {
    slug: 'appointment_reminder',
    name: 'Recordatorio de cita',
    whatsapp: 'appointment_reminder',
    variables: ['name', 'pet', 'date', 'time', 'clinic'],
    texts: {
      es: {
        subject: 'Recordatorio: cita de {{pet}} el {{date}}',
        content:
          'Hola {{name}}, te recordamos la cita de {{pet}} el {{date}} a las {{time}} en {{clinic}}. Responde 1 o SÍ para confirmar, 2 o NO PUEDO para cancelar.',
      },
      en: {
        subject: 'Reminder: {{pet}}’s appointment on {{date}}',
        content:
          'Hi {{name}}, this is a reminder of {{pet}}’s appointment on {{date}} at {{time}} at {{clinic}}. Reply 1 or YES to confirm, 2 or CANNOT to cancel.',
      },
      de: {
        subject: 'Erinnerung: Termin für {{pet}} am {{date}}',
        content:
          'Hallo {{name}}, wir erinnern an den Termin für {{pet}} am {{date}} um {{time}} in {{clinic}}. Antworte 1 oder JA zum Bestätigen, 2 oder NEIN zum Absagen.',
      },
      fr: {
        subject: 'Rappel : rendez-vous de {{pet}} le {{date}}',
        content:
          'Bonjour {{name}}, nous vous rappelons le rendez-vous de {{pet}} le {{date}} à {{time}} à {{clinic}}. Répondez 1 ou OUI pour confirmer, 2 ou NON pour annuler.',
      },
      it: {
        subject: 'Promemoria: appuntamento di {{pet}} il {{date}}',
        content:
          'Ciao {{name}}, ti ricordiamo l’appuntamento di {{pet}} il {{date}} alle {{time}} presso {{clinic}}. Rispondi 1 o SÌ per confermare, 2 o NO per annullare.',
      },
    },
  },
  {
    slug: 'appointment_booked',
    name: 'Cita agendada',
    whatsapp: 'appointment_booked',
    variables: ['name', 'pet', 'date', 'time', 'clinic', 'link'],
    texts: {
      es: {
        subject: 'Cita agendada para {{pet}}',
        content: 'Hola {{name}}, agendamos la cita de {{pet}} el {{date}} a las {{time}} en {{clinic}}. Te esperamos. Para cambiarla o cancelarla: {{link}}',
      },
      en: {
        subject: 'Appointment booked for {{pet}}',
        content: 'Hi {{name}}, {{pet}}’s appointment is booked for {{date}} at {{time}} at {{clinic}}. See you then. To move or cancel it: {{link}}',
      },
      de: {
        subject: 'Termin für {{pet}} gebucht',
        content: 'Hallo {{name}}, der Termin für {{pet}} ist am {{date}} um {{time}} in {{clinic}} gebucht. Verschieben oder absagen: {{link}}',
      },
      fr: {
        subject: 'Rendez-vous réservé pour {{pet}}',
        content: 'Bonjour {{name}}, le rendez-vous de {{pet}} est réservé le {{date}} à {{time}} à {{clinic}}. Pour le déplacer ou l’annuler : {{link}}',
      },
      it: {
        subject: 'Appuntamento prenotato per {{pet}}',
        content: 'Ciao {{name}}, l’appuntamento di {{pet}} è prenotato il {{date}} alle {{time}} presso {{clinic}}. Per spostarlo o annullarlo: {{link}}',
      },
    },
  },
  {
    slug: 'appointment_cancelled',
    name: 'Cita cancelada',
    whatsapp: 'appointment_cancelled',
    variables: ['name', 'pet', 'date', 'time', 'clinic', 'link'],
    texts: {
      es: {
        subject: 'Cita cancelada: {{pet}} el {{date}}',
        content: 'Hola {{name}}, la cita de {{pet}} el {{date}} a las {{time}} en {{clinic}} quedó cancelada. Para agendar otra: {{link}}',
      },
      en: {
        subject: 'Appointment cancelled: {{pet}} on {{date}}',
        content: 'Hi {{name}}, {{pet}}’s appointment on {{date}} at {{time}} at {{clinic}} is cancelled. To book another one: {{link}}',
      },
      de: {
        subject: 'Termin abgesagt: {{pet}} am {{date}}',
        content: 'Hallo {{name}}, der Termin für {{pet}} am {{date}} um {{time}} in {{clinic}} ist abgesagt. Einen neuen Termin buchen: {{link}}',
      },
      fr: {
        subject: 'Rendez-vous annulé : {{pet}} le {{date}}',
        content: 'Bonjour {{name}}, le rendez-vous de {{pet}} le {{date}} à {{time}} à {{clinic}} est annulé. Pour en réserver un autre : {{link}}',
      },
      it: {
        subject: 'Appuntamento annullato: {{pet}} il {{date}}',
        content: 'Ciao {{name}}, l’appuntamento di {{pet}} il {{date}} alle {{time}} presso {{clinic}} è annullato. Per prenotarne un altro: {{link}}',
      },
    },
  },
  {
    slug: 'vaccination_due',
    name: 'Vacuna por aplicar',
    whatsapp: 'vaccination_due',
    variables: ['name', 'pet', 'vaccine', 'date', 'clinic'],
    texts: {
      es: {
        subject: '{{pet}} necesita su vacuna',
        content: 'Hola {{name}}, a {{pet}} le toca la vacuna {{vaccine}} el {{date}}. Agenda en línea o responde a este mensaje. {{clinic}}',
      },
      en: {
        subject: '{{pet}} is due a vaccine',
        content: 'Hi {{name}}, {{pet}} is due the {{vaccine}} vaccine on {{date}}. Book online or reply to this message. {{clinic}}',
      },
      de: {
        subject: '{{pet}} braucht eine Impfung',
        content: 'Hallo {{name}}, {{pet}} ist am {{date}} für die Impfung {{vaccine}} fällig. Buche online oder antworte auf diese Nachricht. {{clinic}}',
      },
      fr: {
        subject: '{{pet}} doit être vacciné',
        content: 'Bonjour {{name}}, {{pet}} doit recevoir le vaccin {{vaccine}} le {{date}}. Réservez en ligne ou répondez à ce message. {{clinic}}',
      },
      it: {
        subject: '{{pet}} deve fare un vaccino',
        content: 'Ciao {{name}}, {{pet}} deve fare il vaccino {{vaccine}} il {{date}}. Prenota online o rispondi a questo messaggio. {{clinic}}',
      },
    },
  },
  {
    slug: 'order_update',
    name: 'Pedido de la tienda',
    whatsapp: 'order_update',
    variables: ['name', 'order', 'status', 'clinic'],
    texts: {
      es: { subject: 'Tu pedido {{order}}: {{status}}', content: 'Hola {{name}}, tu pedido {{order}} {{status}}. Gracias por comprar en {{clinic}}.' },
      en: { subject: 'Your order {{order}}: {{status}}', content: 'Hi {{name}}, your order {{order}} {{status}}. Thank you for shopping at {{clinic}}.' },
      de: {
        subject: 'Deine Bestellung {{order}}: {{status}}',
        content: 'Hallo {{name}}, deine Bestellung {{order}} {{status}}. Danke für deinen Einkauf bei {{clinic}}.',
      },
      fr: {
        subject: 'Votre commande {{order}} : {{status}}',
        content: 'Bonjour {{name}}, votre commande {{order}} {{status}}. Merci de votre achat chez {{clinic}}.',
      },
      it: {
        subject: 'Il tuo ordine {{order}}: {{status}}',
        content: 'Ciao {{name}}, il tuo ordine {{order}} {{status}}. Grazie per aver acquistato da {{clinic}}.',
      },
    },
  },
  {
    slug: 'invoice_ready',
    name: 'Factura lista',
    whatsapp: 'invoice_ready',
    variables: ['name', 'invoice', 'total', 'link', 'clinic'],
    texts: {
      es: { subject: 'Tu factura {{invoice}}', content: 'Hola {{name}}, tu factura {{invoice}} por {{total}} está lista. Descárgala en {{link}}. {{clinic}}' },
      en: { subject: 'Your invoice {{invoice}}', content: 'Hi {{name}}, your invoice {{invoice}} for {{total}} is ready. Download it at {{link}}. {{clinic}}' },
      de: {
        subject: 'Deine Rechnung {{invoice}}',
        content: 'Hallo {{name}}, deine Rechnung {{invoice}} über {{total}} ist fertig. Lade sie unter {{link}} herunter. {{clinic}}',
      },
      fr: {
        subject: 'Votre facture {{invoice}}',
        content: 'Bonjour {{name}}, votre facture {{invoice}} de {{total}} est prête. Téléchargez-la sur {{link}}. {{clinic}}',
      },
      it: {
        subject: 'La tua fattura {{invoice}}',
        content: 'Ciao {{name}}, la tua fattura {{invoice}} di {{total}} è pronta. Scaricala su {{link}}. {{clinic}}',
      },
    },
  },
  {
    slug: 'invoice_overdue',
    name: 'Factura vencida',
    whatsapp: 'invoice_overdue',
    variables: ['name', 'invoice', 'balance', 'link', 'clinic'],
    texts: {
      es: {
        subject: 'Tu factura {{invoice}} está vencida',
        content: 'Hola {{name}}, tu factura {{invoice}} tiene un saldo de {{balance}}. Puedes pagarla en línea en {{link}} o en la clínica. {{clinic}}',
      },
      en: {
        subject: 'Your invoice {{invoice}} is overdue',
        content: 'Hi {{name}}, your invoice {{invoice}} has {{balance}} left to pay. You can pay online at {{link}} or at the clinic. {{clinic}}',
      },
      de: {
        subject: 'Deine Rechnung {{invoice}} ist überfällig',
        content:
          'Hallo {{name}}, auf deiner Rechnung {{invoice}} sind noch {{balance}} offen. Du kannst online unter {{link}} oder in der Praxis zahlen. {{clinic}}',
      },
      fr: {
        subject: 'Votre facture {{invoice}} est en retard',
        content:
          'Bonjour {{name}}, il reste {{balance}} à payer sur votre facture {{invoice}}. Vous pouvez payer en ligne sur {{link}} ou à la clinique. {{clinic}}',
      },
      it: {
        subject: 'La tua fattura {{invoice}} è scaduta',
        content: 'Ciao {{name}}, sulla tua fattura {{invoice}} restano da pagare {{balance}}. Puoi pagare online su {{link}} o in clinica. {{clinic}}',
      },
    },
  },
  ...VISIT_TEMPLATES,
];

export function defaultTemplateRows() {
  return DEFAULT_TEMPLATES.flatMap((t) =>
    (['email', 'sms', 'whatsapp'] as const).flatMap((channelType) =>
      (Object.entries(t.texts) as [string, { subject: string; content: string }][]).map(([language, text]) => ({
        name: t.name,
        slug: t.slug,
        channelType,
        language,
        subject: channelType === 'email' ? text.subject : '',
        content: text.content,
        variables: t.variables,
        whatsappTemplateId: channelType === 'whatsapp' ? t.whatsapp : null,
        isApproved: channelType === 'whatsapp',
      })),
    ),
  );
}

/** A template in the reader's language (falling back to Spanish), with its variables filled. */
export async function renderTemplate(db: DbOrTx, slug: string, channel: ChannelKind, language: string, vars: Record<string, string>) {
  const rows = await db
    .select()
    .from(messageTemplates)
    .where(
      and(
        eq(messageTemplates.slug, slug),
        eq(messageTemplates.channelType, channel),
        eq(messageTemplates.isActive, true),
        inArray(messageTemplates.language, [language, 'es']),
      ),
    );
  const template = rows.find((r) => r.language === language) ?? rows.find((r) => r.language === 'es');
  if (!template) throw ValidationError.forField('omnichannel.template_unknown', 'template', `There is no ${channel} template "${slug}".`, { template: slug });
  return {
    subject: interpolate(template.subject, vars),
    content: interpolate(template.content, vars),
    whatsapp: template.whatsappTemplateId
      ? { name: template.whatsappTemplateId, language: template.language, parameters: template.variables.map((v) => vars[v] ?? '') }
      : undefined,
  };
}
