import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { percentile } from './measure';

/** BENCH_START_TIMEOUT seconds (180): how long the started server may take to answer /health. */
const START_TIMEOUT_MS = Number(process.env.BENCH_START_TIMEOUT ?? 180) * 1000;

export interface ServeFigures {
  port: number;
  /** Process start → the "is running" banner on stdout. */
  bannerMs: number | null;
  /** Process start → `/health` answering 200. */
  healthMs: number;
  pid: number;
  rssAfterBootMb: number;
  rssAfterPagesMb: number;
  peakRssMb: number;
  pages: { count: number; firstMs: number; p50: number; p95: number; max: number };
}

/**
 * `npm start` on an existing data folder (web and worker, as a clinic runs it): times it to `/health`,
 * reads the serving node process's resident memory once idle, sends page requests, reads it again, and
 * stops exactly the processes it started.
 */
export async function probeServe(options: {
  env: Record<string, string>;
  pages: { url: string; headers: Record<string, string> }[];
  requests: number;
}): Promise<ServeFigures> {
  const port = await freePort(Number(process.env.BENCH_PORT ?? 3999));
  const env: Record<string, string | undefined> = { ...process.env, ...options.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  if (!options.env.DATABASE_URL) delete env.DATABASE_URL;
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn('npm', ['start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let bannerMs: number | null = null;
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (bannerMs === null && output.includes('is running at')) bannerMs = performance.now() - started;
  });
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  child.once('exit', () => (exited = true));

  try {
    let healthMs = 0;
    for (;;) {
      if (exited) throw new Error(`the server exited before answering /health:\n${output.slice(-2000)}`);
      if (performance.now() - started > START_TIMEOUT_MS)
        throw new Error(`/health did not answer within ${START_TIMEOUT_MS / 1000} s:\n${output.slice(-2000)}`);
      const ok = await fetch(`${base}/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) {
        healthMs = performance.now() - started;
        break;
      }
      await sleep(25);
    }
    const pid = servingPid(child.pid!);
    await sleep(3000); // settled: the worker's queues started
    const rssAfterBootMb = memory(pid).rss;

    const times: number[] = [];
    for (let i = 0; i < options.requests; i++) {
      const page = options.pages[i % options.pages.length]!;
      const t = performance.now();
      const res = await fetch(base + page.url, { headers: page.headers, redirect: 'manual' });
      await res.arrayBuffer();
      times.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`GET ${page.url} on the started server answered ${res.status}`);
    }
    const firstMs = times[0]!;
    const sorted = [...times].sort((a, b) => a - b);
    const mem = memory(pid);
    return {
      port,
      bannerMs,
      healthMs,
      pid,
      rssAfterBootMb,
      rssAfterPagesMb: mem.rss,
      peakRssMb: mem.hwm,
      pages: { count: times.length, firstMs, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted[sorted.length - 1]! },
    };
  } finally {
    await stop(child, () => exited);
  }
}

/** The deepest node descendant running the CLI (npm → sh → node, with tsx's loader in between when it runs TypeScript). */
function servingPid(root: number): number {
  let best = root;
  let depth = 0;
  const walk = (pid: number, d: number) => {
    if (d > depth && /cli\.(ts|js|mjs)\b|run-built\.mjs/.test(cmdline(pid))) [best, depth] = [pid, d];
    for (const c of childrenOf(pid)) walk(c, d + 1);
  };
  walk(root, 0);
  return best;
}

function descendants(root: number): number[] {
  return childrenOf(root).flatMap((c) => [c, ...descendants(c)]);
}

function childrenOf(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when there are none
  }
}

const cmdline = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
};

function memory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** SIGTERM to the server (it closes its database cleanly); its tsx and npx parents then exit. SIGKILL stragglers. */
async function stop(child: ChildProcess, exited: () => boolean) {
  if (exited() || !child.pid) return;
  const tree = [child.pid, ...descendants(child.pid)];
  signal(servingPid(child.pid), 'SIGTERM');
  for (let i = 0; i < 150 && !exited(); i++) await sleep(100);
  for (const pid of tree) if (alive(pid)) signal(pid, 'SIGTERM');
  for (let i = 0; i < 30 && tree.some(alive); i++) await sleep(100);
  for (const pid of tree) if (alive(pid)) signal(pid, 'SIGKILL');
}

function signal(pid: number, sig: NodeJS.Signals) {
  try {
    process.kill(pid, sig);
  } catch {
    /* already gone */
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `preferred` when nothing listens there, else any free port. */
async function freePort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => {
        const got = (server.address() as { port: number }).port;
        server.close(() => resolve(got));
      });
    });
  return (await tryPort(preferred)) ?? (await tryPort(0))!;
}
