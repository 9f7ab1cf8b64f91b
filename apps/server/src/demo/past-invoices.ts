import { type Actor, addLocalDays, clinicInstant, type LocalDate, money, type Platform, runAsOf } from '@petfriendly/core';
import type { PastAppointment } from './past-appointments';
import type { Rng } from './random';

/** How the front desk was paid: cash, the card terminal (debit or credit), a bank transfer. */
function paymentOf(rng: Rng, amount: string) {
  const roll = rng.float(0, 1);
  if (roll < 0.45) return { amount, method: 'cash' as const };
  if (roll < 0.85)
    return {
      amount,
      method: 'manual_card' as const,
      cardType: rng.chance(0.6) ? ('debit' as const) : ('credit' as const),
      referenceNumber: `TPV ${rng.digits(6)}`,
    };
  return { amount, method: 'transfer' as const, referenceNumber: `SPEI ${rng.digits(8)}` };
}

/**
 * The front desk's past: about `recentShare` of the completed appointments of the last year and
 * `olderShare` of the older ones invoiced through the billing services as of the visit's end, and paid
 * there (cash, card, transfer). A few pay half and settle weeks later, a few of the last weeks still
 * owe, and a couple were refunded and cancelled the next day. Returns how many invoices were made.
 */
export async function seedPastInvoices(
  platform: Platform,
  rng: Rng,
  today: LocalDate,
  done: PastAppointment[],
  staff: { desk: Actor; manager: Actor },
  shares: { recent: number; older: number },
): Promise<number> {
  const billing = platform.services.billing;
  const { desk, manager } = staff;
  const tz = platform.ctx.clinic.TIME_ZONE;
  const yearAgo = addLocalDays(today, -365);
  const recentlyOpen = addLocalDays(today, -45);
  const chosen = done.filter((a) => a.day < today && rng.chance(a.day >= yearAgo ? shares.recent : shares.older));
  /** Settlements and refunds that happen later, run in date order after the day's invoices. */
  const later: { at: Date; run: () => Promise<unknown> }[] = [];
  const now = platform.ctx.clock.now();
  let refunds = 0;
  for (const appointment of chosen) {
    const at = new Date(appointment.endsAt.getTime() + rng.int(5, 20) * 60_000);
    while (later.length > 0 && later[0]!.at <= at) {
      const next = later.shift()!;
      await runAsOf(next.at, next.run);
    }
    await runAsOf(at, async () => {
      const invoice = await billing.invoices.createFromAppointment(desk, appointment.id);
      const roll = rng.float(0, 1);
      if (appointment.day >= recentlyOpen && roll < 0.08) {
        // Still owed: issued and unpaid, or half paid.
        if (roll < 0.04) await billing.invoices.issueInvoice(desk, invoice.id);
        else await billing.payments.recordPayment(desk, invoice.id, paymentOf(rng, money(invoice.total).div(2).toFixed(2)));
        return;
      }
      if (roll < 0.05) {
        // Half now, the rest a few weeks later.
        const half = money(invoice.total).div(2).toFixed(2);
        await billing.payments.recordPayment(desk, invoice.id, paymentOf(rng, half));
        const settle = clinicInstant(addLocalDays(appointment.day, rng.int(10, 30)), '12:30', tz);
        if (settle < now)
          later.push({ at: settle, run: () => billing.payments.recordPayment(desk, invoice.id, paymentOf(rng, money(invoice.total).minus(half).toFixed(2))) });
        return;
      }
      const payment = await billing.payments.recordPayment(desk, invoice.id, paymentOf(rng, invoice.total));
      if (refunds < 3 && appointment.day < recentlyOpen && rng.chance(0.01)) {
        refunds++;
        later.push({
          at: clinicInstant(addLocalDays(appointment.day, 1), '10:15', tz),
          run: async () => {
            await billing.payments.refundPayment(manager, payment.id, { amount: payment.amount, reason: 'Cobro duplicado; se devuelve completo.' });
            await billing.invoices.cancelInvoice(desk, invoice.id, { motive: '02' });
          },
        });
      }
    });
    later.sort((a, b) => a.at.getTime() - b.at.getTime());
  }
  for (const next of later) await runAsOf(next.at, next.run);
  return chosen.length;
}
