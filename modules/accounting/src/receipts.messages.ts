import type { MessageCatalog } from '@petfriendly/core';

/** Error codes of purchase-receipt matching, translated (English is the text itself). */
export const receiptErrorMessages: MessageCatalog = {
  es: {
    'accounting.bill_line_not_found': 'La factura no tiene ese renglón.',
    'accounting.match_line_account': 'Solo un renglón cargado a mercancía recibida por facturar ({{code}}) se concilia con una entrada.',
    'accounting.receipt_not_found': 'No encontramos esa entrada de mercancía.',
    'accounting.receipt_other_supplier': 'Esa entrada es del proveedor con RFC {{rfc}}, no del de esta factura.',
    'accounting.receipt_already_matched': 'Esa entrada ya está conciliada con la factura {{billId}}.',
    'accounting.bill_line_already_matched': 'Ese renglón de la factura ya está conciliado con una entrada.',
  },
  de: {
    'accounting.bill_line_not_found': 'Die Rechnung hat diese Zeile nicht.',
    'accounting.match_line_account': 'Nur eine Zeile auf „Wareneingang, nicht fakturiert“ ({{code}}) wird einem Wareneingang zugeordnet.',
    'accounting.receipt_not_found': 'Diesen Wareneingang finden wir nicht.',
    'accounting.receipt_other_supplier': 'Dieser Wareneingang stammt vom Lieferanten mit RFC {{rfc}}, nicht von dem dieser Rechnung.',
    'accounting.receipt_already_matched': 'Dieser Wareneingang ist bereits der Rechnung {{billId}} zugeordnet.',
    'accounting.bill_line_already_matched': 'Diese Rechnungszeile ist bereits einem Wareneingang zugeordnet.',
  },
  fr: {
    'accounting.bill_line_not_found': "La facture n'a pas cette ligne.",
    'accounting.match_line_account': 'Seule une ligne imputée aux marchandises reçues non facturées ({{code}}) se rapproche d’une réception.',
    'accounting.receipt_not_found': 'Nous ne trouvons pas cette réception.',
    'accounting.receipt_other_supplier': 'Cette réception vient du fournisseur au RFC {{rfc}}, pas de celui de cette facture.',
    'accounting.receipt_already_matched': 'Cette réception est déjà rapprochée de la facture {{billId}}.',
    'accounting.bill_line_already_matched': 'Cette ligne de la facture est déjà rapprochée d’une réception.',
  },
  it: {
    'accounting.bill_line_not_found': 'La fattura non ha questa riga.',
    'accounting.match_line_account': 'Solo una riga sulla merce ricevuta da fatturare ({{code}}) si abbina a un ricevimento.',
    'accounting.receipt_not_found': 'Non troviamo questo ricevimento.',
    'accounting.receipt_other_supplier': 'Questo ricevimento è del fornitore con RFC {{rfc}}, non di quello della fattura.',
    'accounting.receipt_already_matched': 'Questo ricevimento è già abbinato alla fattura {{billId}}.',
    'accounting.bill_line_already_matched': 'Questa riga della fattura è già abbinata a un ricevimento.',
  },
};
