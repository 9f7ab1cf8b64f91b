import type { MessageCatalog } from '@petfriendly/core';

/** Field texts and error codes of the cash close, translated (English is the text itself). */
export const cashCloseErrorMessages: MessageCatalog = {
  es: {
    'must be zero or more': 'debe ser cero o más',
    'must be in centavos (two decimals)': 'va en centavos (dos decimales)',
    'is too large': 'es demasiado grande',
    'must be a whole number': 'debe ser un número entero',
    'must be more than zero': 'debe ser mayor que cero',
    'cash_close.reason_required': 'Explica por qué el conteo no coincide con lo esperado.',
    'cash_close.already_approved': 'El corte del {{day}} ya está aprobado: no se puede cambiar.',
    'cash_close.not_counted': 'La caja del {{day}} aún no se ha contado.',
    'cash_close.changed_since_count': 'Entró o salió dinero después del conteo: vuelve a contar la caja.',
  },
  de: {
    'must be zero or more': 'muss null oder mehr sein',
    'must be in centavos (two decimals)': 'muss in Centavos angegeben werden (zwei Dezimalstellen)',
    'is too large': 'ist zu groß',
    'must be a whole number': 'muss eine ganze Zahl sein',
    'must be more than zero': 'muss größer als null sein',
    'cash_close.reason_required': 'Geben Sie an, warum die Zählung vom Erwarteten abweicht.',
    'cash_close.already_approved': 'Der Kassenabschluss vom {{day}} ist genehmigt und kann nicht mehr geändert werden.',
    'cash_close.not_counted': 'Die Kasse vom {{day}} wurde noch nicht gezählt.',
    'cash_close.changed_since_count': 'Nach der Zählung kam Geld hinzu oder ging hinaus: bitte die Kasse neu zählen.',
  },
  fr: {
    'must be zero or more': 'doit être zéro ou plus',
    'must be in centavos (two decimals)': 'doit être en centavos (deux décimales)',
    'is too large': 'est trop grand',
    'must be a whole number': 'doit être un nombre entier',
    'must be more than zero': 'doit être supérieur à zéro',
    'cash_close.reason_required': 'Indiquez pourquoi le comptage diffère de l’attendu.',
    'cash_close.already_approved': 'La clôture du {{day}} est approuvée : elle ne peut plus changer.',
    'cash_close.not_counted': 'La caisse du {{day}} n’a pas encore été comptée.',
    'cash_close.changed_since_count': 'De l’argent est entré ou sorti après le comptage : recomptez la caisse.',
  },
  it: {
    'must be zero or more': 'deve essere zero o più',
    'must be in centavos (two decimals)': 'deve essere in centavos (due decimali)',
    'is too large': 'è troppo grande',
    'must be a whole number': 'deve essere un numero intero',
    'must be more than zero': 'deve essere maggiore di zero',
    'cash_close.reason_required': 'Spiega perché il conteggio non coincide con quanto atteso.',
    'cash_close.already_approved': 'La chiusura del {{day}} è approvata: non si può più modificare.',
    'cash_close.not_counted': 'La cassa del {{day}} non è ancora stata contata.',
    'cash_close.changed_since_count': 'Sono entrati o usciti soldi dopo il conteggio: ricontare la cassa.',
  },
};
