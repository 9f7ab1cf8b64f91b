import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AccountsSetupPort } from '@petfriendly/accounts';
import type { CataloguePort } from '@petfriendly/appointments';
import type { IssuerPort } from '@petfriendly/billing';
import { type Actor, ConflictError, isStaff, type ModuleContext, parseInput, requireStaff, systemActor, ValidationError } from '@petfriendly/core';
import type { StoreCategoriesPort } from '@petfriendly/store';
import type { DashboardNotice, PetsPort } from '@petfriendly/vet-clinic';
import { eq } from 'drizzle-orm';
import { clinicFactsSchema, firstAdminSchema, inviteSchema, starterCategoriesSchema, starterServicesSchema } from './setup.schemas';
import { SETUP_STEPS, type SetupStep, setupSteps } from './setup.tables';
import { STARTER_PRODUCT_CATEGORIES, STARTER_SERVICE_CATEGORIES, STARTER_SERVICES } from './starter';

/** The ports setup needs, by the module that provides each. */
export interface SetupNeeds {
  accounts: AccountsSetupPort;
  appointments: CataloguePort;
  store: StoreCategoriesPort;
  billing: IssuerPort;
  /** Only for the dashboard socket setup fills. */
  'vet-clinic': PetsPort;
}

export type StepState = 'todo' | 'done' | 'skipped';

/**
 * First run: the first admin (no default password), then the clinic's facts, fiscal data and CSD,
 * the team, the first services and shop categories. Each step is saved where the modules read it
 * (settings for the clinic's facts, the catalogue and accounts for the rest) and recorded, so the
 * admin can leave and come back; the dashboard lists what is missing.
 */
