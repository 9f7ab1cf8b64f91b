import type { es } from './es';

export const it: typeof es = {
  nav: { inbox: 'Messaggi', preferences: 'Notifiche' },
  channels: { email: 'E-mail', sms: 'SMS', whatsapp: 'WhatsApp' },
  status: { active: 'Attiva', waiting: 'Da rispondere', resolved: 'Risolta', escalated: 'Inoltrata' },
  priority: { low: 'Bassa', normal: 'Normale', high: 'Alta', urgent: 'Urgente' },
  messageStatus: { pending: 'In coda', sent: 'Inviato', delivered: 'Consegnato', read: 'Letto', failed: 'Non riuscito', received: 'Ricevuto' },
  inbox: {
    title: 'Posta in arrivo', all: 'Tutte', mine: 'Mie', unassigned: 'Non assegnate', none: 'Nessuna conversazione.', unread: '{{count}} da leggere',
    reply: 'Rispondi', send: 'Invia', replied: 'Risposta inviata.', assignToMe: 'Prendi in carico', release: 'Rilascia', resolve: 'Risolvi', escalate: 'Inoltra', reopen: 'Riapri', updated: 'Conversazione aggiornata.',
    unknownContact: 'Contatto senza proprietario registrato', assignedTo: 'In carico a', outbox: 'Vedi i messaggi del provider locale', assistant: 'Assistente', system: 'Sistema',
  },
  prefs: { title: 'Come vuoi ricevere gli avvisi', preferredChannel: 'Canale preferito', emailEnabled: 'E-mail', smsEnabled: 'SMS', whatsappEnabled: 'WhatsApp', remindersEnabled: 'Promemoria di appuntamenti e vaccini', marketingEnabled: 'Offerte e novità', saved: 'Preferenze salvate.' },
  templates: { title: 'Modelli di messaggio', help: 'Le variabili tra parentesi si riempiono all’invio. Modificare un modello WhatsApp lo rimanda all’approvazione di Meta.', variables: 'Variabili', active: 'In uso', approved: 'Approvato da WhatsApp', pending: 'In attesa di approvazione', subject: 'Oggetto', content: 'Testo', saved: 'Modello salvato.' },
};
