import type { es } from './es';

export const fr: typeof es = {
  nav: { inbox: 'Messages', preferences: 'Notifications' },
  channels: { email: 'E-mail', sms: 'SMS', whatsapp: 'WhatsApp' },
  status: { active: 'Active', waiting: 'En attente de réponse', resolved: 'Résolue', escalated: 'Escaladée' },
  priority: { low: 'Basse', normal: 'Normale', high: 'Haute', urgent: 'Urgente' },
  messageStatus: { pending: 'En file d’attente', sent: 'Envoyé', delivered: 'Distribué', read: 'Lu', failed: 'Échec', received: 'Reçu' },
  inbox: {
    title: 'Boîte de réception', all: 'Toutes', mine: 'Les miennes', unassigned: 'Non attribuées', none: 'Aucune conversation.', unread: 'Non lus : {{count}}',
    reply: 'Répondre', send: 'Envoyer', replied: 'Réponse envoyée.', assignToMe: 'Prendre en charge', release: 'Libérer', resolve: 'Résoudre', escalate: 'Escalader', reopen: 'Rouvrir', updated: 'Conversation mise à jour.',
    unknownContact: 'Contact sans propriétaire enregistré', assignedTo: 'Suivi par', outbox: 'Voir les messages du prestataire local', assistant: 'Assistant', system: 'Système',
  },
  prefs: { title: 'Comment recevoir nos notifications', preferredChannel: 'Canal préféré', emailEnabled: 'E-mail', smsEnabled: 'SMS', whatsappEnabled: 'WhatsApp', remindersEnabled: 'Rappels de rendez-vous et de vaccins', marketingEnabled: 'Offres et actualités', saved: 'Préférences enregistrées.' },
  templates: { title: 'Modèles de messages', help: 'Les variables entre accolades sont remplies à l’envoi. Modifier un modèle WhatsApp le renvoie en validation chez Meta.', variables: 'Variables', active: 'Utilisé', approved: 'Approuvé par WhatsApp', pending: 'En attente d’approbation', subject: 'Objet', content: 'Texte', saved: 'Modèle enregistré.' },
};
