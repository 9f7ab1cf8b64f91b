import type { ModuleContext } from '@petfriendly/core';

/** Countries' names in Spanish, for a foreign supplier's nationality. */
const REGION_NAMES = new Intl.DisplayNames(['es'], { type: 'region' });

import { and, gte, lte, sql } from 'drizzle-orm';
import countries from 'i18n-iso-countries';
import type { DiotPayment, DiotSource } from './diot';
import { firstDay, lastDay } from './month';
import { billPayments, bills, vendors } from './payables.tables';

const pesos = (cents: number | string) => (Number(cents) / 100).toFixed(2);

/** The DIOT's input: each supplier's payments in the month (cash-basis IVA), summed from the paid bills' shares. */
export function createDiotSource(ctx: ModuleContext): DiotSource {
  return {
    async paymentsIn(year, month) {
      const first = firstDay(year, month);
      const last = lastDay(year, month);
      const sum = (column: typeof billPayments.base16Cents) => sql<string>`sum(${column})`;
      const rows = await ctx.db
        .select({
          name: vendors.name,
          rfc: vendors.rfc,
          thirdPartyType: vendors.thirdPartyType,
          operationType: vendors.operationType,
          foreignTaxId: vendors.foreignTaxId,
          country: vendors.country,
          base16: sum(billPayments.base16Cents),
          base8: sum(billPayments.base8Cents),
          base0: sum(billPayments.base0Cents),
          exempt: sum(billPayments.exemptCents),
          iva: sql<string>`sum(${billPayments.iva16Cents} + ${billPayments.iva8Cents})`,
          ivaWithheld: sum(billPayments.ivaWithheldCents),
        })
        .from(billPayments)
        .innerJoin(bills, sql`${bills.id} = ${billPayments.billId}`)
        .innerJoin(vendors, sql`${vendors.id} = ${bills.vendorId}`)
        .where(and(gte(billPayments.paidOn, first), lte(billPayments.paidOn, last)))
        .groupBy(vendors.id)
        .orderBy(vendors.name);
      return rows.map((r): DiotPayment => {
        const alpha2 = r.country ? (countries.alpha3ToAlpha2(r.country) ?? r.country.slice(0, 2)) : 'ZZ';
        const foreign = r.thirdPartyType === '05';
        return {
          tipoTercero: r.thirdPartyType,
          tipoOperacion: r.operationType,
          rfc: foreign ? null : r.rfc,
          foreign: foreign
            ? {
                taxId: r.foreignTaxId ?? r.rfc,
                name: r.name.slice(0, 43),
                country: alpha2,
                nationality: REGION_NAMES.of(alpha2) ?? alpha2,
              }
            : null,
          base16: pesos(r.base16),
          base8: pesos(r.base8),
          base0: pesos(r.base0),
          exempt: pesos(r.exempt),
          ivaPaid: pesos(r.iva),
          ivaWithheld: pesos(r.ivaWithheld),
        };
      });
    },
  };
}
