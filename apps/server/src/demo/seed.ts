import { authAccounts, ownerProfiles, users } from '@petfriendly/accounts/tables';
import { type Actor, actorFromUser, addLocalDays, clinicToday, type Platform } from '@petfriendly/core';
import { pets } from '@petfriendly/vet-clinic/tables';
import { hashPassword } from 'better-auth/crypto';
import { count, inArray } from 'drizzle-orm';
import { announceHistory } from './announce';
import { seedAppointments } from './appointments';
import { seedAssistant } from './assistant';
import { seedCashClose } from './cash-close';
import type { SeedWorld } from './clinic';
import { seedCompetitors } from './competitors';
import { seedConsents } from './consents';
import { seedCrm } from './crm';
import { writeHistory } from './histories';
import { DEMO_PASSWORD } from './logins';
import { seedLoyalty } from './loyalty';
import { mariaOwner, mariaPets, ROCKY_CHIP, writeMariaHistories } from './maria';
import { seedMarketing } from './marketing';
import { seedInbox } from './messages';
import { type PastAppointment, seedPastAppointments } from './past-appointments';
import { seedPastInvoices } from './past-invoices';
import { seedPastOrders } from './past-orders';
import { createStaff, type OwnerPlan, planOwners, STAFF } from './people';
import { type PetPlan, type PetRow, planPets } from './pets';
import { createProgress } from './progress';
import { Rng } from './random';
import { HistoryRows, insertAll, insertReturningIds } from './rows';
import { seedStore } from './store';
import { seedSuppliers } from './suppliers';
import type { ProtocolRule } from './vaccines';
import { weightOn } from './vitals';

/** How far back the appointments, the front desk and the shop go (the clinical history goes further). */
const HISTORY_YEARS = 2;
/** The share of completed appointments the desk invoiced: most of the last year's, a few of the year before. */
const INVOICED = { recent: 0.4, older: 0.05 };

/**
 * Fills an empty database with a believable Mexico City clinic: seven staff, `owners` pet owners
 * (María, the demo owner, among them), ~1.5 pets each and three years of clinical history.
 * Staff go through the accounts service; the bulk is written straight into the modules' tables in
 * one transaction, with one shared password hash. The same seed gives the same clinic every run,
 * dated relative to the platform clock's today.
 */
