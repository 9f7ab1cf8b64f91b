import type { Db } from '@petfriendly/core';

interface Client {
  query(...args: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /** A pool's: one connection, so a setting holds for the statements after it. */
  connect?(): Promise<Client & { release(): void }>;
}

/**
 * The database's plans (EXPLAIN, as text) for the statements `work` sends, with the values they were
 * sent with: to show a query uses the index it was written for. Works on PGlite and on a PostgreSQL
 * server, whose clients both take `query(text, values)`. `seqscan: false` prices sequential scans out,
 * as a table far bigger than a test's makes them: then a plan still scanning has no index it can use.
 */
export async function plansOf(db: Db, work: () => Promise<unknown>, options: { seqscan?: boolean } = {}): Promise<{ sql: string; plan: string }[]> {
  const client = (db as unknown as { session: { client: Client } }).session.client;
  const original = client.query;
  const sent: { text: string; values: unknown[] }[] = [];
  client.query = function (this: Client, ...args: unknown[]) {
    const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
    // node-postgres under drizzle is called with a query config and the values beside it.
    sent.push(typeof first === 'string' ? { text: first, values: second ?? [] } : { text: first.text, values: first.values ?? second ?? [] });
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    client.query = original;
  }
  const connection = client.connect ? await client.connect() : undefined;
  const run = (text: string, values: unknown[] = []) => (connection ? connection.query(text, values) : original.call(client, text, values));
  try {
    if (options.seqscan === false) await run('set enable_seqscan = off');
    const plans: { sql: string; plan: string }[] = [];
    for (const { text, values } of sent) {
      const result = await run(`explain ${text}`, values);
      plans.push({ sql: text, plan: result.rows.map((r) => Object.values(r)[0]).join('\n') });
    }
    return plans;
  } finally {
    await run('reset enable_seqscan');
    connection?.release();
  }
}
