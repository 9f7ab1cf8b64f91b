import { type Actor, type FieldIssue, foldForSearch, money, roundMoney, TAX_CLASSES, type TaxClass, taxTreatment } from '@petfriendly/core';
import { taxRatesOf } from '@petfriendly/store';
import { alreadyThere, attempt, attemptCheck, type ImportDeps, issue, type MappedRow, type Outcome, type Runner, sameAsLine } from './runner-kit';
import { normalise } from './values';

const AMOUNT = /^\d{1,8}(\.\d{1,2})?$/;
/** A price before IVA may carry more decimals than a centavo (what the IVA-included price came from). */
const NET_AMOUNT = /^\d{1,8}(\.\d{1,6})?$/;

/**
 * The shelf price (IVA included, to the centavo) from the price with IVA, the price without it, or both:
 * without IVA it is net × (1 + the class's rate) rounded half up; given both, they must agree to the centavo.
 * A price we cannot read is passed on for the store's own check to report.
 */
export function shelfPrice(v: Record<string, string>, taxClass: string, rates: { iva16: string; iva8: string }): string | FieldIssue {
  const gross = v.price?.trim() ? normalise.money(v.price) : '';
  const net = v.priceExclIva?.trim() ? normalise.money(v.priceExclIva) : '';
  if (!gross && !net) return issue('price', 'data_import.price_missing', 'Give the price with IVA, or the price without IVA.');
  if (!net) return gross;
  if (!NET_AMOUNT.test(net)) return issue('priceExclIva', 'must be an amount like 199.90', 'must be an amount like 199.90');
  if (!(TAX_CLASSES as readonly string[]).includes(taxClass))
    return issue('taxClass', 'data_import.tax_class_unknown', 'Unknown IVA class: use 16, 8, 0 or exento.');
  const tax = taxTreatment(taxClass as TaxClass, rates);
  const computed = roundMoney(money(net).times(money(1).plus(tax.kind === 'rate' ? tax.rate : 0))).toFixed(2);
  if (gross && AMOUNT.test(gross) && !money(gross).eq(computed)) {
    return issue('price', 'data_import.price_mismatch', 'The price with IVA ({{price}}) is not the price without IVA plus IVA ({{expected}}).', {
      price: gross,
      expected: computed,
    });
  }
  return computed;
}

/** Yes/no columns: what we recognise, or the line's error. */
function yesNo(v: Record<string, string>, field: string): boolean | FieldIssue {
  const b = normalise.bool(v[field] ?? '');
  return typeof b === 'boolean' ? b : issue(field, 'data_import.not_yes_no', 'must be yes or no');
}

