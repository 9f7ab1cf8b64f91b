import { phoneKey } from '@petfriendly/accounts';
import type { Actor } from '@petfriendly/core';
import { petCreateSchema, vaccinationSchema } from '@petfriendly/vet-clinic';
import { productsRunner, stockRunner } from './catalogue-runners';
import type { ImportKind } from './data-import.tables';
import { alreadyThere, attempt, check, type ImportDeps, type Outcome, ownersOf, petsOf, type Runner, sameAsLine } from './runner-kit';
import { nameKey, normalise } from './values';
import { visitsRunner } from './visits-runner';

export type { ImportDeps, MappedRow, Outcome } from './runner-kit';

/** Each line's fate in a file of this kind; `timeZone` is the clinic's, for the day a past visit took place. */
export function createRunner(kind: ImportKind, deps: ImportDeps, actor: Actor, dryRun: boolean, timeZone: string): Runner {
  const runners = { owners: ownersRunner, pets: petsRunner, vaccinations: vaccinationsRunner, products: productsRunner, stock: stockRunner };
  return kind === 'visits' ? visitsRunner(deps, actor, dryRun, timeZone) : runners[kind](deps, actor, dryRun);
}

/** Owners: duplicates by email or phone (last ten digits), against earlier lines of the file and the clinic. */
function ownersRunner(deps: ImportDeps, actor: Actor, dryRun: boolean): Runner {
  const seen = new Map<string, number>();
  return async (rows) => {
    const inputs = rows.map(({ values: v }) => ({
      name: v.name,
      email: v.email,
      phone: v.phone ?? '',
      alternatePhone: v.alternatePhone ?? '',
      address: v.address ?? '',
      preferredLanguage: normalise.language(v.preferredLanguage ?? ''),
    }));
    const existing = await deps.accounts.ownerImport.ownersByContacts(
      inputs.map((o) => o.email ?? ''),
      inputs.map((o) => o.phone),
    );
    const known = new Map<string, string>();
    for (const o of existing) {
      known.set(`e:${o.email}`, o.id);
      if (phoneKey(o.phone).length === 10) known.set(`p:${phoneKey(o.phone)}`, o.id);
    }
    const outcomes: (Outcome | null)[] = rows.map((row, i) => {
      const o = inputs[i]!;
      const keys: [string, string][] = [];
      if (o.email?.trim()) keys.push(['email', `e:${o.email.trim().toLowerCase()}`]);
      if (phoneKey(o.phone).length === 10) keys.push(['phone', `p:${phoneKey(o.phone)}`]);
      for (const [field, k] of keys) {
        const line = seen.get(k);
        if (line !== undefined) return { status: 'duplicate', entityId: null, errors: [sameAsLine(field, line)] };
      }
      for (const [field, k] of keys) {
        const id = known.get(k);
        if (id) return { status: 'duplicate', entityId: id, errors: [alreadyThere(field)] };
      }
      for (const [, k] of keys) seen.set(k, row.line);
      return null;
    });
    const fresh = inputs.filter((_, i) => outcomes[i] === null);
    const results = dryRun ? await deps.accounts.ownerImport.checkOwners(actor, fresh) : await deps.accounts.ownerImport.importOwners(actor, fresh);
    let next = 0;
    return outcomes.map((o) => {
      if (o) return o;
      const r = results[next++]!;
      if (!r.ok) return { status: 'failed', errors: r.errors };
      return { status: 'created', entityId: 'id' in r ? r.id : null };
    });
  };
}

/** Pets: the owner by contact; duplicates by owner, name and species. */
function petsRunner(deps: ImportDeps, actor: Actor, dryRun: boolean): Runner {
  const seen = new Map<string, number>();
  return async (rows) => {
    const ownerOf = await ownersOf(deps, rows);
    const owners = rows.map((r) => ownerOf(r.values));
    const existing = await deps.vet.petImport.petsOfOwners(owners.filter((o): o is string => typeof o === 'string'));
    const known = new Map(existing.map((p) => [`${p.ownerId}|${nameKey(p.name)}|${p.species}`, p.id]));
    const outcomes: Outcome[] = [];
    for (const [i, { line, values: v }] of rows.entries()) {
      const owner = owners[i]!;
      if (typeof owner !== 'string') {
        outcomes.push({ status: 'failed', errors: [owner] });
        continue;
      }
      const input = {
        name: v.name,
        species: normalise.species(v.species ?? ''),
        breed: v.breed,
        color: v.color,
        dateOfBirth: v.dateOfBirth === undefined ? undefined : normalise.date(v.dateOfBirth),
        gender: normalise.gender(v.gender ?? ''),
        isNeutered: normalise.bool(v.isNeutered ?? ''),
        weightKg: v.weightKg ? normalise.decimal(v.weightKg) : undefined,
        microchipNumber: v.microchipNumber,
        notes: v.notes,
      };
      const k = `${owner}|${nameKey(v.name ?? '')}|${input.species}`;
      const earlier = seen.get(k);
      if (earlier !== undefined) {
        outcomes.push({ status: 'duplicate', entityId: null, errors: [sameAsLine('name', earlier)] });
        continue;
      }
      const id = known.get(k);
      if (id !== undefined) {
        outcomes.push({ status: 'duplicate', entityId: String(id), errors: [alreadyThere('name')] });
        continue;
      }
      seen.set(k, line);
      if (dryRun) {
        const checked = check(petCreateSchema, input);
        outcomes.push(checked.ok ? { status: 'created', entityId: null } : { status: 'failed', errors: checked.errors });
      } else outcomes.push(await attempt(async () => String((await deps.vet.pets.createPet(actor, input, owner)).id)));
    }
    return outcomes;
  };
}

/** Vaccinations given at the previous clinic: the pet by its owner, name (and species when given). */
function vaccinationsRunner(deps: ImportDeps, actor: Actor, dryRun: boolean): Runner {
  return async (rows) => {
    const petIds = await petsOf(deps, rows);
    const outcomes: Outcome[] = [];
    for (const [i, { values: v }] of rows.entries()) {
      const petId = petIds[i]!;
      if (typeof petId !== 'number') {
        outcomes.push({ status: 'failed', errors: [petId] });
        continue;
      }
      const input = {
        vaccineName: v.vaccineName,
        administeredDate: normalise.date(v.administeredDate ?? ''),
        nextDueDate: v.nextDueDate === undefined ? undefined : normalise.date(v.nextDueDate),
        lotNumber: v.lotNumber,
        manufacturer: v.manufacturer,
        notes: v.notes,
        givenElsewhere: true,
      };
      if (dryRun) {
        const checked = check(vaccinationSchema, input);
        outcomes.push(checked.ok ? { status: 'created', entityId: null } : { status: 'failed', errors: checked.errors });
      } else outcomes.push(await attempt(async () => String((await deps.vet.records.addVaccination(petId, input, actor)).id)));
    }
    return outcomes;
  };
}
