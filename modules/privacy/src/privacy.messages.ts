import type { MessageCatalog } from '@petfriendly/core';

/** Error codes of privacy requests, translated (English is the text itself). */
export const privacyErrorMessages: MessageCatalog = {
  es: {
    'privacy.owners_only': 'Solo un cliente pide sus propios datos.',
    'privacy.request_pending': 'Ya tienes una solicitud de este tipo en trámite.',
    'privacy.request_not_found': 'No hay ninguna solicitud de privacidad con ese número.',
    'privacy.request_answered': 'Esta solicitud ya fue respondida.',
  },
  de: {
    'privacy.owners_only': 'Nur ein Kunde fragt nach seinen eigenen Daten.',
    'privacy.request_pending': 'Sie haben bereits einen offenen Antrag dieser Art.',
    'privacy.request_not_found': 'Es gibt keinen Datenschutzantrag mit dieser Nummer.',
    'privacy.request_answered': 'Dieser Antrag wurde bereits beantwortet.',
  },
  fr: {
    'privacy.owners_only': 'Seul un client demande ses propres données.',
    'privacy.request_pending': 'Vous avez déjà une demande de ce type en cours.',
    'privacy.request_not_found': 'Aucune demande de confidentialité ne porte ce numéro.',
    'privacy.request_answered': 'Cette demande a déjà reçu une réponse.',
  },
  it: {
    'privacy.owners_only': 'Solo un cliente chiede i propri dati.',
    'privacy.request_pending': 'Hai già una richiesta di questo tipo in corso.',
    'privacy.request_not_found': 'Nessuna richiesta sulla privacy con questo numero.',
    'privacy.request_answered': 'Questa richiesta ha già ricevuto risposta.',
  },
};
