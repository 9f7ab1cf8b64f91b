import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Actor, requireStaff } from './actor';
import { ConfigError } from './config';
import { settingOverrides } from './core.tables';
import type { Db } from './db';
import { ValidationError } from './errors';

type Values = Record<string, unknown>;

interface Block {
  schema: z.ZodObject;
  /** The object the module's services hold: saving updates it in place, so they read the new value. */
  live: Values;
}

/** Every override in the database, by block (read once at start-up, before settings are built). */
export async function loadSettingOverrides(db: Db): Promise<Map<string, Values>> {
  const rows = await db.select().from(settingOverrides);
  const byBlock = new Map<string, Values>();
  for (const row of rows) byBlock.set(row.block, { ...byBlock.get(row.block), [row.key]: row.value });
  return byBlock;
}

/** Applies a block's stored overrides over what the environment gave; a stored value that no longer fits stops start-up. */
export function withOverrides<S extends z.ZodObject>(block: string, schema: S, fromEnv: z.infer<S>, overrides: Values | undefined): z.infer<S> {
  if (!overrides) return fromEnv;
  const parsed = schema.safeParse({ ...fromEnv, ...pick(overrides, Object.keys(schema.shape)) });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${block}__${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid stored setting ${problems} (change it in the admin or delete it from core.settings)`);
  }
  return parsed.data;
}

/**
 * Settings an admin changes while the clinic runs (setup, the clinic's facts). The environment stays
 * the default and a stored value overrides it; services keep reading the same object, which a save
 * updates in place after commit. Another process (a separate worker) sees the change when it restarts.
 */
export class RuntimeSettings {
  private readonly blocks = new Map<string, Block>();

  constructor(private readonly db: Db) {}

  register(block: string, schema: z.ZodObject, live: Values): void {
    this.blocks.set(block, { schema, live });
  }

  /** A block's current values (what the services see). */
  get(block: string): Readonly<Values> {
    return this.blockOf(block).live;
  }

  /** The keys of a block an admin has stored (not from the environment). */
  async storedKeys(block: string): Promise<string[]> {
    const rows = await this.db.select({ key: settingOverrides.key }).from(settingOverrides).where(sql`${settingOverrides.block} = ${block}`);
    return rows.map((r) => r.key);
  }

  /** Checks the values with the block's schema (a 422 names the bad key), stores them, then applies them. */
  async save(actor: Actor, block: string, values: Values): Promise<Readonly<Values>> {
    if (actor.kind !== 'system') requireStaff(actor, ['admin']);
    const { schema, live } = this.blockOf(block);
    const unknown = Object.keys(values).filter((k) => !(k in schema.shape));
    if (unknown.length) throw ValidationError.forField('validation.unknown_setting', unknown[0]!, `is not a setting of ${block}.`, { block });
    const parsed = schema.safeParse({ ...live, ...values });
    if (!parsed.success) throw ValidationError.fromZod(parsed.error);
    const next = parsed.data as Values;
    const updatedBy = actor.kind === 'staff' ? actor.userId : null;
    await this.db.transaction(async (tx) => {
      for (const key of Object.keys(values)) {
        await tx
          .insert(settingOverrides)
          .values({ block, key, value: next[key] ?? null, updatedBy })
          .onConflictDoUpdate({ target: [settingOverrides.block, settingOverrides.key], set: { value: next[key] ?? null, updatedBy, updatedAt: new Date() } });
      }
    });
    Object.assign(live, pick(next, Object.keys(values)));
    return live;
  }

  private blockOf(block: string): Block {
    const found = this.blocks.get(block);
    if (!found) throw new Error(`No settings block ${block}`);
    return found;
  }
}

function pick(values: Values, keys: string[]): Values {
  return Object.fromEntries(keys.filter((k) => k in values).map((k) => [k, values[k]]));
}
