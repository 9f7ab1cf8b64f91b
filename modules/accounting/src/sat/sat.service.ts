import type { cfdiCancelled, cfdiStamped, paymentReceived, paymentRefunded } from '@petfriendly/billing';
import {
  type Actor,
  addLocalDays,
  ConflictError,
  type EventContext,
  type EventPayload,
  type ModuleContext,
  money,
  NotFoundError,
  parseInput,
} from '@petfriendly/core';
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { zipSync } from 'fflate';
import { accounts, journalEntries, journalLines } from '../accounting.tables';
import { type Account, chartOf, type Movement, movements, onNaturalSide, rolledUp } from '../balances';
import { closingMoves, withoutMoves } from '../closing-entries';
import { requireBookkeeper } from '../ledger.service';
import { firstDay, lastDay } from '../month';
import { cfdiDocuments, referenceInvoices } from '../sat.tables';
import { balanzaSchema, catalogoSchema, polizasSchema } from './sat.schemas';
import { balanzaXml, type CfdiRef, catalogoXml, polizasXml, type SatDocument, satFileName } from './sat-xml';
import { validateSatXml } from './validate-xsd';

/** Público en general: the receptor of a CFDI issued without the customer's RFC. */
const PUBLICO_EN_GENERAL = 'XAXX010101000';

export interface SatFile {
  /** Without extension: `EKU9003173C9202603BN`. */
  name: string;
  xml: string;
}

/**
 * The SAT's Contabilidad Electrónica 1.3 from the books: catálogo de cuentas, balanza de comprobación
 * (normal or complementaria; month 13 is the year-end closing entry alone) and pólizas del periodo with the
 * UUID of the CFDI each entry books. Every document is checked against the SAT's XSD before it is handed out.
 */
