import type { MessageCatalog } from '@petfriendly/core';

/** Field texts and error codes of the market watch, translated (English is the text itself). */
export const competitiveIntelErrorMessages: MessageCatalog = {
  es: {
    'must be CIDR ranges like 201.141.0.0/16 or 2806:10a0::/32, one a line': 'deben ser rangos CIDR como 201.141.0.0/16 o 2806:10a0::/32, uno por renglón',
    'must be a coordinate like 20.6736': 'debe ser una coordenada como 20.6736',
    'is out of range': 'está fuera de rango',
    'must be a web address like https://…': 'debe ser una dirección web como https://…',
    'must be zero or more': 'debe ser cero o más',
    'must be in centavos (two decimals)': 'va en centavos (dos decimales)',
    'is too large': 'es demasiado grande',
    'competitive_intel.competitor_not_found': 'No encontramos ese competidor.',
    'competitive_intel.competitor_archived': '{{name}} está archivado: reactívalo para registrar precios.',
    'competitive_intel.service_unknown': 'No existe ese servicio en el catálogo.',
    'competitive_intel.future_price': 'Un precio no se puede observar en el futuro.',
  },
  de: {
    'must be CIDR ranges like 201.141.0.0/16 or 2806:10a0::/32, one a line':
      'müssen CIDR-Bereiche wie 201.141.0.0/16 oder 2806:10a0::/32 sein, einer pro Zeile',
    'must be a coordinate like 20.6736': 'muss eine Koordinate wie 20.6736 sein',
    'is out of range': 'liegt außerhalb des Bereichs',
    'must be a web address like https://…': 'muss eine Webadresse wie https://… sein',
    'must be zero or more': 'muss null oder mehr sein',
    'must be in centavos (two decimals)': 'muss in Centavos angegeben werden (zwei Dezimalstellen)',
    'is too large': 'ist zu groß',
    'competitive_intel.competitor_not_found': 'Diesen Mitbewerber gibt es nicht.',
    'competitive_intel.competitor_archived': '{{name}} ist archiviert: reaktivieren, um Preise zu erfassen.',
    'competitive_intel.service_unknown': 'Diese Leistung gibt es im Katalog nicht.',
    'competitive_intel.future_price': 'Ein Preis kann nicht in der Zukunft beobachtet werden.',
  },
  fr: {
    'must be CIDR ranges like 201.141.0.0/16 or 2806:10a0::/32, one a line':
      'doivent être des plages CIDR comme 201.141.0.0/16 ou 2806:10a0::/32, une par ligne',
    'must be a coordinate like 20.6736': 'doit être une coordonnée comme 20.6736',
    'is out of range': 'est hors limites',
    'must be a web address like https://…': 'doit être une adresse web comme https://…',
    'must be zero or more': 'doit être zéro ou plus',
    'must be in centavos (two decimals)': 'doit être en centavos (deux décimales)',
    'is too large': 'est trop grand',
    'competitive_intel.competitor_not_found': 'Ce concurrent est introuvable.',
    'competitive_intel.competitor_archived': '{{name}} est archivé : réactivez-le pour noter des prix.',
    'competitive_intel.service_unknown': "Ce service n'existe pas dans le catalogue.",
    'competitive_intel.future_price': 'Un prix ne peut pas être observé dans le futur.',
  },
  it: {
    'must be CIDR ranges like 201.141.0.0/16 or 2806:10a0::/32, one a line': 'devono essere intervalli CIDR come 201.141.0.0/16 o 2806:10a0::/32, uno per riga',
    'must be a coordinate like 20.6736': 'deve essere una coordinata come 20.6736',
    'is out of range': 'è fuori intervallo',
    'must be a web address like https://…': 'deve essere un indirizzo web come https://…',
    'must be zero or more': 'deve essere zero o più',
    'must be in centavos (two decimals)': 'deve essere in centavos (due decimali)',
    'is too large': 'è troppo grande',
    'competitive_intel.competitor_not_found': 'Concorrente non trovato.',
    'competitive_intel.competitor_archived': '{{name}} è archiviato: riattivalo per registrare i prezzi.',
    'competitive_intel.service_unknown': 'Questo servizio non esiste nel catalogo.',
    'competitive_intel.future_price': 'Un prezzo non può essere osservato nel futuro.',
  },
};
