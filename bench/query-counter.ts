import { type Database, pgliteOf } from '@petfriendly/core';
import pg from 'pg';

/**
 * Counts the SQL statements the app sends to the database, to show that a request runs a bounded
 * number of queries. PGlite: every path (query, exec, transactions, pg-boss's adapter) ends in
 * `execProtocolRawSync` with wire-protocol messages, so we count Parse ('P', one per extended
 * query) and Query ('Q', one per simple query, e.g. BEGIN/COMMIT) messages there. PostgreSQL:
 * `pg.Client.prototype.query`, which `Pool.query` and transactions both go through.
 */
export interface QueryCounter {
  count: number;
  /** When set, each statement's text and database time (ms) is pushed here (for BENCH_TRACE). */
  statements: Statement[] | null;
  uninstall(): void;
}

export interface Statement {
  sql: string;
  ms: number;
  /** The values bound to its $1, $2, … (as text on PGlite), so the bench can EXPLAIN it. */
  params?: unknown[];
}

const PARSE = 0x50;
const QUERY = 0x51;
const BIND = 0x42;
const decoder = new TextDecoder();

export function installQueryCounter(database: Database): QueryCounter {
  const counter: QueryCounter = { count: 0, statements: null, uninstall: () => undefined };
  if (database.kind === 'pglite') {
    const client = pgliteOf(database) as unknown as { execProtocolRawSync(message: Uint8Array): Uint8Array };
    const original = client.execProtocolRawSync;
    client.execProtocolRawSync = function (this: unknown, message: Uint8Array) {
      countMessages(counter, message);
      if (!counter.statements) return original.call(this, message);
      // Parse, bind, execute and sync each come separately: their time adds to the latest statement.
      const started = performance.now();
      const result = original.call(this, message);
      const current = counter.statements[counter.statements.length - 1];
      if (current) current.ms += performance.now() - started;
      return result;
    };
    counter.uninstall = () => {
      client.execProtocolRawSync = original;
    };
    return counter;
  }
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    counter.count++;
    if (!counter.statements) return original.apply(this, args);
    const first = args[0] as string | { text?: string; values?: unknown[] };
    const statement: Statement =
      typeof first === 'string'
        ? { sql: first, ms: 0, params: Array.isArray(args[1]) ? args[1] : undefined }
        : { sql: first?.text ?? '?', ms: 0, params: first?.values };
    counter.statements.push(statement);
    const started = performance.now();
    const done = () => (statement.ms = performance.now() - started);
    // Pool.query passes a callback; drizzle's transactions await the returned promise.
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last] as (...a: unknown[]) => unknown;
      args[last] = (...a: unknown[]) => {
        done();
        return callback(...a);
      };
    }
    const result = original.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).then(done, done);
    return result;
  };
  counter.uninstall = () => {
    proto.query = original;
  };
  return counter;
}

/** Walks the frontend messages in one buffer (type byte + int32 length each). */
function countMessages(counter: QueryCounter, message: Uint8Array) {
  if (message.length < 5 || message[0] === 0) return; // startup / empty
  const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
  let at = 0;
  while (at + 5 <= message.length) {
    const type = message[at]!;
    const length = view.getInt32(at + 1);
    if (type === PARSE || type === QUERY) {
      counter.count++;
      if (counter.statements) counter.statements.push({ sql: statementText(message, at, type), ms: 0 });
    }
    if (type === BIND && counter.statements?.length) counter.statements[counter.statements.length - 1]!.params = bindValues(message, at, view);
    if (length < 4) break;
    at += 1 + length;
  }
}

function statementText(message: Uint8Array, at: number, type: number): string {
  let start = at + 5;
  if (type === PARSE) start = message.indexOf(0, start) + 1; // skip the statement name
  const end = message.indexOf(0, start);
  return decoder.decode(message.subarray(start, end < 0 ? undefined : end));
}

/** The parameter values of a Bind message (portal, statement, format codes, then each value's length and bytes). */
function bindValues(message: Uint8Array, at: number, view: DataView): (string | null)[] {
  let p = message.indexOf(0, at + 5) + 1; // portal name
  p = message.indexOf(0, p) + 1; // statement name
  p += 2 + 2 * view.getInt16(p);
  const values: (string | null)[] = [];
  const count = view.getInt16(p);
  p += 2;
  for (let i = 0; i < count; i++) {
    const length = view.getInt32(p);
    p += 4;
    values.push(length < 0 ? null : decoder.decode(message.subarray(p, p + length)));
    p += Math.max(0, length);
  }
  return values;
}
