import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The W3C Nu HTML Checker's address for this run, or null when Java is missing. */
    nuValidator: string | null;
  }
}

function hasJava(): boolean {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(url: string, checker: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (checker.exitCode !== null) throw new Error(`the Nu HTML Checker exited with ${checker.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the Nu HTML Checker did not start within a minute');
}

/** Starts one W3C Nu HTML Checker (vnu.jar as a local HTTP service) for the whole browser run. */
export default async function setup(project: TestProject) {
  if (!hasJava()) {
    project.provide('nuValidator', null);
    return;
  }
  const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
  const port = await freePort();
  const checker = spawn('java', ['-Xss16m', '-Dnu.validator.servlet.bind-address=127.0.0.1', '-cp', jar, 'nu.validator.servlet.Main', String(port)], {
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}/`;
  await waitUntilServing(url, checker);
  project.provide('nuValidator', url);
  return () => {
    checker.kill();
  };
}
