import type { FastifyInstance } from 'fastify';
import type { QueryCounter, Statement } from './query-counter';

export interface Probe {
  label: string;
  url: string;
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
  /** Statements per request: fewest and most seen over the measured runs. */
  queries: { min: number; max: number };
  /** The statements of the first measured request, when tracing. */
  trace?: Statement[];
  /** When tracing and a later request ran a different number of statements: the extra or missing ones. */
  variant?: { count: number; extra: string[]; missing: string[] };
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;

/** Warms the route up, then times `runs` sequential requests through `app.inject` and counts their queries. */
export async function measure(
  app: FastifyInstance,
  counter: QueryCounter,
  probe: Probe,
  options: { warmup: number; runs: number; trace: boolean },
): Promise<Result> {
  let sent = 0;
  const headersFor = (n: number) => (typeof probe.headers === 'function' ? probe.headers(n) : probe.headers);
  const send = () =>
    app.inject({ method: probe.method ?? 'GET', url: probe.url, headers: headersFor(sent++), ...(probe.payload ? { payload: probe.payload } : {}) });
  let last = await send();
  if (last.statusCode !== 200) throw new Error(`${probe.label}: ${probe.method ?? 'GET'} ${probe.url} answered ${last.statusCode}: ${last.body.slice(0, 300)}`);
  for (let i = 1; i < options.warmup; i++) await send();

  const times: number[] = [];
  let minQ = Number.POSITIVE_INFINITY;
  let maxQ = 0;
  let trace: Statement[] | undefined;
  let variant: Result['variant'];
  for (let i = 0; i < options.runs; i++) {
    counter.count = 0;
    if (options.trace) counter.statements = [];
    const started = performance.now();
    last = await send();
    times.push(performance.now() - started);
    const n = counter.count;
    if (counter.statements) {
      if (!trace) trace = counter.statements;
      else if (!variant && counter.statements.length !== trace.length) variant = diff(trace, counter.statements);
      counter.statements = null;
    }
    minQ = Math.min(minQ, n);
    maxQ = Math.max(maxQ, n);
    if (last.statusCode !== 200) throw new Error(`${probe.label}: ${probe.method ?? 'GET'} ${probe.url} answered ${last.statusCode}`);
  }
  times.sort((a, b) => a - b);
  return {
    label: probe.label,
    url: probe.url,
    status: last.statusCode,
    bytes: last.rawPayload.length,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    max: times[times.length - 1]!,
    queries: { min: minQ, max: maxQ },
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

export const fmtMs = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
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
