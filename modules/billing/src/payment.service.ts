import {
  type Actor,
  ConflictError,
  discountValue,
  localDate,
  type ModuleContext,
  money,
  NotFoundError,
  parseInput,
  requireStaff,
  roundMoney,
  type Tx,
  ValidationError,
} from '@petfriendly/core';
import type { StoreBillingPort } from '@petfriendly/store';
import type Decimal from 'decimal.js';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { invoiceDiscounted, invoicePaid, paymentReceived, paymentRefunded } from './billing.events';
import { paymentSchema, refundSchema } from './billing.schemas';
import type { BillingSettings } from './billing.settings';
import { accountCredits, cardIntents, invoices, type PaymentMethod, payments, webhookEvents } from './billing.tables';
import { balanceOf, type Invoice, type InvoiceService, invoiceRef, statusAfterPayment } from './invoice.service';
import type { CardGateway } from './payments/gateways/index';

export type Payment = typeof payments.$inferSelect;

/** What can still be refunded of each payment of an invoice: its amount less its refunds (refunds are negative rows). */
export function refundableAmounts(list: readonly Pick<Payment, 'id' | 'amount' | 'refundOf'>[]): Map<number, Decimal> {
  const refundable = new Map(list.filter((p) => p.refundOf === null).map((p) => [p.id, money(p.amount)]));
  for (const p of list) if (p.refundOf !== null && refundable.has(p.refundOf)) refundable.set(p.refundOf, refundable.get(p.refundOf)!.plus(p.amount));
  return refundable;
}

/** How the books name a payment method. */
const METHOD_OF = {
  cash: 'cash',
  manual_card: 'card_terminal',
  stripe_card: 'card_online',
  transfer: 'transfer',
  account_credit: 'account_credit',
} as const satisfies Record<PaymentMethod, string>;
/** Methods that cost the clinic nothing; a card's fee is the processor's, unknown until it reports it. */
const FEE_FREE: readonly PaymentMethod[] = ['cash', 'transfer', 'account_credit'];

interface Money {
  amount: Decimal;
  method: PaymentMethod;
  cardType?: 'debit' | 'credit' | null;
  referenceNumber?: string;
  notes?: string;
  stripePaymentIntent?: string | null;
  stripeChargeId?: string | null;
  cashDiscountApplied?: Decimal;
  idempotencyKey?: string | null;
  by: string | null;
}

/**
 * PaymentService: cash (with the clinic's cash discount), card at the terminal, card online through the
 * gateway (Stripe, or the local one in the embedded default), account credit, partial payments and
 * refunds. Every path ends in `apply`, under the invoice's row lock; a payment arriving twice (the same
 * idempotency key, the same PaymentIntent, the same webhook event) is recorded once.
 */
