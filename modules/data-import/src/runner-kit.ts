import { type AccountsImportPort, phoneKey } from '@petfriendly/accounts';
import { describeIssue, type FieldIssue, isServiceError, templateErrorMap, ValidationError } from '@petfriendly/core';
import type { StoreImportPort } from '@petfriendly/store';
import type { PetImportPort } from '@petfriendly/vet-clinic';
import type { z } from 'zod';
import { nameKey, normalise } from './values';

export interface ImportDeps {
  accounts: AccountsImportPort;
  vet: PetImportPort;
  store: StoreImportPort;
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

export const issue = (field: string, key: string, message: string, params?: Record<string, string | number>): FieldIssue => ({ field, key, message, params });
export const sameAsLine = (field: string, line: number) => issue(field, 'data_import.duplicate_in_file', 'Same as line {{line}} of the file.', { line });
export const alreadyThere = (field: string) => issue(field, 'data_import.already_exists', 'Already in the clinic: left as it is.');

export function check<S extends z.ZodType>(schema: S, input: unknown): { ok: true; data: z.infer<S> } | { ok: false; errors: FieldIssue[] } {
  const result = schema.safeParse(input, { error: templateErrorMap as never });
  return result.success ? { ok: true, data: result.data } : { ok: false, errors: result.error.issues.map(describeIssue) };
}

/** A refusal from the owning module becomes the row's errors; anything else is a fault and stops the run. */
export async function attempt(create: () => Promise<string>): Promise<Outcome> {
  try {
    return { status: 'created', entityId: await create() };
  } catch (error) {
    if (error instanceof ValidationError)
      return { status: 'failed', errors: error.fields.length > 0 ? error.fields : [issue('(row)', error.code, error.message)] };
    if (isServiceError(error)) return { status: 'failed', errors: [issue('(row)', error.code, error.message)] };
    throw error;
  }
}

export /** The owner a pet, vaccination or visit line names, by email or phone; owners come in before their pets. */
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

/** The pet a line names among its owner's pets: by name, and by species when the line gives one. */
export async function petsOf(deps: ImportDeps, rows: readonly MappedRow[]) {
  const ownerOf = await ownersOf(deps, rows);
  const owners = rows.map((r) => ownerOf(r.values));
  const pets = await deps.vet.petImport.petsOfOwners(owners.filter((o): o is string => typeof o === 'string'));
  return rows.map((r, i): number | FieldIssue => {
    const owner = owners[i]!;
    if (typeof owner !== 'string') return owner;
    const v = r.values;
    const species = v.species ? normalise.species(v.species) : null;
    const matches = pets.filter((p) => p.ownerId === owner && nameKey(p.name) === nameKey(v.petName ?? '') && (!species || p.species === species));
    if (matches.length === 1) return matches[0]!.id;
    return matches.length === 0
      ? issue('petName', 'data_import.pet_not_found', 'This owner has no pet with this name: import the pets first.')
      : issue('petName', 'data_import.pet_ambiguous', 'This owner has several pets with this name: map the species column.');
  });
}

/** A dry run's check by the owning module (its validation, nothing written): a refusal becomes the row's errors. */
export async function attemptCheck(validate: () => unknown): Promise<Outcome> {
  const outcome = await attempt(async () => {
    await validate();
    return '';
  });
  return outcome.status === 'created' ? { status: 'created', entityId: null } : outcome;
}
