import type { MessageCatalog } from '@petfriendly/core';

/** Field texts and error codes of the AI assistant, translated (English is the text itself). */
export const aiAssistantErrorMessages: MessageCatalog = {
  es: {
    'ai_assistant.entry_not_found': 'No encontramos ese artículo de ayuda.',
    'ai_assistant.knowledge_disabled': 'Esta clínica no tiene centro de ayuda.',
    'ai_assistant.slug_taken': 'La dirección «{{slug}}» ya se usa en este idioma.',
    'must be a short code like vaccination': 'debe ser un código corto como vaccination',
    'must be lowercase words joined by hyphens': 'deben ser palabras en minúsculas unidas por guiones',
    'ai_assistant.session_required': 'Un chat de invitado necesita su clave de sesión.',
    'ai_assistant.conversation_not_found': 'No encontramos esa conversación.',
  },
  de: {
    'ai_assistant.entry_not_found': 'Diesen Hilfeartikel haben wir nicht gefunden.',
    'ai_assistant.knowledge_disabled': 'Diese Praxis hat kein Hilfe-Center.',
    'ai_assistant.slug_taken': 'Die Adresse „{{slug}}“ wird in dieser Sprache schon verwendet.',
    'must be a short code like vaccination': 'muss ein kurzer Code wie vaccination sein',
    'must be lowercase words joined by hyphens': 'müssen kleingeschriebene, mit Bindestrich verbundene Wörter sein',
    'ai_assistant.session_required': 'Ein Gast-Chat braucht seinen Sitzungsschlüssel.',
    'ai_assistant.conversation_not_found': 'Dieses Gespräch haben wir nicht gefunden.',
  },
  fr: {
    'ai_assistant.entry_not_found': 'Article d’aide introuvable.',
    'ai_assistant.knowledge_disabled': 'Cette clinique n’a pas de centre d’aide.',
    'ai_assistant.slug_taken': 'L’adresse « {{slug}} » est déjà utilisée dans cette langue.',
    'must be a short code like vaccination': 'doit être un code court comme vaccination',
    'must be lowercase words joined by hyphens': 'doit être des mots en minuscules reliés par des tirets',
    'ai_assistant.session_required': 'Une discussion d’invité a besoin de sa clé de session.',
    'ai_assistant.conversation_not_found': 'Nous n’avons pas trouvé cette conversation.',
  },
  it: {
    'ai_assistant.entry_not_found': 'Articolo di aiuto non trovato.',
    'ai_assistant.knowledge_disabled': 'Questa clinica non ha un centro assistenza.',
    'ai_assistant.slug_taken': 'L’indirizzo «{{slug}}» è già usato in questa lingua.',
    'must be a short code like vaccination': 'deve essere un codice breve come vaccination',
    'must be lowercase words joined by hyphens': 'devono essere parole minuscole unite da trattini',
    'ai_assistant.session_required': 'Una chat ospite ha bisogno della sua chiave di sessione.',
    'ai_assistant.conversation_not_found': 'Non abbiamo trovato questa conversazione.',
  },
};
