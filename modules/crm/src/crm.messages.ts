import type { MessageCatalog } from '@petfriendly/core';

/** Field texts and error codes of the CRM, translated (English is the text itself). */
export const crmErrorMessages: MessageCatalog = {
  es: {
    'must be an amount like 1500.00': 'debe ser un importe como 1500.00',
    'must be 1 to 5 digits': 'debe tener de 1 a 5 dígitos',
    'crm.customer_not_found': 'No hay ficha de cliente para ese propietario.',
    'crm.follow_up_not_found': 'No hay un seguimiento pendiente con ese número.',
    'crm.segment_not_found': 'No encontramos ese segmento.',
    'crm.segment_exists': 'Ya existe un segmento con ese nombre.',
  },
  de: {
    'must be an amount like 1500.00': 'muss ein Betrag wie 1500.00 sein',
    'must be 1 to 5 digits': 'muss 1 bis 5 Ziffern haben',
    'crm.customer_not_found': 'Für diese Person gibt es kein Kundenprofil.',
    'crm.follow_up_not_found': 'Es gibt keine offene Wiedervorlage mit dieser Nummer.',
    'crm.segment_not_found': 'Dieses Segment gibt es nicht.',
    'crm.segment_exists': 'Es gibt schon ein Segment mit diesem Namen.',
  },
  fr: {
    'must be an amount like 1500.00': 'doit être un montant comme 1500.00',
    'must be 1 to 5 digits': 'doit avoir de 1 à 5 chiffres',
    'crm.customer_not_found': "Il n'y a pas de fiche client pour ce propriétaire.",
    'crm.follow_up_not_found': "Il n'y a pas de relance en attente avec ce numéro.",
    'crm.segment_not_found': 'Ce segment est introuvable.',
    'crm.segment_exists': 'Un segment porte déjà ce nom.',
  },
  it: {
    'must be an amount like 1500.00': 'deve essere un importo come 1500.00',
    'must be 1 to 5 digits': 'deve avere da 1 a 5 cifre',
    'crm.customer_not_found': 'Non esiste una scheda cliente per questo proprietario.',
    'crm.follow_up_not_found': 'Non esiste un richiamo in sospeso con questo numero.',
    'crm.segment_not_found': 'Segmento non trovato.',
    'crm.segment_exists': 'Esiste già un segmento con questo nome.',
  },
};
