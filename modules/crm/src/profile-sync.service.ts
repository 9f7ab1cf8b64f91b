import type { ownerCreated } from '@petfriendly/accounts';
import type { appointmentCompleted } from '@petfriendly/appointments';
import type { invoicePaid, paymentReceived, paymentRefunded } from '@petfriendly/billing';
import { type EventContext, type EventPayload, localDate, type ModuleContext, money } from '@petfriendly/core';
import type { messageReceived, messageSent } from '@petfriendly/omnichannel';
import type { orderPaid } from '@petfriendly/store';
import type { visitCreated } from '@petfriendly/vet-clinic';
import { eq, sql } from 'drizzle-orm';
import type { ChurnService } from './churn.service';
import { customerCreated } from './crm.events';
import type { CrmSettings } from './crm.settings';
import { crmPets, type InteractionType, ownerInteractions, ownerProfiles, ownerSpend, petVisits, purchases } from './crm.tables';
import type { CrmNeeds } from './ports';

type OwnerSnapshot = EventPayload<typeof ownerCreated>;
const CHANNEL_TYPES: Record<string, InteractionType> = { whatsapp: 'whatsapp', sms: 'sms', email: 'email' };

/** The first five-digit number of a Mexican address is its código postal (C.P.). */
export function postalCodeOf(address: string): string | null {
  return /(?:^|\D)(\d{5})(?!\d)/.exec(address)?.[1] ?? null;
}

/**
 * Keeps the profiles current from other modules' events. Every handler is idempotent (keyed by the
 * source's id), so replaying history from the start, or an event twice, gives the same profiles.
 */