/** "Medicamentos > Antibióticos" (or with "/"): the path of category names, top first. */
const categoryPath = (v: string) =>
  v
    .split(/[>/]/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Products with their category (found by name, case and accents ignored, or created), prices with or without
 * IVA, the IVA class, and duplicates by SKU (case ignored) or barcode against earlier lines and the clinic.
 */
export function productsRunner(deps: ImportDeps, actor: Actor, dryRun: boolean): Runner {
  const seen = new Map<string, number>();
  const rates = taxRatesOf(deps.store.settings);
  return async (rows) => {
    const s = deps.store.storeImport;
    const existing = await s.productsByCodes(
      rows.map((r) => r.values.sku ?? ''),
      rows.map((r) => r.values.barcode ?? ''),
    );
    const known = new Map<string, number>();
    for (const p of existing) {
      known.set(`s:${p.sku.toLowerCase()}`, p.id);
      if (p.barcode) known.set(`b:${p.barcode}`, p.id);
    }
    let index = await s.categoryIndex();
    /** The category a line names, created when missing (on a dry run, only looked for). */
    async function categoryOf(name: string): Promise<number | null> {
      let parent: number | null = null;
      for (const [depth, segment] of categoryPath(name).entries()) {
        const k = foldForSearch(segment).trim();
        const candidates = index.filter((c) => c.key === k && (depth === 0 ? true : c.parentId === parent));
        const found = candidates.find((c) => c.parentId === parent) ?? candidates[0];
        if (found) {
          parent = found.id;
          continue;
        }
        if (dryRun) return null;
        parent = (await deps.store.categories.createCategory(actor, { name: segment, parentId: parent ?? undefined })).id;
        index = await s.categoryIndex();
      }
      return parent;
    }
    const outcomes: Outcome[] = [];
    for (const { line, values: v } of rows) {
      outcomes.push(await productLine(line, v));
    }
    return outcomes;

    async function productLine(line: number, v: Record<string, string>): Promise<Outcome> {
      const sku = (v.sku ?? '').trim();
      const barcode = (v.barcode ?? '').trim();
      const keys: [string, string][] = [];
      if (sku) keys.push(['sku', `s:${sku.toLowerCase()}`]);
      if (barcode) keys.push(['barcode', `b:${barcode}`]);
      for (const [field, k] of keys) {
        const earlier = seen.get(k);
        if (earlier !== undefined) return { status: 'duplicate', entityId: null, errors: [sameAsLine(field, earlier)] };
      }
      for (const [field, k] of keys) {
        const id = known.get(k);
        if (id !== undefined) return { status: 'duplicate', entityId: String(id), errors: [alreadyThere(field)] };
      }
      for (const [, k] of keys) seen.set(k, line);
      const taxClass = normalise.taxClass(v.taxClass ?? '');
      const price = shelfPrice(v, taxClass, rates);
      const flags = { requiresPrescription: yesNo(v, 'requiresPrescription'), isControlled: yesNo(v, 'isControlled') };
      const problems = [price, ...Object.values(flags)].filter((x): x is FieldIssue => typeof x === 'object');
      if (problems.length > 0) return { status: 'failed', errors: problems };
      if (!(v.category ?? '').trim()) return { status: 'failed', errors: [issue('category', 'is required', 'is required')] };
      const input = {
        name: v.name,
        sku,
        barcode,
        description: v.description,
        price,
        costPrice: v.costPrice ? normalise.money(v.costPrice) : undefined,
        taxClass,
        ...flags,
        prescriptionName: v.prescriptionName,
        controlledGroup: v.controlledGroup?.trim().toUpperCase(),
        satProductCode: v.satProductCode || undefined,
        satUnitCode: v.satUnitCode?.trim().toUpperCase() || undefined,
      };
      if (dryRun) return attemptCheck(() => s.checkProduct({ ...input, categoryId: 1 }));
      // The product's own checks first, so a broken line creates no category.
      const checked = await attemptCheck(() => s.checkProduct({ ...input, categoryId: 1 }));
      if (checked.status !== 'created') return checked;
      return attempt(async () => String((await deps.store.products.createProduct(actor, { ...input, categoryId: await categoryOf(v.category!) })).id));
    }
  };
}

/**
 * Opening stock: a batch per line (lot, expiry, unit cost, supplier) received through the store, so the
 * receipt is an event the books follow and a controlled product's book opens with it. The product is found
 * by SKU or barcode; a lot already received for the product, or earlier in the file, is a duplicate.
 */
export function stockRunner(deps: ImportDeps, actor: Actor, dryRun: boolean): Runner {
  const seen = new Map<string, number>();
  return async (rows: readonly MappedRow[]) => {
    const s = deps.store.storeImport;
    const found = await s.productsByCodes(
      rows.map((r) => r.values.sku ?? ''),
      rows.map((r) => r.values.barcode ?? ''),
    );
    const bySku = new Map(found.map((p) => [p.sku.toLowerCase(), p.id]));
    const byBarcode = new Map(found.filter((p) => p.barcode).map((p) => [p.barcode!, p.id]));
    const lots = new Set((await s.lotsOf(found.map((p) => p.id))).map((l) => `${l.productId}|${l.batchNumber.toLowerCase()}`));
    const outcomes: Outcome[] = [];
    for (const { line, values: v } of rows) {
      const sku = (v.sku ?? '').trim();
      const barcode = (v.barcode ?? '').trim();
      const productId = (sku && bySku.get(sku.toLowerCase())) || (barcode && byBarcode.get(barcode)) || null;
      if (!productId) {
        outcomes.push({
          status: 'failed',
          errors: [
            sku || barcode
              ? issue(sku ? 'sku' : 'barcode', 'data_import.product_not_found', 'No product in the clinic with this SKU or barcode: import the products first.')
              : issue('sku', 'data_import.product_code_missing', "The product's SKU or barcode is required."),
          ],
        });
        continue;
      }
      const lot = (v.batchNumber ?? '').trim();
      const k = `${productId}|${lot.toLowerCase()}`;
      if (lot && seen.has(k)) {
        outcomes.push({ status: 'duplicate', entityId: null, errors: [sameAsLine('batchNumber', seen.get(k)!)] });
        continue;
      }
      if (lot && lots.has(k)) {
        outcomes.push({ status: 'duplicate', entityId: null, errors: [alreadyThere('batchNumber')] });
        continue;
      }
      if (lot) seen.set(k, line);
      const input = {
        productId,
        quantity: (v.quantity ?? '').trim(),
        batchNumber: lot,
        expiryDate: v.expiryDate ? normalise.date(v.expiryDate) : undefined,
        costPerUnit: normalise.money(v.costPerUnit ?? ''),
        supplier: v.supplier,
      };
      outcomes.push(
        dryRun
          ? await attemptCheck(() => deps.store.inventory.checkReceipt(input))
          : await attempt(async () => String((await deps.store.inventory.receiveStock(actor, input)).id)),
      );
    }
    return outcomes;
  };
}
