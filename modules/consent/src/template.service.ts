import type { ConsentAppointmentsPort } from '@petfriendly/appointments';
import { type Actor, type ModuleContext, NotFoundError, parseInput, requireStaff, rowId } from '@petfriendly/core';
import { and, eq, inArray } from 'drizzle-orm';
import { requirementSchema, templateSchema } from './consent.schemas';
import { CONSENT_KINDS, CONSENT_LANGUAGES, type ConsentKind, type ConsentLanguage, serviceRequirements, templates } from './consent.tables';
import { DEFAULT_TEMPLATES } from './default-templates';

/** Who may write the clinic's consent texts and say which services need one. */
export const EDITORS = ['veterinarian', 'manager', 'admin'] as const;

/** The clinic's consent texts per kind and language, and which service types need which consent. */
export function createTemplateService(ctx: ModuleContext, appointments: ConsentAppointmentsPort) {
  const { db } = ctx;

  /** The text in force: the clinic's own, or the built-in one. */
  async function template(kind: ConsentKind, lang: ConsentLanguage) {
    const [row] = await db
      .select()
      .from(templates)
      .where(and(eq(templates.kind, kind), eq(templates.lang, lang)));
    return row ? { kind, lang, title: row.title, body: row.body, custom: true } : { kind, lang, ...DEFAULT_TEMPLATES[kind][lang], custom: false };
  }

  async function listTemplates(actor: Actor) {
    requireStaff(actor);
    const rows = await db.select().from(templates);
    return CONSENT_KINDS.flatMap((kind) =>
      CONSENT_LANGUAGES.map((lang) => {
        const row = rows.find((r) => r.kind === kind && r.lang === lang);
        return row ? { kind, lang, title: row.title, body: row.body, custom: true } : { kind, lang, ...DEFAULT_TEMPLATES[kind][lang], custom: false };
      }),
    );
  }

  /** Replaces the clinic's text of a kind in a language (consents already requested keep the text they were filled with). */
  async function updateTemplate(actor: Actor, kind: ConsentKind, lang: ConsentLanguage, input: unknown) {
    const staff = requireStaff(actor, EDITORS);
    const data = parseInput(templateSchema, input);
    const values = { kind, lang, ...data, updatedBy: staff.userId, updatedAt: ctx.clock.now() };
    await db
      .insert(templates)
      .values(values)
      .onConflictDoUpdate({ target: [templates.kind, templates.lang], set: values });
    return template(kind, lang);
  }

  /** Flags a service type as needing a consent of a kind (null: it needs none). */
  async function setRequirement(actor: Actor, serviceTypeId: number, input: unknown) {
    requireStaff(actor, EDITORS);
    const { kind } = parseInput(requirementSchema, input);
    const [service] = rowId.safeParse(serviceTypeId).success ? await appointments.appointments.servicesByIds([serviceTypeId]) : [];
    if (!service) throw new NotFoundError('consent.service_not_found', `Service type ${serviceTypeId} not found.`, { serviceTypeId });
    if (kind === null) await db.delete(serviceRequirements).where(eq(serviceRequirements.serviceTypeId, serviceTypeId));
    else await db.insert(serviceRequirements).values({ serviceTypeId, kind }).onConflictDoUpdate({ target: serviceRequirements.serviceTypeId, set: { kind } });
    return { serviceTypeId, kind };
  }

  /** The consent each of these service types needs, for those that need one. */
  async function requirementsOf(serviceTypeIds: number[]): Promise<Map<number, ConsentKind>> {
    if (serviceTypeIds.length === 0) return new Map();
    const rows = await db.select().from(serviceRequirements).where(inArray(serviceRequirements.serviceTypeId, serviceTypeIds));
    return new Map(rows.map((r) => [r.serviceTypeId, r.kind]));
  }

  /** The consent one service type needs, if any (its edit page). */
  const requirementOf = async (serviceTypeId: number) => (await requirementsOf([serviceTypeId])).get(serviceTypeId) ?? null;

  return { template, listTemplates, updateTemplate, setRequirement, requirementsOf, requirementOf };
}

export type TemplateService = ReturnType<typeof createTemplateService>;
