import type { CampaignContent, Language, SequenceKey, SequenceStep } from './marketing.tables';

const c = (subject: string, text: string): CampaignContent => ({ subject, text, html: '', whatsappTemplate: '', whatsappParams: [] });
type Texts = Partial<Record<Language, CampaignContent>>;
const step = (waitDays: number, content: Texts): SequenceStep => ({ waitDays, content });

/**
 * The sequences a clinic gets ready to switch on (off until a manager does): texts in Spanish and English;
 * other languages fall back to the clinic's. Placeholders: see personalise.ts.
 */
export const DEFAULT_SEQUENCES: Record<SequenceKey, SequenceStep[]> = {
  lapsed_winback: [
    step(0, {
      es: c('Extrañamos a {{pets}}', 'Hola {{firstName}}, hace más de un año que no vemos a {{pets}}. Un chequeo a tiempo evita sustos: agenda en {{link}}'),
      en: c('We miss {{pets}}', 'Hi {{firstName}}, it has been over a year since we last saw {{pets}}. A timely check-up avoids surprises: book at {{link}}'),
    }),
    step(14, {
      es: c(
        '{{pets}} sigue pendiente de su chequeo',
        'Hola {{firstName}}, seguimos guardando un lugar para {{pets}}. Agenda en {{link}} o respóndenos y te llamamos.',
      ),
      en: c('{{pets}} is still due a check-up', 'Hi {{firstName}}, we are still keeping a spot for {{pets}}. Book at {{link}} or reply and we will call you.'),
    }),
  ],
  vaccine_overdue: [
    step(0, {
      es: c(
        'Vacuna vencida: {{vaccine}}',
        'Hola {{firstName}}, la vacuna {{vaccine}} venció el {{vaccineDue}} y los recordatorios no tuvieron respuesta. Protégelo: agenda en {{link}}',
      ),
      en: c(
        'Overdue vaccine: {{vaccine}}',
        'Hi {{firstName}}, the {{vaccine}} vaccine was due on {{vaccineDue}} and our reminders went unanswered. Book at {{link}}',
      ),
    }),
    step(10, {
      es: c(
        'Último aviso: {{vaccine}}',
        'Hola {{firstName}}, {{vaccine}} sigue pendiente. Si ya la aplicaste en otro lugar, respóndenos para actualizar su cartilla.',
      ),
      en: c('Last notice: {{vaccine}}', 'Hi {{firstName}}, {{vaccine}} is still due. If it was given elsewhere, reply so we can update the record.'),
    }),
  ],
  pet_birthday: [
    step(0, {
      es: c(
        '¡Feliz cumpleaños, {{pet}}!',
        '¡Hoy es el cumpleaños de {{pet}}! Todo el equipo de {{clinic}} le manda un abrazo. Pasa por su premio en la recepción.',
      ),
      en: c('Happy birthday, {{pet}}!', "It's {{pet}}'s birthday today! Everyone at {{clinic}} sends a hug. Come by reception for a treat."),
    }),
  ],
  new_owner_welcome: [
    step(0, {
      es: c(
        'Bienvenido a {{clinic}}',
        'Hola {{firstName}}, gracias por confiar en {{clinic}}. Desde tu portal ves la cartilla de tus mascotas y agendas en {{link}}',
      ),
      en: c('Welcome to {{clinic}}', 'Hi {{firstName}}, thank you for choosing {{clinic}}. In your portal you see your pets’ records and book at {{link}}'),
    }),
    step(7, {
      es: c(
        '¿Ya conoces nuestros paquetes?',
        'Hola {{firstName}}, ¿sabías que tenemos paquetes de vacunación y chequeos con descuento? Pregúntanos o agenda en {{link}}',
      ),
      en: c('Have you seen our packages?', 'Hi {{firstName}}, we have discounted vaccination and check-up packages. Ask us or book at {{link}}'),
    }),
  ],
  declined_service: [
    step(7, {
      es: c(
        '{{pet}} y su {{service}}',
        'Hola {{firstName}}, en la última visita de {{pet}} te recomendamos {{service}}. Si quieres resolver dudas o agendarlo, estamos en {{link}}',
      ),
      en: c(
        '{{pet}} and the {{service}}',
        'Hi {{firstName}}, at {{pet}}’s last visit we recommended {{service}}. If you have questions or want to book it, we are at {{link}}',
      ),
    }),
    step(21, {
      es: c(
        '¿Agendamos {{service}} para {{pet}}?',
        'Hola {{firstName}}, {{service}} para {{pet}} sigue pendiente. Agenda en {{link}} o respóndenos y te llamamos.',
      ),
      en: c(
        'Shall we book {{service}} for {{pet}}?',
        'Hi {{firstName}}, {{service}} for {{pet}} is still pending. Book at {{link}} or reply and we will call you.',
      ),
    }),
  ],
};
