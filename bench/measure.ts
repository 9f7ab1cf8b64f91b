import type { FastifyInstance } from 'fastify';
import type { QueryCounter, Statement } from './query-counter';

export interface Probe {
  label: string;
  url: string;
  /** Times this instead of a request (work that has no route of its own, such as sealing a CFDI). */
  run?: () => Promise<unknown>;
  /** Print the database's plan for the request's searching statements. */
  explain?: boolean;
  /** Or one set per request, for routes limited per person (the chat allows 30 messages a minute). */
  headers: Record<string, string> | ((request: number) => Record<string, string>);
  /** GET unless told (a POST probe sends `payload` as JSON). */
  method?: 'GET' | 'POST';
  payload?: object;
}

export interface Result {
  label: string;
  url: string;
  status: number;
  bytes: number;
  p50: number;
  p95: number;
  max: number;
  /** The bare Fastify route's p50, timed in turn with this probe's runs (the unit of the ratios). */
  bareP50: number;
  /** Statements per request: fewest and most seen over the measured runs. */
  queries: { min: number; max: number };
  /** Fewest INSERT / UPDATE / DELETE statements seen in one request (a read should have none). */
  writes: number;
  /** The statements of one measured request (for EXPLAIN). */
  statements: Statement[];
  /** The statements of the first measured request, when tracing. */
  trace?: Statement[];
  /** When tracing and a later request ran a different number of statements: the extra or missing ones. */
  variant?: { count: number; extra: string[]; missing: string[] };
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;

const WRITE = /^\s*(insert|update|delete)\b/i;

/**
 * Warms the route up, then times `runs` sequential requests through `app.inject` and counts their
 * queries. Each run is preceded by a request to `bare` (a Fastify route that does nothing), so the
 * probe's figures can be read as ratios to it whatever else the machine is doing.
 */
export async function measure(
  app: FastifyInstance,
  counter: QueryCounter,
  probe: Probe,
  options: { warmup: number; runs: number; trace: boolean; bare: () => Promise<unknown> },
): Promise<Result> {
  let sent = 0;
  const headersFor = (n: number) => (typeof probe.headers === 'function' ? probe.headers(n) : probe.headers);
  const ok = { statusCode: 200, body: '', rawPayload: Buffer.alloc(0) };
  const send = probe.run
    ? () => probe.run!().then(() => ok)
    : () => app.inject({ method: probe.method ?? 'GET', url: probe.url, headers: headersFor(sent++), ...(probe.payload ? { payload: probe.payload } : {}) });
  let last = await send();
  if (last.statusCode !== 200) throw new Error(`${probe.label}: ${probe.method ?? 'GET'} ${probe.url} answered ${last.statusCode}: ${last.body.slice(0, 300)}`);
  for (let i = 1; i < options.warmup; i++) await send();

  const times: number[] = [];
  const bareTimes: number[] = [];
  let minQ = Number.POSITIVE_INFINITY;
  let maxQ = 0;
  let writes = Number.POSITIVE_INFINITY;
  let statements: Statement[] = [];
  let trace: Statement[] | undefined;
  let variant: Result['variant'];
  for (let i = 0; i < options.runs; i++) {
    let started = performance.now();
    await options.bare();
    bareTimes.push(performance.now() - started);
    counter.count = 0;
    counter.statements = [];
    started = performance.now();
    last = await send();
    times.push(performance.now() - started);
    const n = counter.count;
    if (statements.length === 0) statements = counter.statements;
    writes = Math.min(writes, counter.statements.filter((s) => WRITE.test(s.sql)).length);
    if (options.trace) {
      if (!trace) trace = counter.statements;
      else if (!variant && counter.statements.length !== trace.length) variant = diff(trace, counter.statements);
    }
    counter.statements = null;
    minQ = Math.min(minQ, n);
    maxQ = Math.max(maxQ, n);
    if (last.statusCode !== 200) throw new Error(`${probe.label}: ${probe.method ?? 'GET'} ${probe.url} answered ${last.statusCode}`);
  }
  times.sort((a, b) => a - b);
  bareTimes.sort((a, b) => a - b);
  return {
    label: probe.label,
    url: probe.url,
    status: last.statusCode,
    bytes: last.rawPayload.length,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    max: times[times.length - 1]!,
    bareP50: percentile(bareTimes, 0.5),
    queries: { min: minQ, max: maxQ },
    writes,
    statements,
    trace,
    variant,
  };
}

function diff(first: Statement[], other: Statement[]): NonNullable<Result['variant']> {
  const left = first.map((s) => s.sql);
  const extra: string[] = [];
  for (const s of other) {
    const at = left.indexOf(s.sql);
    if (at >= 0) left.splice(at, 1);
    else extra.push(s.sql);
  }
  return { count: other.length, extra, missing: left };
}

/** A call's p50, p95 and slowest of `runs` timings, after `warmup` untimed calls (one at a time). */
export async function timeRuns(runs: number, warmup: number, run: () => Promise<unknown>) {
  for (let i = 0; i < warmup; i++) await run();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 0.5), p95: percentile(ms, 0.95), max: ms.at(-1)! };
}

export const fmtMs = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
/** A figure as a multiple of the bare route's p50 (1 = as fast as a Fastify route that does nothing). */
export const fmtRatio = (ms: number, bare: number) => `${(ms / bare).toFixed(ms / bare >= 100 ? 0 : 1)}×`;
export const fmtQ = (q: { min: number; max: number }) => (q.min === q.max ? String(q.min) : `${q.min}-${q.max}`);

/** A plain-text table; `align` has one 'l' or 'r' per column (default: first left, the rest right). */
export function table(header: string[], rows: string[][], align?: string): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const left = (i: number) => (align ? align[i] === 'l' : i === 0);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (left(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