export function createSatService(ctx: ModuleContext, issuerRfc: () => Promise<string>) {
  const { db } = ctx;

  /** `cfdi_issued`: an invoice's UUID and receptor, for its pólizas. */
  async function onCfdiStamped(p: EventPayload<typeof cfdiStamped>, { tx }: EventContext) {
    if (!p.uuid) return;
    const row = { uuid: p.uuid, receiverRfc: p.receiverRfc ?? PUBLICO_EN_GENERAL, total: p.total, cancelled: false };
    await tx
      .insert(cfdiDocuments)
      .values({ invoiceId: p.invoiceId, ...row })
      .onConflictDoUpdate({ target: cfdiDocuments.invoiceId, set: row });
  }

  async function onCfdiCancelled(p: EventPayload<typeof cfdiCancelled>, { tx }: EventContext) {
    await tx.update(cfdiDocuments).set({ cancelled: true }).where(eq(cfdiDocuments.invoiceId, p.invoiceId));
  }

  /** A payment's or refund's entry relates to its invoice's CFDI. */
  async function onPayment(p: EventPayload<typeof paymentReceived> | EventPayload<typeof paymentRefunded>, { tx }: EventContext) {
    await tx
      .insert(referenceInvoices)
      .values({ reference: `payment:${p.paymentId}`, invoiceId: p.invoiceId })
      .onConflictDoNothing();
  }

  async function checked(kind: SatDocument, name: string, xml: string): Promise<SatFile> {
    const result = await validateSatXml(kind, xml);
    if (!result.valid)
      throw new ConflictError('accounting.sat_xml_invalid', `The ${name} file does not pass the SAT's schema: ${result.errors.slice(0, 3).join('; ')}`, {
        errors: result.errors.slice(0, 3).join('; '),
      });
    return { name, xml };
  }

  function levels(all: Account[]) {
    const byId = new Map(all.map((a) => [a.id, a]));
    const level = (a: Account): number => (a.parentId ? level(byId.get(a.parentId)!) + 1 : 1);
    return { byId, level };
  }

  /** Catálogo de cuentas (CT) as it stands. */
  async function catalogo(actor: Actor, input: unknown): Promise<SatFile> {
    requireBookkeeper(actor);
    const { year, month } = parseInput(catalogoSchema, input);
    const [rfc, all] = await Promise.all([issuerRfc(), db.select().from(accounts).orderBy(asc(accounts.code))]);
    const { byId, level } = levels(all);
    const xml = catalogoXml({
      rfc,
      year,
      month,
      accounts: all.map((a) => ({
        code: a.code,
        name: a.name,
        satCode: a.satCode,
        level: level(a),
        parentCode: a.parentId ? byId.get(a.parentId)!.code : null,
        naturalSide: a.naturalSide,
      })),
    });
    return checked('catalogo', satFileName(rfc, year, month, 'CT'), xml);
  }

  /**
   * Balanza de comprobación (BN, or BC for a complementaria): every account of the catálogo with its balances on
   * its natural side. December leaves out the closing entry, which month 13 shows alone.
   */
  async function balanza(actor: Actor, input: unknown): Promise<SatFile> {
    requireBookkeeper(actor);
    const { year, month, kind, modifiedOn } = parseInput(balanzaSchema, input);
    const chart = await chartOf(db);
    const closing = month >= 12 ? await closingMoves(db, { from: `${year}-12-01`, to: `${year}-12-31` }) : new Map<number, Movement>();
    const [rfc, opening, during] =
      month === 13
        ? await Promise.all([issuerRfc(), movements(db, { to: `${year}-12-31` }).then((m) => withoutMoves(m, closing)), Promise.resolve(closing)])
        : await Promise.all([
            issuerRfc(),
            movements(db, { to: addLocalDays(firstDay(year, month), -1) }),
            movements(db, { from: firstDay(year, month), to: lastDay(year, month) }).then((m) => (month === 12 ? withoutMoves(m, closing) : m)),
          ]);
    const xml = balanzaXml({
      rfc,
      year,
      month,
      kind,
      modifiedOn,
      rows: chart.accounts.map((a) => {
        const open = onNaturalSide(a, rolledUp(a, chart, opening));
        const moved = rolledUp(a, chart, during);
        return {
          code: a.code,
          opening: open.toFixed(2),
          debit: moved.debit.toFixed(2),
          credit: moved.credit.toFixed(2),
          closing: open.plus(onNaturalSide(a, moved)).toFixed(2),
        };
      }),
    });
    return checked('balanza', satFileName(rfc, year, month, kind === 'N' ? 'BN' : 'BC'), xml);
  }

  /** The CFDI each reference books: `invoice:N` its own, `payment:N` its invoice's. */
  async function cfdiOf(references: string[]): Promise<Map<string, CfdiRef>> {
    const links = references.length ? await db.select().from(referenceInvoices).where(inArray(referenceInvoices.reference, references)) : [];
    const invoiceOf = new Map<string, number>(links.map((l) => [l.reference, l.invoiceId]));
    for (const r of references) if (/^invoice:\d+$/.test(r)) invoiceOf.set(r, Number(r.slice(8)));
    const ids = [...new Set(invoiceOf.values())];
    const docs = ids.length ? await db.select().from(cfdiDocuments).where(inArray(cfdiDocuments.invoiceId, ids)) : [];
    const byInvoice = new Map(docs.map((d) => [d.invoiceId, { uuid: d.uuid, rfc: d.receiverRfc, total: money(d.total).toFixed(2) }]));
    const out = new Map<string, CfdiRef>();
    for (const [reference, invoiceId] of invoiceOf) {
      const doc = byInvoice.get(invoiceId);
      if (doc) out.set(reference, doc);
    }
    return out;
  }

  /** Pólizas del periodo (PL): the month's posted entries, each with its lines and its CFDI. */
  async function polizas(actor: Actor, input: unknown): Promise<SatFile> {
    requireBookkeeper(actor);
    const { year, month, tipoSolicitud, numOrden, numTramite } = parseInput(polizasSchema, input);
    const inMonth = and(eq(journalEntries.status, 'posted'), gte(journalEntries.date, firstDay(year, month)), lte(journalEntries.date, lastDay(year, month)));
    const [rfc, entries, lines] = await Promise.all([
      issuerRfc(),
      db.select().from(journalEntries).where(inMonth).orderBy(asc(journalEntries.entryNumber)),
      db
        .select({
          entryId: journalLines.entryId,
          code: accounts.code,
          name: accounts.name,
          concept: journalLines.description,
          debit: journalLines.debit,
          credit: journalLines.credit,
        })
        .from(journalLines)
        .innerJoin(journalEntries, eq(journalEntries.id, journalLines.entryId))
        .innerJoin(accounts, eq(accounts.id, journalLines.accountId))
        .where(inMonth)
        .orderBy(asc(journalLines.entryId), asc(journalLines.lineOrder)),
    ]);
    if (entries.length === 0)
      throw new NotFoundError('accounting.sat_no_entries', `No entries were posted in ${year}-${String(month).padStart(2, '0')}.`, { year, month });
    const byEntry = new Map<number, typeof lines>();
    for (const l of lines) byEntry.set(l.entryId, [...(byEntry.get(l.entryId) ?? []), l]);
    const cfdi = await cfdiOf([...new Set(entries.map((e) => e.reference))]);
    const xml = polizasXml({
      rfc,
      year,
      month,
      tipoSolicitud,
      numOrden,
      numTramite,
      polizas: entries.map((e) => ({
        number: e.entryNumber!,
        date: e.date,
        concept: e.description,
        cfdi: cfdi.get(e.reference) ?? null,
        lines: (byEntry.get(e.id) ?? []).map((l) => ({ ...l, debit: money(l.debit).toFixed(2), credit: money(l.credit).toFixed(2) })),
      })),
    });
    return checked('polizas', satFileName(rfc, year, month, 'PL'), xml);
  }

  /** The SAT takes each XML compressed alone in a .zip of the same name. */
  function zip(file: SatFile): Buffer {
    return Buffer.from(zipSync({ [`${file.name}.xml`]: Buffer.from(file.xml, 'utf8') }, { level: 9 }));
  }

  /** A file to hand out: the XML, or zipped alone under its own name. */
  function download(file: SatFile, format: 'xml' | 'zip') {
    return format === 'zip'
      ? { type: 'application/zip', filename: `${file.name}.zip`, body: zip(file) }
      : { type: 'application/xml; charset=utf-8', filename: `${file.name}.xml`, body: Buffer.from(file.xml, 'utf8') };
  }

  return { onCfdiStamped, onCfdiCancelled, onPayment, catalogo, balanza, polizas, zip, download };
}

export type SatService = ReturnType<typeof createSatService>;
