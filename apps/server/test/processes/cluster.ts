import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** What `npm start` runs: the CLI bundled by esbuild, built first when a source is newer. */
const CLI = join(ROOT, 'apps/server/scripts/run-built.mjs');

/** One `cli start --role …` child process, with what it printed. */
export interface ServerProcess {
  role: 'web' | 'worker';
  /** `http://127.0.0.1:PORT` (a worker serves nothing). */
  url: string;
  output(): string;
  exited: Promise<number | null>;
  child: ChildProcess;
}

/** A port no one listens on now: the OS picks it, and it is given back at once. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** Brings the bundle up to date once, so processes started together do not each build it. */
export async function buildCli(): Promise<void> {
  const child = spawn(process.execPath, [CLI, '--help'], { cwd: ROOT, stdio: 'ignore' });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`Building the CLI failed (exit ${code})`);
}

/** Starts the built CLI, as `npm start` does, in its own data folder. */
export async function startProcess(role: 'web' | 'worker', env: Record<string, string>): Promise<ServerProcess> {
  const port = role === 'web' ? await freePort() : 0;
  const dataDir = mkdtempSync(join(tmpdir(), `pf-${role}-`));
  const url = `http://127.0.0.1:${port}`;
  const { TEST_DATABASE_URL: _, ...inherited } = process.env;
  const child = spawn(process.execPath, [CLI, 'start', '--role', role, '--no-demo'], {
    cwd: ROOT,
    env: { ...inherited, NODE_ENV: 'production', LOG_FORMAT: 'json', LOG_LEVEL: 'info', DATA_DIR: dataDir, PORT: String(port), BASE_URL: url, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  void exited.then(() => rmSync(dataDir, { recursive: true, force: true }));
  return { role, url, output: () => output, exited, child };
}

/** Waits until a web process answers ready, or a worker says it runs; fails early when the process died. */
export async function untilReady(server: ServerProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let dead = false;
  void server.exited.then(() => (dead = true));
  while (Date.now() < deadline) {
    if (dead) throw new Error(`The ${server.role} process exited while starting:\n${server.output().slice(-3000)}`);
    if (server.role === 'worker' ? server.output().includes('"worker running"') : await answersReady(server.url)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The ${server.role} process was not ready within ${timeoutMs} ms:\n${server.output().slice(-3000)}`);
}

async function answersReady(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health/ready`)).status === 200;
  } catch {
    return false;
  }
}

/** SIGTERM, then the exit code (graceful shutdown exits 0). */
export async function stopProcess(server: ServerProcess): Promise<number | null> {
  if (server.child.exitCode === null) server.child.kill('SIGTERM');
  return server.exited;
}

/** Until `check` holds (it returns a truthy value), polling; the last value is returned. */
export async function eventually<T>(check: () => Promise<T | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** The `name=value` pairs of a response's Set-Cookie headers, as a Cookie header. */
export function cookiesOf(res: Response, previous = ''): string {
  const jar = new Map(
    previous
      .split('; ')
      .filter(Boolean)
      .map((pair) => [pair.split('=')[0]!, pair] as const),
  );
  for (const header of res.headers.getSetCookie()) {
    const pair = header.split(';')[0]!;
    jar.set(pair.split('=')[0]!, pair);
  }
  return [...jar.values()].join('; ');
}
