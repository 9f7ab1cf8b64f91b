import type { MessageCatalog } from '@petfriendly/core';

/** Field texts and error codes of the multilingual module, translated (English is the text itself). */
export const multilingualErrorMessages: MessageCatalog = {
  es: {
    'multilingual.translator_unavailable': 'La traducción automática no está disponible ahora; inténtalo más tarde.',
    'multilingual.same_language': 'El idioma de destino es el mismo del texto original.',
    'must be a language code like es or pt-BR': 'debe ser un código de idioma como es o pt-BR',
    'must be a content type like store.product': 'debe ser un tipo de contenido como store.product',
    'must be a field name like description': 'debe ser un nombre de campo como description',
    'multilingual.language_unknown': 'El idioma «{{language}}» no está activo.',
    'multilingual.language_exists': 'El idioma «{{code}}» ya existe.',
    'multilingual.translation_not_found': 'No encontramos esa traducción.',
  },
  de: {
    'multilingual.translator_unavailable': 'Die maschinelle Übersetzung ist gerade nicht verfügbar; versuche es später.',
    'multilingual.same_language': 'Die Zielsprache ist die Sprache des Originals.',
    'must be a language code like es or pt-BR': 'muss ein Sprachcode wie es oder pt-BR sein',
    'must be a content type like store.product': 'muss ein Inhaltstyp wie store.product sein',
    'must be a field name like description': 'muss ein Feldname wie description sein',
    'multilingual.language_unknown': 'Die Sprache „{{language}}“ ist nicht aktiv.',
    'multilingual.language_exists': 'Die Sprache „{{code}}“ gibt es schon.',
    'multilingual.translation_not_found': 'Diese Übersetzung haben wir nicht gefunden.',
  },
  fr: {
    'multilingual.translator_unavailable': 'La traduction automatique n’est pas disponible pour le moment ; réessayez plus tard.',
    'multilingual.same_language': 'La langue cible est celle du texte d’origine.',
    'must be a language code like es or pt-BR': 'doit être un code de langue comme es ou pt-BR',
    'must be a content type like store.product': 'doit être un type de contenu comme store.product',
    'must be a field name like description': 'doit être un nom de champ comme description',
    'multilingual.language_unknown': 'La langue « {{language}} » n’est pas active.',
    'multilingual.language_exists': 'La langue « {{code}} » existe déjà.',
    'multilingual.translation_not_found': 'Traduction introuvable.',
  },
  it: {
    'multilingual.translator_unavailable': 'La traduzione automatica non è disponibile ora; riprova più tardi.',
    'multilingual.same_language': 'La lingua di destinazione è quella del testo originale.',
    'must be a language code like es or pt-BR': 'deve essere un codice lingua come es o pt-BR',
    'must be a content type like store.product': 'deve essere un tipo di contenuto come store.product',
    'must be a field name like description': 'deve essere un nome di campo come description',
    'multilingual.language_unknown': 'La lingua «{{language}}» non è attiva.',
    'multilingual.language_exists': 'La lingua «{{code}}» esiste già.',
    'multilingual.translation_not_found': 'Traduzione non trovata.',
  },
};