export function createProfileSync(ctx: ModuleContext, deps: CrmNeeds, settings: CrmSettings, churn: Pick<ChurnService, 'scoreOwners'>) {
  const { db } = ctx;
  const day = (at: Date | string) => localDate(new Date(at), ctx.clinic.TIME_ZONE);

  /** The owner's profile, opened (and announced) the first time the CRM hears of them. */
  async function ensureProfile(event: EventContext, ownerId: string, snapshot?: OwnerSnapshot) {
    const registeredAt = snapshot ? new Date(snapshot.registeredAt) : event.occurredAt;
    const [created] = await db
      .insert(ownerProfiles)
      .values({ ownerId, name: snapshot?.name ?? '', registeredAt })
      .onConflictDoNothing({ target: ownerProfiles.ownerId })
      .returning({ id: ownerProfiles.id });
    if (!created) return;
    // An owner from before accounts announced owners: their name from the directory.
    const name = snapshot?.name ?? (await deps.accounts.directory.namesOf([ownerId])).get(ownerId) ?? '';
    if (!snapshot) await db.update(ownerProfiles).set({ name }).where(eq(ownerProfiles.id, created.id));
    await ctx.events.emit(event.tx, customerCreated, { ownerId, name, registeredAt: registeredAt.toISOString() });
  }

  async function onOwnerChanged(p: OwnerSnapshot, event: EventContext) {
    await ensureProfile(event, p.ownerId, p);
    await db
      .update(ownerProfiles)
      .set({
        name: p.name,
        email: p.email,
        phone: p.phone,
        alternatePhone: p.alternatePhone,
        address: p.address,
        postalCode: postalCodeOf(p.address),
        preferredLanguage: p.preferredLanguage,
        preferredChannel: p.preferredChannel,
        registeredAt: new Date(p.registeredAt),
        updatedAt: ctx.clock.now(),
      })
      .where(sql`${ownerProfiles.ownerId} = ${p.ownerId}`);
  }

  /** Visit count, last visit, lifetime value and the tier they make, recomputed from the CRM's own rows. */
  async function recompute(ownerId: string) {
    await db.execute(sql`
      update crm.owner_profiles p set
        visit_count = v.n, last_visit_date = v.last, lifetime_value = greatest(s.total, 0),
        tier = case when greatest(s.total, 0) >= ${settings.PREMIUM_SPEND}::numeric then 'premium'
                    when greatest(s.total, 0) >= ${settings.VIP_SPEND}::numeric then 'vip'
                    when v.n >= ${settings.REGULAR_VISITS} then 'regular' else 'new' end,
        updated_at = now()
      from (select count(*)::int as n, max(visit_date) as last from crm.pet_visits where owner_id = ${ownerId}) v,
           (select coalesce(sum(amount), 0) as total from crm.owner_spend where owner_id = ${ownerId}) s
      where p.owner_id = ${ownerId}`);
  }

  /** A pet's facts as vet-clinic has them now (name, species, breed, visits, next vaccine). */
  async function refreshPet(event: EventContext, petId: number, ownerId: string) {
    await ensureProfile(event, ownerId);
    const [pet] = await deps['vet-clinic'].pets.petFacts([petId]);
    if (!pet) return;
    const values = {
      ownerId: pet.ownerId,
      name: pet.name,
      species: pet.species,
      breed: pet.breed,
      dateOfBirth: pet.dateOfBirth,
      isActive: pet.isActive && !pet.isDeceased,
      nextVaccineName: pet.nextVaccine?.vaccineName ?? null,
      nextVaccineDue: pet.nextVaccine?.dueDate ?? null,
      updatedAt: ctx.clock.now(),
    };
    await db
      .insert(crmPets)
      .values({ petId, ...values })
      .onConflictDoUpdate({ target: crmPets.petId, set: values });
    if (pet.visitDates.length > 0)
      await db
        .insert(petVisits)
        .values(pet.visitDates.map((visitDate) => ({ petId, ownerId: pet.ownerId, visitDate })))
        .onConflictDoNothing();
    await recompute(pet.ownerId);
    await churn.scoreOwners([pet.ownerId]);
  }

  /** A visit adds its day to the pet's visits; the pet's own facts (name, vaccines) do not change with it. */
  async function onVisitCreated(p: EventPayload<typeof visitCreated>, event: EventContext) {
    if (!p.visitDate) return refreshPet(event, p.petId, p.ownerId);
    await ensureProfile(event, p.ownerId);
    await db
      .insert(petVisits)
      .values({ petId: p.petId, ownerId: p.ownerId, visitDate: day(p.visitDate) })
      .onConflictDoNothing();
    await recompute(p.ownerId);
    await churn.scoreOwners([p.ownerId]);
  }

  async function addInteraction(row: typeof ownerInteractions.$inferInsert) {
    await db.insert(ownerInteractions).values(row).onConflictDoNothing({ target: ownerInteractions.sourceRef });
  }

  async function onAppointmentCompleted(p: EventPayload<typeof appointmentCompleted>, event: EventContext) {
    await ensureProfile(event, p.ownerId);
    await db
      .insert(petVisits)
      .values({ petId: p.petId, ownerId: p.ownerId, visitDate: day(p.startsAt) })
      .onConflictDoNothing();
    await addInteraction({
      ownerId: p.ownerId,
      petId: p.petId,
      interactionType: 'visit',
      direction: 'inbound',
      subject: 'appointment',
      handledBy: p.staffId,
      sourceRef: `appointment:${p.appointmentId}`,
      occurredAt: new Date(p.startsAt),
    });
    await recompute(p.ownerId);
    await churn.scoreOwners([p.ownerId]);
  }

  async function addSpend(event: EventContext, ownerId: string, sourceRef: string, amount: string, on: string) {
    await ensureProfile(event, ownerId);
    await db
      .insert(ownerSpend)
      .values({ ownerId, sourceRef, amount, occurredOn: on.slice(0, 10) })
      .onConflictDoNothing({ target: ownerSpend.sourceRef });
    await recompute(ownerId);
  }

  async function onPaymentReceived(p: EventPayload<typeof paymentReceived>, event: EventContext) {
    if (p.ownerId) await addSpend(event, p.ownerId, `payment:${p.paymentId}`, money(p.amount).toFixed(2), p.date);
  }

  async function onPaymentRefunded(p: EventPayload<typeof paymentRefunded>, event: EventContext) {
    if (p.ownerId) await addSpend(event, p.ownerId, `refund:${p.paymentId}`, money(p.amount).abs().neg().toFixed(2), p.date);
  }

  async function onInvoicePaid(p: EventPayload<typeof invoicePaid>, event: EventContext) {
    // An order's invoice is the order itself: the order's own event lists it.
    if (!p.ownerId || p.orderId !== null) return;
    await ensureProfile(event, p.ownerId);
    await db
      .insert(purchases)
      .values({ ownerId: p.ownerId, kind: 'invoice', reference: p.invoiceNumber, total: p.total, paidAt: event.occurredAt })
      .onConflictDoNothing();
  }

  async function onOrderPaid(p: EventPayload<typeof orderPaid>, event: EventContext) {
    await ensureProfile(event, p.ownerId);
    await db
      .insert(purchases)
      .values({ ownerId: p.ownerId, kind: 'order', reference: p.orderNumber, total: p.total, paidAt: event.occurredAt })
      .onConflictDoNothing();
    await addInteraction({
      ownerId: p.ownerId,
      interactionType: 'order',
      direction: 'inbound',
      subject: p.orderNumber,
      summary: p.total,
      sourceRef: `order:${p.orderId}`,
      occurredAt: event.occurredAt,
    });
  }

  async function onMessage(p: EventPayload<typeof messageSent> & { text?: string }, direction: 'inbound' | 'outbound', event: EventContext) {
    const type = CHANNEL_TYPES[p.channel];
    if (!p.ownerId || !type) return;
    await ensureProfile(event, p.ownerId);
    await addInteraction({
      ownerId: p.ownerId,
      interactionType: type,
      direction,
      summary: (p.text ?? '').slice(0, 2000),
      sourceRef: `message:${p.messageId}`,
      occurredAt: event.occurredAt,
    });
  }

  return {
    onOwnerChanged,
    refreshPet,
    onVisitCreated,
    onAppointmentCompleted,
    onPaymentReceived,
    onPaymentRefunded,
    onInvoicePaid,
    onOrderPaid,
    onMessageReceived: (p: EventPayload<typeof messageReceived>, e: EventContext) => onMessage(p, 'inbound', e),
    onMessageSent: (p: EventPayload<typeof messageSent>, e: EventContext) => onMessage(p, 'outbound', e),
    recompute,
  };
}

export type ProfileSync = ReturnType<typeof createProfileSync>;