export function createSetupService(ctx: ModuleContext, deps: SetupNeeds) {
  const { db } = ctx;
  const { accounts, appointments, store, billing } = deps;

  /**
   * The one-time code the first admin (or whoever asks for the demo) types: printed by the server at
   * start-up, derived from SECRET, so a stranger who finds a fresh install first cannot take it over.
   */
  const setupCode = () =>
    createHmac('sha256', ctx.server.SECRET ?? '')
      .update('pet-friendly first admin')
      .digest('base64url')
      .slice(0, 10);
  function checkCode(code: unknown) {
    const given = Buffer.from(String(code ?? '').trim());
    const expected = Buffer.from(setupCode());
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw ValidationError.forField('setup.wrong_code', 'code', 'This is not the setup code the server printed when it started.');
    }
  }

  async function status() {
    const needsAdmin = !(await accounts.directory.anyAdmin());
    const rows = await db.select().from(setupSteps);
    const steps = SETUP_STEPS.map((step) => {
      const row = rows.find((r) => r.step === step);
      // A clinic whose first people came another way (the CLI, demo data) has its admin.
      const state: StepState = row ? row.outcome : step === 'admin' && !needsAdmin ? 'done' : 'todo';
      return { step, state };
    });
    return { needsAdmin, complete: steps.every((s) => s.state !== 'todo'), steps };
  }

  /**
   * Only while nobody has an account. The step is claimed first (a primary key), so of two people
   * racing through an empty clinic's setup exactly one becomes its admin.
   */
  async function claimFirstRun(code: unknown, options: { emptyClinic?: boolean } = {}): Promise<() => Promise<void>> {
    checkCode(code);
    if (await accounts.directory.anyAdmin()) throw alreadyDone();
    if (options.emptyClinic && (await accounts.directory.anyUser())) {
      throw new ConflictError('setup.not_empty', 'Demo data only goes into a clinic nobody has an account in yet.');
    }
    const [claim] = await db.insert(setupSteps).values({ step: 'admin', outcome: 'done' }).onConflictDoNothing().returning();
    if (!claim) throw alreadyDone();
    return async () => {
      await db.delete(setupSteps).where(eq(setupSteps.step, 'admin'));
    };
  }

  async function createFirstAdmin(input: unknown) {
    const data = parseInput(firstAdminSchema, input);
    const release = await claimFirstRun(data.code);
    try {
      const { code: _code, ...person } = data;
      const user = await accounts.users.createUser(systemActor, { ...person, role: 'admin', preferredLanguage: ctx.clinic.DEFAULT_LANGUAGE });
      await db.update(setupSteps).set({ byUser: user.id }).where(eq(setupSteps.step, 'admin'));
      return user;
    } catch (error) {
      await release();
      throw error;
    }
  }

  async function mark(actor: Actor, step: SetupStep, outcome: 'done' | 'skipped') {
    const byUser = isStaff(actor) ? actor.userId : null;
    await db
      .insert(setupSteps)
      .values({ step, outcome, byUser })
      .onConflictDoUpdate({ target: setupSteps.step, set: { outcome, byUser, at: new Date() } });
  }

  /** The clinic's facts as the form shows them (what the modules use now). */
  function clinicFacts() {
    const hours = appointments.settings.WORKING_HOURS;
    return {
      name: ctx.clinic.NAME,
      address: ctx.clinic.ADDRESS,
      phone: ctx.clinic.PHONE,
      email: ctx.clinic.EMAIL,
      timeZone: ctx.clinic.TIME_ZONE,
      defaultLanguage: ctx.clinic.DEFAULT_LANGUAGE,
      opens: hours.start,
      closes: hours.end,
      closedDays: appointments.settings.CLOSED_DAYS,
    };
  }

  /**
   * Stored as settings over the environment's: the clinic block, the booking hours and closed days,
   * and the default language (the clinic's and the translations' source, one choice).
   */
  async function saveClinic(actor: Actor, input: unknown) {
    requireStaff(actor, ['admin']);
    const data = parseInput(clinicFactsSchema, input);
    const before = ctx.clinic.TIME_ZONE;
    await ctx.settings.save(actor, 'CLINIC', {
      NAME: data.name,
      ADDRESS: data.address,
      PHONE: data.phone,
      EMAIL: data.email,
      TIME_ZONE: data.timeZone,
      DEFAULT_LANGUAGE: data.defaultLanguage,
    });
    await ctx.settings.save(actor, 'APPOINTMENTS', { WORKING_HOURS: { start: data.opens, end: data.closes }, CLOSED_DAYS: data.closedDays });
    await ctx.settings.save(actor, 'MULTILINGUAL', { DEFAULT_LANGUAGE: data.defaultLanguage });
    await mark(actor, 'clinic', 'done');
    return { ...clinicFacts(), restartNeeded: before !== data.timeZone };
  }

  async function saveFiscal(actor: Actor, input: unknown) {
    const issuer = await billing.issuer.updateIssuer(actor, input);
    await mark(actor, 'fiscal', 'done');
    return issuer;
  }

  async function installCsd(actor: Actor, input: unknown) {
    const csd = await billing.issuer.installCsd(actor, input);
    await mark(actor, 'csd', 'done');
    return csd;
  }

  /** Invites a member of the team by email; a veterinarian gets the clinic's opening hours to start with. */
  async function inviteStaff(actor: Actor, input: unknown) {
    requireStaff(actor, ['admin']);
    const data = parseInput(inviteSchema, input);
    const user = await accounts.inviteStaff(actor, { ...data, preferredLanguage: ctx.clinic.DEFAULT_LANGUAGE });
    if (data.role === 'veterinarian') {
      const { start, end } = appointments.settings.WORKING_HOURS;
      const open = [0, 1, 2, 3, 4, 5, 6].filter((d) => !appointments.settings.CLOSED_DAYS.includes(d));
      await appointments.staffSchedule.setWeeklyHours(actor, user.id, { hours: open.map((weekday) => ({ weekday, start, end })) });
    }
    await mark(actor, 'staff', 'done');
    return user;
  }

  /** The team as setup lists it (everyone on staff). */
  async function team(actor: Actor) {
    requireStaff(actor, ['admin']);
    return accounts.users.listStaff(actor);
  }

  /**
   * Creates the chosen starter services at the clinic's prices, in their categories (made once),
   * performed by the clinic's veterinarians.
   */
  async function addStarterServices(actor: Actor, input: unknown) {
    requireStaff(actor, ['admin']);
    const { services } = parseInput(starterServicesSchema, input);
    const chosen = services.map((s) => {
      const starter = STARTER_SERVICES.find((x) => x.key === s.key);
      if (!starter) throw ValidationError.forField('setup.unknown_starter', 'services', `There is no starter service "${s.key}".`, { key: s.key });
      return { ...starter, price: s.price };
    });
    const vets = (await accounts.users.listStaff(actor)).filter((s) => s.role === 'veterinarian').map((s) => s.id);
    const existing = await appointments.catalog.listCategories(actor, { includeRetired: true });
    const categoryIds = new Map<string, number>();
    for (const c of STARTER_SERVICE_CATEGORIES.filter((c) => chosen.some((s) => s.category === c.key))) {
      const found = existing.find((e) => e.name === c.name);
      categoryIds.set(c.key, found?.id ?? (await appointments.catalog.createCategory(actor, { name: c.name, icon: c.icon })).id);
    }
    const created = [];
    for (const s of chosen) {
      created.push(
        await appointments.catalog.createServiceType(actor, {
          categoryId: categoryIds.get(s.category),
          name: s.name,
          description: s.description,
          durationMinutes: s.durationMinutes,
          price: s.price,
          species: s.species ?? [],
          isEmergency: s.isEmergency ?? false,
          requiresConsultation: s.requiresConsultation ?? false,
          onlineBookable: s.onlineBookable,
          deposit: s.deposit && Number(s.deposit) <= Number(s.price) ? s.deposit : '0',
          satProductCode: s.satProductCode ?? '70122000',
          staffIds: vets,
        }),
      );
    }
    await mark(actor, 'services', 'done');
    return created;
  }

  /** Creates the chosen starter shop categories (parents first) and any the clinic names. */
  async function addStarterCategories(actor: Actor, input: unknown) {
    requireStaff(actor, ['admin']);
    const { keys, extra } = parseInput(starterCategoriesSchema, input);
    const unknown = keys.find((k) => !STARTER_PRODUCT_CATEGORIES.some((c) => c.key === k));
    if (unknown) throw ValidationError.forField('setup.unknown_starter', 'keys', `There is no starter category "${unknown}".`, { key: unknown });
    const ids = new Map<string, number>();
    for (const c of STARTER_PRODUCT_CATEGORIES.filter((c) => keys.includes(c.key))) {
      const parentKey = 'parent' in c ? c.parent : undefined;
      const row = await store.categories.createCategory(actor, { name: c.name, parentId: parentKey ? ids.get(parentKey) : undefined });
      ids.set(c.key, row.id);
    }
    for (const name of extra.filter(Boolean)) await store.categories.createCategory(actor, { name });
    await mark(actor, 'categories', 'done');
    return store.categories.listTree(actor);
  }

  async function skip(actor: Actor, step: SetupStep) {
    requireStaff(actor, ['admin']);
    if (step === 'admin') throw ValidationError.forField('setup.cannot_skip', 'step', 'The first admin cannot be skipped.');
    await mark(actor, step, 'skipped');
    return status();
  }

  /** For the staff dashboard: an admin sees what setup still misses. */
  async function notices(actor: Actor): Promise<DashboardNotice[]> {
    if (!isStaff(actor) || actor.role !== 'admin') return [];
    const { complete, steps } = await status();
    if (complete && steps.every((s) => s.state === 'done')) return [];
    const t = ctx.i18n.t(actor.language);
    return [
      {
        title: t('setup:dashboard.title'),
        items: steps.filter((s) => s.state !== 'done').map((s) => ({ label: t(`setup:steps.${s.step}`), href: `/setup/${s.step}` })),
        action: { label: t('setup:dashboard.continue'), href: '/setup' },
      },
    ];
  }

  return {
    setupCode,
    status,
    claimFirstRun,
    createFirstAdmin,
    clinicFacts,
    saveClinic,
    saveFiscal,
    installCsd,
    inviteStaff,
    team,
    addStarterServices,
    addStarterCategories,
    skip,
    notices,
  };
}

const alreadyDone = () => new ConflictError('setup.admin_exists', 'This clinic already has its first admin; sign in instead.');

export type SetupService = ReturnType<typeof createSetupService>;
