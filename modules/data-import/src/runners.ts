import { type AccountsImportPort, phoneKey } from '@petfriendly/accounts';
import { type Actor, describeIssue, type FieldIssue, isServiceError, templateErrorMap, ValidationError } from '@petfriendly/core';
import { type PetImportPort, petCreateSchema, vaccinationSchema } from '@petfriendly/vet-clinic';
import type { z } from 'zod';
import type { ImportKind } from './data-import.tables';
import { nameKey, normalise } from './values';

export interface ImportDeps {
  accounts: AccountsImportPort;
  vet: PetImportPort;
}

/** A row's values by our field names, and its line in the file. */
export interface MappedRow {
  line: number;
  values: Record<string, string>;
}

/** What became (or, on a dry run, would become) of a row. */
export type Outcome =
  | { status: 'created'; entityId: string | null }
  | { status: 'duplicate'; entityId: string | null; errors: FieldIssue[] }
  | { status: 'failed'; errors: FieldIssue[] };

/** Takes a file's rows a chunk at a time, remembering what earlier chunks held (duplicates inside the file). */
export type Runner = (rows: readonly MappedRow[]) => Promise<Outcome[]>;

const issue = (field: string, key: string, message: string, params?: Record<string, string | number>): FieldIssue => ({ field, key, message, params });
const sameAsLine = (field: string, line: number) => issue(field, 'data_import.duplicate_in_file', 'Same as line {{line}} of the file.', { line });
const alreadyThere = (field: string) => issue(field, 'data_import.already_exists', 'Already in the clinic: left as it is.');

function check<S extends z.ZodType>(schema: S, input: unknown): { ok: true; data: z.infer<S> } | { ok: false; errors: FieldIssue[] } {
  const result = schema.safeParse(input, { error: templateErrorMap as never });
  return result.success ? { ok: true, data: result.data } : { ok: false, errors: result.error.issues.map(describeIssue) };
}

/** A refusal from the owning module becomes the row's errors; anything else is a fault and stops the run. */
async function attempt(create: () => Promise<string>): Promise<Outcome> {
  try {
    return { status: 'created', entityId: await create() };
  } catch (error) {
    if (error instanceof ValidationError)
      return { status: 'failed', errors: error.fields.length > 0 ? error.fields : [issue('(row)', error.code, error.message)] };
    if (isServiceError(error)) return { status: 'failed', errors: [issue('(row)', error.code, error.message)] };
    throw error;
  }
}

export function createRunner(kind: ImportKind, deps: ImportDeps, actor: Actor, dryRun: boolean): Runner {
  return { owners: ownersRunner, pets: petsRunner, vaccinations: vaccinationsRunner }[kind](deps, actor, dryRun);
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

/** The owner a pet or vaccination line names, by email or phone; owners come in before their pets. */
async function ownersOf(deps: ImportDeps, rows: readonly MappedRow[]) {
  const found = await deps.accounts.ownerImport.ownersByContacts(
    rows.map((r) => r.values.ownerEmail ?? ''),
    rows.map((r) => r.values.ownerPhone ?? ''),
  );
  const byEmail = new Map(found.map((o) => [o.email, o.id]));
  const byPhone = new Map(found.filter((o) => phoneKey(o.phone).length === 10).map((o) => [phoneKey(o.phone), o.id]));
  return (v: Record<string, string>): string | FieldIssue => {
    const email = (v.ownerEmail ?? '').trim().toLowerCase();
    const phone = phoneKey(v.ownerPhone ?? '');
    const id = (email && byEmail.get(email)) || (phone.length === 10 && byPhone.get(phone)) || null;
    if (id) return id;
    const field = email || !phone ? 'ownerEmail' : 'ownerPhone';
    return email || phone
      ? issue(field, 'data_import.owner_not_found', 'No owner in the clinic with this email or phone: import the owners first.')
      : issue(field, 'data_import.owner_missing', "The owner's email or phone is required.");
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
    const ownerOf = await ownersOf(deps, rows);
    const owners = rows.map((r) => ownerOf(r.values));
    const pets = await deps.vet.petImport.petsOfOwners(owners.filter((o): o is string => typeof o === 'string'));
    const outcomes: Outcome[] = [];
    for (const [i, { values: v }] of rows.entries()) {
      const owner = owners[i]!;
      if (typeof owner !== 'string') {
        outcomes.push({ status: 'failed', errors: [owner] });
        continue;
      }
      const species = v.species ? normalise.species(v.species) : null;
      const matches = pets.filter((p) => p.ownerId === owner && nameKey(p.name) === nameKey(v.petName ?? '') && (!species || p.species === species));
      if (matches.length !== 1) {
        outcomes.push({
          status: 'failed',
          errors: [
            matches.length === 0
              ? issue('petName', 'data_import.pet_not_found', 'This owner has no pet with this name: import the pets first.')
              : issue('petName', 'data_import.pet_ambiguous', 'This owner has several pets with this name: map the species column.'),
          ],
        });
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
      const petId = matches[0]!.id;
      if (dryRun) {
        const checked = check(vaccinationSchema, input);
        outcomes.push(checked.ok ? { status: 'created', entityId: null } : { status: 'failed', errors: checked.errors });
      } else outcomes.push(await attempt(async () => String((await deps.vet.records.addVaccination(petId, input, actor)).id)));
    }
    return outcomes;
  };
}
