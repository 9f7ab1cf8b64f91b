import type { MessageCatalog } from '@petfriendly/core';

/** Field texts and error codes of omnichannel, translated (English is the text itself). */
export const omnichannelErrorMessages: MessageCatalog = {
  es: {
    'omnichannel.unreachable': 'No podemos contactar a esta persona por ningún canal activo.',
    'omnichannel.template_variable': 'Variables desconocidas: {{unknown}}. Disponibles: {{available}}.',
    'omnichannel.unknown_contact': 'Vincula este contacto con un propietario antes de responder.',
    'omnichannel.template_unknown': 'No existe la plantilla «{{template}}» para este canal.',
    'omnichannel.conversation_not_found': 'No encontramos esa conversación.',
    'omnichannel.contact_not_found': 'No encontramos a esa persona.',
    'omnichannel.message_not_found': 'No encontramos ese mensaje.',
    'omnichannel.reminder_not_found': 'No encontramos ese recordatorio.',
    'omnichannel.template_not_found': 'No encontramos esa plantilla.',
  },
  de: {
    'omnichannel.unreachable': 'Diese Person ist über keinen aktiven Kanal erreichbar.',
    'omnichannel.template_variable': 'Unbekannte Variablen: {{unknown}}. Verfügbar: {{available}}.',
    'omnichannel.unknown_contact': 'Verknüpfe diesen Kontakt zuerst mit einem Halter.',
    'omnichannel.template_unknown': 'Die Vorlage „{{template}}“ gibt es für diesen Kanal nicht.',
    'omnichannel.conversation_not_found': 'Dieses Gespräch haben wir nicht gefunden.',
    'omnichannel.contact_not_found': 'Diese Person haben wir nicht gefunden.',
    'omnichannel.message_not_found': 'Diese Nachricht haben wir nicht gefunden.',
    'omnichannel.reminder_not_found': 'Diese Erinnerung haben wir nicht gefunden.',
    'omnichannel.template_not_found': 'Diese Vorlage haben wir nicht gefunden.',
  },
  fr: {
    'omnichannel.unreachable': 'Impossible de joindre cette personne sur un canal actif.',
    'omnichannel.template_variable': 'Variables inconnues : {{unknown}}. Disponibles : {{available}}.',
    'omnichannel.unknown_contact': 'Associez d’abord ce contact à un propriétaire.',
    'omnichannel.template_unknown': 'Le modèle « {{template}} » n’existe pas pour ce canal.',
    'omnichannel.conversation_not_found': 'Nous n’avons pas trouvé cette conversation.',
    'omnichannel.contact_not_found': 'Nous n’avons pas trouvé cette personne.',
    'omnichannel.message_not_found': 'Nous n’avons pas trouvé ce message.',
    'omnichannel.reminder_not_found': 'Nous n’avons pas trouvé ce rappel.',
    'omnichannel.template_not_found': 'Nous n’avons pas trouvé ce modèle.',
  },
  it: {
    'omnichannel.unreachable': 'Non possiamo contattare questa persona su nessun canale attivo.',
    'omnichannel.template_variable': 'Variabili sconosciute: {{unknown}}. Disponibili: {{available}}.',
    'omnichannel.unknown_contact': 'Collega prima questo contatto a un proprietario.',
    'omnichannel.template_unknown': 'Il modello «{{template}}» non esiste per questo canale.',
    'omnichannel.conversation_not_found': 'Non abbiamo trovato questa conversazione.',
    'omnichannel.contact_not_found': 'Non abbiamo trovato questa persona.',
    'omnichannel.message_not_found': 'Non abbiamo trovato questo messaggio.',
    'omnichannel.reminder_not_found': 'Non abbiamo trovato questo promemoria.',
    'omnichannel.template_not_found': 'Non abbiamo trovato questo modello.',
  },
};
