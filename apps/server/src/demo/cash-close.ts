import { type Actor, addLocalDays, clinicInstant, type LocalDate, money, type Platform, runAsOf } from '@petfriendly/core';
import { dayOfWeek } from './random';

/** Notes and coins for an amount, largest first (what the drawer would hold). */
function piecesOf(amount: string): Record<string, number> {
  const pieces: Record<string, number> = {};
  let left = money(amount);
  for (const face of ['500', '200', '100', '50', '20', '10', '5', '2', '1', '0.50']) {
    const n = left.div(face).floor().toNumber();
    if (n > 0) pieces[face] = n;
    left = left.minus(money(face).times(n));
  }
  return pieces;
}

/**
 * The last three working days' drawer closes through the cash-close service, as of each evening: the
 * opening float, a bank deposit, the count per note and coin with the terminal's total. The first two
 * were approved by the manager (one 50 pesos short, with its reason); yesterday's waits for approval.
 */
export async function seedCashClose(platform: Platform, today: LocalDate, staff: { desk: Actor; manager: Actor }) {
  const { cashClose } = platform.services['cash-close'];
  const tz = platform.ctx.clinic.TIME_ZONE;
  // The day totals come from the payments' events.
  await platform.ctx.events.dispatch();
  const days: LocalDate[] = [];
  for (let day = addLocalDays(today, -1); days.length < 3; day = addLocalDays(day, -1)) if (dayOfWeek(day) !== 0) days.unshift(day);
  for (const [i, day] of days.entries()) {
    await runAsOf(clinicInstant(day, '08:45', tz), () =>
      cashClose.recordMovement(staff.desk, { day, kind: 'float', amount: '1500.00', note: 'Fondo de caja' }),
    );
    const figures = await runAsOf(clinicInstant(day, '20:10', tz), async () => {
      const before = await cashClose.getDay(staff.desk, day);
      const deposit = money(before.expectedCash).minus('1500').floor();
      if (deposit.gte(1000)) await cashClose.recordMovement(staff.desk, { day, kind: 'deposit', amount: deposit.toFixed(2), note: 'Depósito al banco' });
      return cashClose.getDay(staff.desk, day);
    });
    const short = i === 1;
    await runAsOf(clinicInstant(day, '20:30', tz), () =>
      cashClose.count(staff.desk, {
        day,
        denominations: piecesOf(short ? money(figures.expectedCash).minus(50).toFixed(2) : figures.expectedCash),
        cardTerminalTotal: figures.expectedCard,
        reason: short ? 'Faltan $50: cambio mal entregado en la tarde.' : '',
      }),
    );
    if (i < days.length - 1) await runAsOf(clinicInstant(day, '21:00', tz), () => cashClose.approve(staff.manager, day));
  }
}