export async function seedDemo(platform: Platform, options: { owners: number; progress: boolean }): Promise<void> {
  const ownerCount = Math.floor(options.owners);
  if (!Number.isFinite(ownerCount) || ownerCount < 1) throw new Error(`The demo needs at least 1 owner (got ${options.owners}).`);
  const { db, clock, clinic } = platform.ctx;
  const [existing] = await db.select({ n: count() }).from(users);
  if (existing && existing.n > 0) {
    throw new Error(`Demo data only goes into an empty database; this one already has ${existing.n} user(s). Use a new DATA_DIR or an empty database.`);
  }

  const started = Date.now();
  const progress = createProgress(options.progress);
  const vetClinic = platform.services['vet-clinic'];
  const protocols = (await vetClinic.records.protocols()) as ProtocolRule[];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  progress.start(STAFF.length + ownerCount * 10);
  const staff = await createStaff(platform, () => progress.tick('staff'));

  const desk = actorFromUser({ id: staff.ids.recepcion, role: 'receptionist', preferredLanguage: 'es', name: 'Karla' });
  const manager = actorFromUser({ id: staff.ids.gerencia, role: 'manager', preferredLanguage: 'es', name: 'Gerencia' });
  let committed = false;
  try {
    const rng = await Rng.create();
    const world: SeedWorld = {
      rng,
      today: clinicToday(clock, clinic.TIME_ZONE),
      now: clock.now(),
      timeZone: clinic.TIME_ZONE,
      vets: [
        { id: staff.ids.sofia, name: 'Sofía' },
        { id: staff.ids.luis, name: 'Luis Fernando' },
        { id: staff.ids.mariana, name: 'Mariana' },
      ],
      receptionist: { id: staff.ids.recepcion, name: 'Karla' },
      protocols,
    };

    // Everything is decided in memory first (pets by their index), then written in one go.
    const maria = mariaOwner(world, rng.uuid());
    const usedEmails = new Set([...STAFF.map((s) => s.email), maria.email]);
    const others = planOwners(rng, ownerCount - 1, usedEmails);
    const plans = planPets(world, others, new Set([ROCKY_CHIP]));
    const owners = [maria, ...others];
    const rows = new HistoryRows();
    const petRows: PetRow[] = mariaPets(world, maria.id);
    writeMariaHistories(world, rows, petRows);
    const offset = petRows.length;
    plans.forEach((plan, i) => {
      const outcome = writeHistory(world, rows, plan, offset + i);
      const weight = outcome.weightKg ?? weightOn(plan.body, plan.dob, world.today, rng).toFixed(2);
      petRows.push({ ...plan.row, weightKg: weight, updatedAt: outcome.lastVisit ?? plan.row.createdAt });
    });
    progress.setTotal(STAFF.length + owners.length + petRows.length + rows.total);

    const { petIds, pastVisits } = await db.transaction(async (tx) => {
      const at = (o: OwnerPlan) => new Date(`${o.since ?? world.today}T17:00:00Z`);
      await insertAll(
        tx,
        users,
        owners.map((o) => ({
          id: o.id,
          name: o.name,
          email: o.email,
          emailVerified: true,
          role: 'owner',
          preferredLanguage: o.language,
          createdAt: at(o),
          updatedAt: at(o),
        })),
        (n) => progress.tick('owners', n),
      );
      await insertAll(
        tx,
        authAccounts,
        owners.map((o) => ({
          id: rng.uuid(),
          userId: o.id,
          accountId: o.id,
          providerId: 'credential',
          password: passwordHash,
          createdAt: at(o),
          updatedAt: at(o),
        })),
      );
      await insertAll(
        tx,
        ownerProfiles,
        owners.map((o) => ({
          userId: o.id,
          phone: o.phone,
          alternatePhone: o.alternatePhone,
          address: o.address,
          preferredChannel: o.channel,
          notes: o.notes,
          createdAt: at(o),
          updatedAt: at(o),
        })),
      );
      const ids = await insertReturningIds(tx, pets, petRows, (n) => progress.tick('pets', n));
      const written = await rows.write(tx, ids, (n) => progress.tick('histories', n));
      await announceHistory(platform, tx, owners, at, petRows, ids, { rows, ...written, from: addLocalDays(world.today, -HISTORY_YEARS * 365) });
      const visited = rows.visits.map((v, i) => ({
        visitId: written.visitIds[i]!,
        petId: ids[v.petId]!,
        ownerId: petRows[v.petId]!.ownerId,
        vetId: v.veterinarianId,
        at: v.visitDate,
        reason: v.reason,
      }));
      return { petIds: ids, pastVisits: visited };
    });
    committed = true;

    await addTravelPlans(platform, world, maria, plans, petIds, offset, staff.ids.sofia);
    let done: PastAppointment[] = [];
    if (platform.services.appointments) {
      await seedAppointments(platform, rng, world.today, staff.ids, petIds.slice(0, offset));
      done = await seedPastAppointments(platform, rng, world.today, pastVisits, HISTORY_YEARS, staff.ids.recepcion);
    }
    const billing = platform.services.billing;
    const sold = { invoices: 0, orders: 0, bills: 0, consents: 0 };
    // The front desk's and the shop's past, through their services as of the moment each thing happened: the
    // books, profiles and reports take it in; no one is notified of it (notices start after it).
    const past = async () => {
      if (billing && done.length > 0) sold.invoices = await seedPastInvoices(platform, rng, world.today, done, { desk, manager }, INVOICED);
      if (platform.services.store) sold.orders = await seedPastOrders(platform, rng, world.today, HISTORY_YEARS * 12, owners, { desk, receiver: staff.admin });
      await billing?.invoices.markOverdue();
      await platform.ctx.events.passHistory();
    };
    if (platform.services.store) await seedStore(platform, rng, world.today, staff.ids, { id: maria.id }, past);
    else await past();
    if (platform.services.accounting) {
      const accountant = actorFromUser({ id: staff.ids.contador, role: 'accountant', preferredLanguage: 'es', name: 'Contabilidad' });
      sold.bills = await seedSuppliers(platform, rng, world.today, HISTORY_YEARS * 12, accountant);
      await platform.ctx.events.passHistory();
    }
    if (platform.services.consent) {
      const surgeon = actorFromUser({ id: staff.ids.luis, role: 'veterinarian', preferredLanguage: 'es', name: 'Luis Fernando' });
      sold.consents = await seedConsents(platform, rng, world.today, surgeon);
      await platform.ctx.events.passHistory();
    }
    if (platform.services.omnichannel) await seedInbox(platform);
    if (platform.services['ai-assistant']) await seedAssistant(platform, maria);
    if (platform.services.crm) await seedCrm(platform, staff.admin);
    if (platform.services['cash-close']) await seedCashClose(platform, world.today, { desk, manager });
    if (platform.services.loyalty) await seedLoyalty(platform, staff.admin);
    if (platform.services.marketing) await seedMarketing(platform, staff.admin);
    if (platform.services['competitive-intel']) await seedCompetitors(platform, world.today, manager);
    // Fresh statistics, so the planner picks the indexes from the first request on.
    await platform.ctx.database.exec('ANALYZE');
    progress.stop();
    if (options.progress) {
      const c = rows.counts();
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(
        `  Demo clinic ready in ${seconds} s: ${STAFF.length} staff, ${owners.length} owners, ${petRows.length} pets, ${c.visits} visits, ${c.vaccinations} vaccinations, ${done.length} past appointments, ${sold.invoices} invoices, ${sold.orders} shop orders, ${sold.bills} supplier bills, ${sold.consents} signed consents.`,
      );
    }
  } catch (error) {
    progress.stop();
    // Leave the database empty again so the next start can try afresh.
    if (!committed)
      await db
        .delete(users)
        .where(inArray(users.id, Object.values(staff.ids)))
        .catch(() => undefined);
    throw error;
  }
}

