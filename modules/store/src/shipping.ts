import { money, type PricedLine, roundMoney, type TaxRates, taxTreatment } from '@petfriendly/core';
import type Decimal from 'decimal.js';
import type { StoreSettings } from './store.settings';

/** Home delivery as an invoice line: a service at the general IVA rate. */
export const SHIPPING = { description: 'Envío a domicilio', taxClass: 'iva16', satProductCode: '78102200', satUnitCode: 'E48' } as const;

/** What delivery costs (IVA included): the flat rate, free from FREE_SHIPPING_OVER and for pickup. */
export function shippingFor(settings: StoreSettings, fulfilment: 'pickup' | 'delivery', productsTotal: Decimal, hasLines: boolean): Decimal {
  return fulfilment === 'delivery' && hasLines && productsTotal.lessThan(settings.FREE_SHIPPING_OVER) ? roundMoney(settings.SHIPPING_FLAT_RATE) : money(0);
}

/** The lines with delivery added (a coupon never discounts it). */
export function withShipping(lines: PricedLine[], shipping: Decimal, rates: TaxRates): PricedLine[] {
  return shipping.isZero() ? lines : [...lines, { quantity: 1, unitPrice: shipping, tax: taxTreatment(SHIPPING.taxClass, rates), discountable: false }];
}
