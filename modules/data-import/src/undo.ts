import { IMPORTERS } from '@petfriendly/accounts';
import { type Actor, type ModuleContext, requireStaff, ValidationError } from '@petfriendly/core';
import { and, eq, inArray } from 'drizzle-orm';
import { type ImportKind, importRows, imports } from './data-import.tables';
import type { Import } from './import.service';
import type { ImportDeps } from './runners';

type Removal = { removed: string[]; kept: string[] };

/**
 * Taking an import back as a whole: what it created is removed through the owning module, which keeps
 * anything used since (an owner with a pet or an invoice, a pet with a visit, a product with stock, a batch
 * already drawn from); those lines are reported as kept. Opening stock leaves through the stock flow.
 */
export function createUndo(ctx: ModuleContext, deps: ImportDeps, load: (id: number) => Promise<Import>) {
  const { db } = ctx;

  const remove: Record<ImportKind, (actor: Actor, ids: string[]) => Promise<Removal>> = {
    owners: (actor, ids) => deps.accounts.ownerImport.removeImportedOwners(actor, ids),
    pets: async (actor, ids) => asText(await deps.vet.petImport.removeImportedPets(actor, ids.map(Number))),
    vaccinations: async (actor, ids) => asText(await deps.vet.petImport.removeImportedVaccinations(actor, ids.map(Number))),
    visits: async (actor, ids) => asText(await deps.vet.petImport.removeImportedVisits(actor, ids.map(Number))),
    products: async (actor, ids) => asText(await deps.store.storeImport.removeImportedProducts(actor, ids.map(Number))),
    stock: async (actor, ids) => asText(await deps.store.storeImport.removeImportedStock(actor, ids.map(Number))),
  };

  async function undo(actor: Actor, id: number) {
    const staff = requireStaff(actor, IMPORTERS);
    const found = await load(id);
    if (found.status !== 'done') throw ValidationError.forField('data_import.not_undoable', 'status', 'Only a finished import can be undone.');
    return db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(imports)
        .set({ status: 'undone', undoneAt: ctx.clock.now() })
        .where(and(eq(imports.id, id), eq(imports.status, 'done')))
        .returning();
      if (!claimed) throw ValidationError.forField('data_import.not_undoable', 'status', 'Only a finished import can be undone.');
      const created = await tx
        .select({ line: importRows.rowNumber, entityId: importRows.entityId })
        .from(importRows)
        .where(and(eq(importRows.importId, id), eq(importRows.status, 'created')));
      const { removed, kept } = await remove[found.kind](
        staff,
        created.map((r) => r.entityId!),
      );
      const lines = (ids: string[]) => {
        const set = new Set(ids);
        return created.filter((r) => set.has(r.entityId!)).map((r) => r.line);
      };
      if (removed.length > 0) {
        await tx
          .update(importRows)
          .set({ status: 'undone' })
          .where(and(eq(importRows.importId, id), inArray(importRows.rowNumber, lines(removed))));
      }
      if (kept.length > 0) {
        await tx
          .update(importRows)
          .set({ status: 'kept', errors: [{ field: '(row)', key: 'data_import.kept_in_use', message: 'Used since it was imported: kept.' }] })
          .where(and(eq(importRows.importId, id), inArray(importRows.rowNumber, lines(kept))));
      }
      return { removed: removed.length, kept: lines(kept) };
    });
  }

  return { undo };
}

const asText = (r: { removed: number[]; kept: number[] }): Removal => ({ removed: r.removed.map(String), kept: r.kept.map(String) });