/** A couple of upcoming trips, through the travel service so their checklists are computed as usual. */
async function addTravelPlans(platform: Platform, world: SeedWorld, maria: OwnerPlan, plans: PetPlan[], petIds: number[], offset: number, vetId: string) {
  const travel = platform.services['vet-clinic'].travel;
  const owner: Actor = actorFromUser({ id: maria.id, role: 'owner', preferredLanguage: maria.language, name: maria.name });
  const vet: Actor = actorFromUser({ id: vetId, role: 'veterinarian', preferredLanguage: 'es' });
  // Rocky flies to the United States in ten weeks; his overdue rabies booster shows up as pending.
  await travel.createTravelPlan(petIds[1]!, { destination: 'US', travelDate: addLocalDays(world.today, 70) }, owner);
  const travellers = plans
    .map((plan, i) => ({ plan, id: petIds[offset + i]! }))
    .filter(
      ({ plan }) =>
        (plan.species === 'dog' || plan.species === 'cat') && plan.row.microchipNumber && !plan.deceasedOn && plan.activeUntil >= addLocalDays(world.today, -1),
    );
  const abroad = travellers.find(({ plan }) => plan.owner.language === 'en') ?? travellers[0];
  if (abroad) await travel.createTravelPlan(abroad.id, { destination: 'EU', travelDate: addLocalDays(world.today, 40) }, vet);
  const cat = travellers.find(({ plan, id }) => plan.species === 'cat' && id !== abroad?.id);
  if (cat) await travel.createTravelPlan(cat.id, { destination: 'CA', travelDate: addLocalDays(world.today, 25) }, vet);
}

export { DEMO_LOGINS } from './logins';
