import type { es } from './es';

export const de: typeof es = {
  nav: { inbox: 'Nachrichten', preferences: 'Benachrichtigungen' },
  channels: { email: 'E-Mail', sms: 'SMS', whatsapp: 'WhatsApp' },
  status: { active: 'Aktiv', waiting: 'Wartet auf Antwort', resolved: 'Erledigt', escalated: 'Eskaliert' },
  priority: { low: 'Niedrig', normal: 'Normal', high: 'Hoch', urgent: 'Dringend' },
  messageStatus: { pending: 'In Warteschlange', sent: 'Gesendet', delivered: 'Zugestellt', read: 'Gelesen', failed: 'Fehlgeschlagen', received: 'Empfangen' },
  inbox: {
    title: 'Posteingang', all: 'Alle', mine: 'Meine', unassigned: 'Nicht zugewiesen', none: 'Keine Unterhaltungen.', unread: '{{count}} ungelesen',
    reply: 'Antworten', send: 'Senden', replied: 'Antwort gesendet.', assignToMe: 'Übernehmen', release: 'Freigeben', resolve: 'Erledigen', escalate: 'Eskalieren', reopen: 'Wieder öffnen', updated: 'Unterhaltung aktualisiert.',
    unknownContact: 'Kontakt ohne registrierten Halter', assignedTo: 'Zuständig', outbox: 'Nachrichten des lokalen Anbieters ansehen', assistant: 'Assistent', system: 'System',
  },
  prefs: { title: 'Wie möchtest du benachrichtigt werden?', preferredChannel: 'Bevorzugter Kanal', emailEnabled: 'E-Mail', smsEnabled: 'SMS', whatsappEnabled: 'WhatsApp', remindersEnabled: 'Erinnerungen an Termine und Impfungen', marketingEnabled: 'Angebote und Neuigkeiten', saved: 'Einstellungen gespeichert.' },
  templates: { title: 'Nachrichtenvorlagen', help: 'Variablen in Klammern werden beim Senden gefüllt. Eine geänderte WhatsApp-Vorlage muss erneut von Meta freigegeben werden.', variables: 'Variablen', active: 'In Verwendung', approved: 'Von WhatsApp freigegeben', pending: 'Wartet auf Freigabe', subject: 'Betreff', content: 'Text', saved: 'Vorlage gespeichert.' },
};
