import { type Actor, isStaff, type ModuleContext, parseInput, requireAuthenticated, ValidationError } from '@petfriendly/core';
import { eq } from 'drizzle-orm';
import { fiscalProfileSchema } from './billing.schemas';
import { fiscalProfiles } from './billing.tables';
import { type CfdiReceiver, personaOfRfc, REGIMENES_FISCALES, regimenAllowedFor, USOS_CFDI, usoCfdiAllowed, validateRfc } from './cfdi/index';

export type FiscalProfile = typeof fiscalProfiles.$inferSelect;

/** An owner's fiscal data (CFDI receptor), checked against the SAT's rules before it is kept. */
export function createFiscalService(ctx: ModuleContext) {
  const { db, clock } = ctx;
  const targetOf = (actor: Actor, ownerId?: string) => {
    const who = requireAuthenticated(actor);
    return isStaff(who) && ownerId ? ownerId : who.userId;
  };

  async function getFiscalProfile(actor: Actor, ownerId?: string): Promise<FiscalProfile | null> {
    const [row] = await db
      .select()
      .from(fiscalProfiles)
      .where(eq(fiscalProfiles.ownerId, targetOf(actor, ownerId)));
    return row ?? null;
  }

  /** Saves the RFC, name as on the Constancia, régimen, CP and uso; a generic RFC is refused (that is público en general). */
  async function saveFiscalProfile(actor: Actor, input: unknown, ownerId?: string): Promise<FiscalProfile> {
    const target = targetOf(actor, ownerId);
    const data = parseInput(fiscalProfileSchema, input);
    const rfc = validateRfc(data.rfc);
    if (!rfc.valid && rfc.code !== 'check_digit') throw ValidationError.forField(`billing.rfc_${rfc.code}`, 'rfc', rfc.reason);
    if (rfc.valid && rfc.generic)
      throw ValidationError.forField('billing.rfc_generic', 'rfc', 'A generic RFC is público en general: leave the fiscal data empty instead.');
    const persona = personaOfRfc(data.rfc);
    if (!REGIMENES_FISCALES.some((r) => r.clave === data.regimenFiscal) || !regimenAllowedFor(data.regimenFiscal, persona)) {
      throw ValidationError.forField('billing.regimen_not_allowed', 'regimenFiscal', `Régimen ${data.regimenFiscal} does not apply to this kind of RFC.`, {
        regimen: data.regimenFiscal,
      });
    }
    if (!USOS_CFDI.some((u) => u.clave === data.usoCfdi) || !usoCfdiAllowed(data.usoCfdi, data.regimenFiscal, persona)) {
      throw ValidationError.forField('billing.uso_not_allowed', 'usoCfdi', `Uso ${data.usoCfdi} is not allowed with régimen ${data.regimenFiscal}.`, {
        uso: data.usoCfdi,
        regimen: data.regimenFiscal,
      });
    }
    const values = { ...data, legalName: data.legalName.toUpperCase(), email: data.email ?? null, updatedAt: clock.now() };
    const [row] = await db
      .insert(fiscalProfiles)
      .values({ ownerId: target, ...values })
      .onConflictDoUpdate({ target: fiscalProfiles.ownerId, set: values })
      .returning();
    return row!;
  }

  async function receiverOf(ownerId: string): Promise<CfdiReceiver | null> {
    const [p] = await db.select().from(fiscalProfiles).where(eq(fiscalProfiles.ownerId, ownerId));
    return p ? { rfc: p.rfc, name: p.legalName, regimenFiscal: p.regimenFiscal, domicilioFiscal: p.postalCode, usoCfdi: p.usoCfdi } : null;
  }

  return { getFiscalProfile, saveFiscalProfile, receiverOf };
}

export type FiscalService = ReturnType<typeof createFiscalService>;