export function createPaymentService(
  ctx: ModuleContext,
  invoiceService: InvoiceService,
  store: StoreBillingPort,
  gateway: CardGateway,
  settings: BillingSettings,
) {
  const { db, clock, events } = ctx;
  const today = () => localDate(clock.now(), ctx.clinic.TIME_ZONE);

  async function lockInvoice(tx: Tx, invoiceId: number): Promise<Invoice> {
    const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId)).for('update');
    if (!invoice) throw new NotFoundError('billing.invoice_not_found', `Invoice ${invoiceId} not found.`);
    if (invoice.status === 'cancelled') throw new ConflictError('billing.invoice_cancelled', `Invoice ${invoice.invoiceNumber} is cancelled.`);
    return invoice;
  }

  async function creditBalanceIn(reader: Pick<Tx, 'select'>, ownerId: string): Promise<Decimal> {
    const [row] = await reader
      .select({ total: sql<string>`coalesce(sum(${accountCredits.amount}), 0)` })
      .from(accountCredits)
      .where(eq(accountCredits.ownerId, ownerId));
    return money(row?.total ?? 0);
  }

  /** Records money against a locked invoice: amount paid, status, events; the order is marked paid when the invoice is. */
  async function apply(tx: Tx, invoice: Invoice, m: Money): Promise<Payment> {
    const balance = money(balanceOf(invoice));
    if (balance.lte(0)) throw new ConflictError('billing.already_paid', `Invoice ${invoice.invoiceNumber} is already paid.`);
    if (m.amount.gt(balance)) {
      throw ValidationError.forField('billing.overpayment', 'amount', `The balance is ${balance.toFixed(2)}.`, { balance: balance.toFixed(2) });
    }
    if (m.method === 'account_credit') {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`credit:${invoice.ownerId}`}))`);
      const available = await creditBalanceIn(tx, invoice.ownerId!);
      if (available.lt(m.amount))
        throw ValidationError.forField('billing.not_enough_credit', 'amount', `The account credit is ${available.toFixed(2)}.`, {
          credit: available.toFixed(2),
        });
    }
    const [payment] = await tx
      .insert(payments)
      .values({
        invoiceId: invoice.id,
        amount: m.amount.toFixed(2),
        paymentMethod: m.method,
        cardType: m.method === 'manual_card' ? (m.cardType ?? null) : null,
        referenceNumber: m.referenceNumber ?? '',
        notes: m.notes ?? '',
        stripePaymentIntent: m.stripePaymentIntent ?? null,
        stripeChargeId: m.stripeChargeId ?? null,
        cashDiscountApplied: (m.cashDiscountApplied ?? money(0)).toFixed(2),
        idempotencyKey: m.idempotencyKey ?? null,
        recordedBy: m.by,
        createdAt: clock.now(),
      })
      .returning();
    if (m.method === 'account_credit') {
      await tx.insert(accountCredits).values({
        ownerId: invoice.ownerId!,
        amount: m.amount.negated().toFixed(2),
        reason: `Pago de ${invoice.invoiceNumber}`,
        paymentId: payment!.id,
        createdBy: m.by,
      });
    }
    const paid = money(invoice.amountPaid).plus(m.amount).toFixed(2);
    const status = statusAfterPayment(invoice, paid, invoice.total, invoiceService.today());
    const [row] = await tx
      .update(invoices)
      .set({ amountPaid: paid, status, paidAt: status === 'paid' ? clock.now() : null, version: sql`${invoices.version} + 1` })
      .where(eq(invoices.id, invoice.id))
      .returning();
    await events.emit(tx, paymentReceived, {
      ...invoiceRef(row!),
      paymentId: payment!.id,
      amount: payment!.amount,
      currency: 'MXN',
      method: METHOD_OF[m.method],
      cardType: payment!.cardType,
      fee: FEE_FREE.includes(m.method) ? '0.00' : null,
      balance: balanceOf(row!),
      date: today(),
    });
    if (status === 'paid') {
      await events.emit(tx, invoicePaid, { ...invoiceRef(row!), orderId: row!.orderId });
      if (row!.orderId) await store.orders.markPaid(tx, row!.orderId);
    }
    return payment!;
  }

  /** At the desk: cash, card at the terminal, transfer or account credit. A draft is issued on its first payment. */
  async function recordPayment(actor: Actor, invoiceId: number, input: unknown): Promise<Payment> {
    const staff = requireStaff(actor);
    const data = parseInput(paymentSchema, input);
    if (data.idempotencyKey) {
      const [seen] = await db.select().from(payments).where(eq(payments.idempotencyKey, data.idempotencyKey));
      if (seen) return sameOrConflict(seen, invoiceId, data.amount);
    }
    try {
      return await db.transaction(async (tx) => {
        const locked = await lockInvoice(tx, invoiceId);
        let invoice = locked;
        const issuing = invoice.status === 'draft';
        if (issuing) invoice = await invoiceService.issueIn(tx, invoice);
        let amount = money(data.amount);
        let cashDiscount = money(0);
        if (data.applyCashDiscount && data.method === 'cash' && settings.CASH_DISCOUNT_PERCENT > 0) {
          if (money(invoice.amountPaid).gt(0) || invoice.cfdiStatus !== 'none') {
            throw ValidationError.forField(
              'billing.cash_discount_whole',
              'applyCashDiscount',
              'The cash discount applies only when the whole invoice is paid in cash before its CFDI.',
            );
          }
          const before = money(invoice.total);
          const previous = issuing ? null : await invoiceService.breakdown(tx, invoice);
          cashDiscount = discountValue('percent', settings.CASH_DISCOUNT_PERCENT, invoice.total);
          await tx
            .update(invoices)
            .set({ extraDiscount: money(invoice.extraDiscount).plus(cashDiscount).toFixed(2) })
            .where(eq(invoices.id, invoice.id));
          invoice = await invoiceService.reprice(tx, invoice.id);
          if (amount.gte(before) || amount.gt(invoice.total)) amount = money(invoice.total);
          // Already announced at its old amounts: the books hear what changed.
          if (previous)
            await events.emit(tx, invoiceDiscounted, {
              ...invoiceRef(invoice),
              cashDiscount: cashDiscount.toFixed(2),
              previous,
              breakdown: await invoiceService.breakdown(tx, invoice),
            });
        }
        if (issuing) await invoiceService.announceIssued(tx, invoice, { paidNow: amount });
        // Cash handed over beyond the balance is change, not a payment.
        const balance = money(balanceOf(invoice));
        const change = data.method === 'cash' && amount.gt(balance) ? amount.minus(balance) : money(0);
        const payment = await apply(tx, invoice, {
          amount: amount.minus(change),
          method: data.method,
          cardType: data.cardType,
          referenceNumber: data.referenceNumber,
          notes: change.gt(0) ? `${data.notes} (cambio ${change.toFixed(2)})`.trim() : data.notes,
          cashDiscountApplied: cashDiscount,
          idempotencyKey: data.idempotencyKey,
          by: staff.userId,
        });
        await invoiceService.audit(tx, staff, 'update', locked, invoiceId);
        return payment;
      });
    } catch (error) {
      // Two requests with one key racing: the loser reads what the winner recorded.
      if (data.idempotencyKey && String((error as { cause?: { constraint?: string } }).cause?.constraint ?? '').includes('idempotency')) {
        const [seen] = await db.select().from(payments).where(eq(payments.idempotencyKey, data.idempotencyKey));
        if (seen) return sameOrConflict(seen, invoiceId, data.amount);
      }
      throw error;
    }
  }

  function sameOrConflict(seen: Payment, invoiceId: number, amount: string): Payment {
    if (seen.invoiceId !== invoiceId || !money(seen.amount).eq(amount)) {
      throw new ConflictError('billing.idempotency_key_reused', 'This payment key was already used for a different payment.');
    }
    return seen;
  }

  /**
   * Card online: a PaymentIntent for the balance (reused while it is open and the balance unchanged).
   * The owner pays in the browser with Stripe.js; the webhook records the payment.
   */
  async function startCardPayment(actor: Actor, invoiceId: number) {
    const invoice = await invoiceService.getInvoice(actor, invoiceId);
    if (invoice.status === 'cancelled' || invoice.status === 'draft')
      throw new ConflictError('billing.not_payable', `Invoice ${invoice.invoiceNumber} cannot be paid now.`);
    const balance = money(invoice.balance);
    if (balance.lte(0)) throw new ConflictError('billing.already_paid', `Invoice ${invoice.invoiceNumber} is already paid.`);
    const [open] = await db
      .select()
      .from(cardIntents)
      .where(
        and(
          eq(cardIntents.invoiceId, invoiceId),
          eq(cardIntents.amount, balance.toFixed(2)),
          eq(cardIntents.gateway, gateway.name),
          sql`${cardIntents.status} not in ('succeeded', 'canceled')`,
        ),
      )
      .orderBy(desc(cardIntents.id))
      .limit(1);
    if (open)
      return {
        intentId: open.intentId,
        clientSecret: open.clientSecret,
        amount: open.amount,
        gateway: gateway.name,
        publishableKey: gateway.publishableKey,
        invoice,
      };
    const attempts = (await db.select({ id: cardIntents.id }).from(cardIntents).where(eq(cardIntents.invoiceId, invoiceId))).length;
    const intent = await gateway.createIntent({
      amount: balance,
      currency: 'MXN',
      description: `Pet-Friendly ${invoice.invoiceNumber}`,
      metadata: { invoiceId: String(invoice.id), invoiceNumber: invoice.invoiceNumber },
      idempotencyKey: `invoice-${invoice.id}-${balance.toFixed(2)}-${attempts}`,
    });
    await db.insert(cardIntents).values({
      invoiceId,
      gateway: gateway.name,
      intentId: intent.id,
      clientSecret: intent.clientSecret,
      amount: balance.toFixed(2),
      status: intent.status,
      createdAt: clock.now(),
    });
    return {
      intentId: intent.id,
      clientSecret: intent.clientSecret,
      amount: balance.toFixed(2),
      gateway: gateway.name,
      publishableKey: gateway.publishableKey,
      invoice,
    };
  }

  /** A card payment that succeeded: recorded once per PaymentIntent, whoever reports it first. */
  async function settleIntent(tx: Tx, intentId: string, amount: Decimal, chargeId: string | null): Promise<Payment | null> {
    const [intent] = await tx.select().from(cardIntents).where(eq(cardIntents.intentId, intentId)).for('update');
    if (!intent) return null;
    const [already] = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.stripePaymentIntent, intentId), isNull(payments.refundOf)));
    if (already) return already;
    await tx.update(cardIntents).set({ status: 'succeeded' }).where(eq(cardIntents.id, intent.id));
    const invoice = await lockInvoice(tx, intent.invoiceId);
    return apply(tx, invoice, {
      amount,
      method: 'stripe_card',
      stripePaymentIntent: intentId,
      stripeChargeId: chargeId,
      referenceNumber: chargeId ?? intentId,
      by: null,
    });
  }

  /**
   * The Stripe webhook: the signature is checked by the gateway (a forged or replayed request is a 400
   * and changes nothing); an event id seen before is acknowledged and ignored.
   */
  async function handleWebhook(rawBody: Buffer | string, headers: Record<string, string | string[] | undefined>) {
    const event = gateway.parseWebhook(rawBody, headers);
    return db.transaction(async (tx) => {
      const fresh = await tx
        .insert(webhookEvents)
        .values({ eventId: event.id, provider: gateway.name, type: event.type, receivedAt: clock.now() })
        .onConflictDoNothing()
        .returning();
      if (fresh.length === 0) return { received: true, duplicate: true };
      if (event.type === 'payment_succeeded') {
        const payment = await settleIntent(tx, event.intent.id, event.intent.amount, event.intent.chargeId);
        return { received: true, paymentId: payment?.id ?? null };
      }
      if (event.type === 'payment_failed')
        await tx.update(cardIntents).set({ status: 'requires_payment_method' }).where(eq(cardIntents.intentId, event.intent.id));
      return { received: true };
    });
  }

  /** The embedded default's stand-in for Stripe: the owner's test payment on the local gateway. */
  async function confirmLocalCardPayment(actor: Actor, intentId: string): Promise<Payment> {
    if (gateway.name !== 'local') throw new ConflictError('billing.not_local', 'Card payments go through Stripe.');
    const [intent] = await db.select().from(cardIntents).where(eq(cardIntents.intentId, intentId));
    if (!intent) throw new NotFoundError('billing.intent_not_found', 'That payment was not started.');
    await invoiceService.getInvoice(actor, intent.invoiceId);
    const payment = await db.transaction((tx) => settleIntent(tx, intentId, money(intent.amount), null));
    return payment!;
  }

  /**
   * Refunds part or all of a payment (managers): a card payment through the gateway, cash back at the
   * desk, or as account credit. The invoice's paid amount and status follow.
   */
  async function refundPayment(actor: Actor, paymentId: number, input: unknown): Promise<Payment> {
    const staff = requireStaff(actor, ['manager', 'admin']);
    const data = parseInput(refundSchema, input);
    const [original] = await db.select().from(payments).where(eq(payments.id, paymentId));
    if (!original || original.refundOf !== null) throw new NotFoundError('billing.payment_not_found', `Payment ${paymentId} not found.`);
    const refunded = async (reader: Pick<Tx, 'select'>) => {
      const [row] = await reader
        .select({ total: sql<string>`coalesce(-sum(${payments.amount}), 0)` })
        .from(payments)
        .where(eq(payments.refundOf, paymentId));
      return money(row?.total ?? 0);
    };
    const amount = money(data.amount);
    const refundable = money(original.amount).minus(await refunded(db));
    if (amount.gt(refundable))
      throw ValidationError.forField('billing.refund_too_much', 'amount', `At most ${refundable.toFixed(2)} can be refunded.`, {
        refundable: refundable.toFixed(2),
      });
    const viaGateway = original.paymentMethod === 'stripe_card' && !data.toCredit;
    const gatewayRefund = viaGateway
      ? await gateway.refund({
          paymentIntentId: original.stripePaymentIntent!,
          amount,
          idempotencyKey: `refund-${paymentId}-${refundable.toFixed(2)}-${amount.toFixed(2)}`,
          reason: data.reason,
        })
      : null;
    return db.transaction(async (tx) => {
      const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, original.invoiceId)).for('update');
      if (amount.gt(money(original.amount).minus(await refunded(tx))))
        throw new ConflictError('billing.refund_raced', 'Another refund of this payment was just recorded.');
      const [row] = await tx
        .insert(payments)
        .values({
          invoiceId: original.invoiceId,
          amount: amount.negated().toFixed(2),
          paymentMethod: data.toCredit ? 'account_credit' : original.paymentMethod,
          refundOf: paymentId,
          stripePaymentIntent: original.stripePaymentIntent,
          referenceNumber: gatewayRefund?.id ?? '',
          notes: data.reason,
          recordedBy: staff.userId,
          createdAt: clock.now(),
        })
        .returning();
      if (data.toCredit)
        await tx.insert(accountCredits).values({
          ownerId: invoice!.ownerId!,
          amount: amount.toFixed(2),
          reason: `Reembolso de ${invoice!.invoiceNumber}`,
          paymentId: row!.id,
          createdBy: staff.userId,
        });
      const paid = roundMoney(money(invoice!.amountPaid).minus(amount)).toFixed(2);
      const [updated] = await tx
        .update(invoices)
        .set({
          amountPaid: paid,
          status: statusAfterPayment(invoice!, paid, invoice!.total, invoiceService.today()),
          paidAt: null,
          version: sql`${invoices.version} + 1`,
        })
        .where(eq(invoices.id, invoice!.id))
        .returning();
      await events.emit(tx, paymentRefunded, {
        ...invoiceRef(updated!),
        paymentId: row!.id,
        originalPaymentId: paymentId,
        amount: amount.toFixed(2),
        currency: 'MXN',
        method: METHOD_OF[row!.paymentMethod],
        originalMethod: METHOD_OF[original.paymentMethod],
        balance: balanceOf(updated!),
        date: today(),
      });
      if (updated!.orderId) await store.orders.recordRefund(tx, updated!.orderId, { amount: amount.toFixed(2), paymentId: row!.id });
      await invoiceService.audit(tx, staff, 'update', invoice!, invoice!.id);
      return row!;
    });
  }

  async function creditBalance(actor: Actor, ownerId: string): Promise<string> {
    const who = actor.kind === 'owner' ? actor.userId : requireStaff(actor) && ownerId;
    return (await creditBalanceIn(db, who)).toFixed(2);
  }

  async function paymentsOf(invoiceId: number) {
    return db.select().from(payments).where(eq(payments.invoiceId, invoiceId)).orderBy(asc(payments.id));
  }

  return {
    recordPayment,
    startCardPayment,
    handleWebhook,
    confirmLocalCardPayment,
    refundPayment,
    refundable: refundableAmounts,
    creditBalance,
    paymentsOf,
    gateway,
  };
}

export type PaymentService = ReturnType<typeof createPaymentService>;
