import type { AccountsServices } from '@petfriendly/accounts';
import { type Platform, rows, systemActor } from '@petfriendly/core';
import { sql } from 'drizzle-orm';
import { DEMO_PASSWORD } from '../apps/server/src/demo/logins';

export interface Counts {
  owners: number;
  pets: number;
  visits: number;
  vaccinations: number;
  notes: number;
  vitals: number;
  firstVisit: string;
  lastVisit: string;
}

export async function countRows(platform: Platform): Promise<Counts> {
  const [row] = await rows<Record<string, string | number>>(
    platform.ctx.db,
    sql`select
      (select count(*) from accounts.users where role = 'owner')::int as owners,
      (select count(*) from vet_clinic.pets)::int as pets,
      (select count(*) from vet_clinic.visits)::int as visits,
      (select count(*) from vet_clinic.vaccination_records)::int as vaccinations,
      (select count(*) from vet_clinic.clinical_notes)::int as notes,
      (select count(*) from vet_clinic.vital_signs)::int as vitals,
      (select min(visit_date)::date::text from vet_clinic.visits) as "firstVisit",
      (select max(visit_date)::date::text from vet_clinic.visits) as "lastVisit"`,
  );
  return row as unknown as Counts;
}

export interface BenchPet {
  id: number;
  name: string;
  ownerEmail: string;
  ownerId: string;
  visits: number;
  vaccinations: number;
}

/** The active pet with the longest history, and one with a single visit, with their owners' sign-ins. */
export async function pickPets(platform: Platform): Promise<{ long: BenchPet; short: BenchPet }> {
  const pick = (order: ReturnType<typeof sql>) =>
    rows<BenchPet>(
      platform.ctx.db,
      sql`select p.id, p.name, u.email as "ownerEmail", u.id as "ownerId", v.n::int as visits,
            (select count(*) from vet_clinic.vaccination_records r where r.pet_id = p.id)::int as vaccinations
          from vet_clinic.pets p
          join accounts.users u on u.id = p.owner_id
          join (select pet_id, count(*) as n from vet_clinic.visits group by pet_id) v on v.pet_id = p.id
          where p.is_active and not p.is_deceased and u.email <> 'maria@example.mx'
          order by ${order}, p.id limit 1`,
    ).then((r) => r[0]!);
  return { long: await pick(sql`v.n desc`), short: await pick(sql`v.n asc`) };
}

/** The commonest paternal surname among owners (second-to-last word of "Nombre Paterno Materno"). */
export async function commonSurname(platform: Platform): Promise<{ surname: string; owners: number }> {
  const [row] = await rows<{ surname: string; owners: number }>(
    platform.ctx.db,
    sql`select w[array_length(w, 1) - 1] as surname, count(*)::int as owners
        from (select string_to_array(name, ' ') as w from accounts.users where role = 'owner') s
        where array_length(w, 1) >= 3
        group by 1 order by 2 desc limit 1`,
  );
  return row!;
}

export interface Auth {
  /** Headers for `/api/v1` calls. */
  bearer(email: string): Promise<Record<string, string>>;
  /** Headers for HTML pages, signed in with the demo password. */
  session(email: string): Promise<Record<string, string>>;
}

export function authFor(platform: Platform): Auth {
  const accounts = platform.services.accounts as AccountsServices;
  const userId = async (email: string) => {
    const user = await accounts.directory.userByEmail(email);
    if (!user) throw new Error(`No user ${email} in the bench database`);
    return user.id;
  };
  return {
    bearer: async (email) => {
      const token = await accounts.tokens.createToken(systemActor, { name: 'bench', userId: await userId(email) });
      return { authorization: `Bearer ${token.token}`, accept: 'application/json' };
    },
    session: async (email) => {
      const { cookies } = await accounts.identity.signIn({ email, password: DEMO_PASSWORD }, new Headers());
      return { cookie: cookies.map((c) => c.split(';')[0]).join('; '), accept: 'text/html' };
    },
  };
}

/**
 * Five years of front-desk sales on top of the demo: an invoice (with two lines and a payment) per
 * visit, dated with the visit, so the billing lists run against a busy clinic's volume. The amounts
 * are what computeTotals makes of $450.00 and $200.00 at IVA 16 % (a $650.00 invoice).
 */
export async function addBillingVolume(platform: Platform): Promise<number> {
  const db = platform.ctx.db;
  await db.execute(sql`
    insert into billing.invoices (invoice_number, owner_id, pet_id, subtotal, discount_amount, tax_amount, total, amount_paid, status, due_date, created_at, issued_at, paid_at)
    select 'B-' || v.id, p.owner_id, p.id, 560.34, 0, 89.66, 650.00, 650.00, 'paid', v.visit_date::date, v.visit_date, v.visit_date, v.visit_date
    from vet_clinic.visits v join vet_clinic.pets p on p.id = v.pet_id`);
  await db.execute(sql`
    insert into billing.invoice_line_items (invoice_id, description, quantity, unit_price, unit_value, tax_class, tax_amount, line_total, clave_producto_sat, clave_unidad_sat)
    select i.id, l.description, 1, l.price, l.unit_value, 'iva16', l.tax, l.price, l.sat, l.unit
    from billing.invoices i cross join (values ('Consulta general', 450.00, 387.931034, 62.068965, '70122000', 'E48'), ('Desparasitante interno', 200.00, 172.413793, 27.586207, '51102500', 'H87')) as l(description, price, unit_value, tax, sat, unit)
    where i.invoice_number like 'B-%'`);
  await db.execute(sql`
    insert into billing.payments (invoice_id, amount, payment_method, created_at)
    select id, total, case when id % 3 = 0 then 'cash' else 'manual_card' end, created_at from billing.invoices where invoice_number like 'B-%'`);
  for (const table of ['invoices', 'invoice_line_items', 'payments']) await db.execute(sql.raw(`analyze billing.${table}`));
  const [row] = await rows<{ n: number }>(db, sql`select count(*)::int as n from billing.invoices`);
  return row!.n;
}
