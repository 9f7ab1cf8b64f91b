import type { Logger } from 'pino';
import { bootPlatform } from './boot';
import { type AppConfig, wantsDemo } from './config';
import { DEMO_LOGINS } from './demo/logins';
import { buildApp } from './http/app';
import type { Readiness } from './http/health';
import { createLogger, logFormat } from './logger';

/** What one process does: serve the web, run the jobs and schedules, or both (one process for a small clinic). */
export type Role = 'web' | 'worker' | 'all';

/**
 * `npm start`: migrate, serve, and run jobs. An empty database gets the demo clinic in development or
 * when asked for (`--demo`, `SEED_DEMO=true`); otherwise the first visitor is led through setup.
 * Any number of web processes and workers may share one PostgreSQL server.
 */
export async function startServer(config: AppConfig, options: { role: Role; demo?: boolean }) {
  const logger = createLogger({ level: config.server.LOG_LEVEL, format: logFormat(config.server.LOG_FORMAT) });
  const worker = options.role !== 'web';
  const platform = await bootPlatform(config, logger, undefined, { worker });
  const readiness: Readiness = { draining: false };
  const app = options.role === 'worker' ? null : await buildApp(platform, config, { logger, readiness });
  onShutdown(logger, config.server.SHUTDOWN_TIMEOUT_SECONDS, async () => {
    readiness.draining = true;
    // Fastify stops accepting, answers 503 on kept-alive connections and waits for the requests in flight.
    await app?.close();
    // Then the jobs running finish (pg-boss waits for them), and the database closes.
    await platform.close();
  });
  if (!app) {
    await platform.ctx.jobs.work();
    logger.info({ queues: platform.ctx.jobs.names.length }, 'worker running');
    return { app, platform };
  }
  const { accounts } = platform.services;
  const empty = !(await accounts.directory.anyUser());
  if (empty && wantsDemo(config.server, options.demo)) {
    console.log('First run: filling the clinic with demo data…');
    const { seedDemo } = await import('./demo/seed');
    await seedDemo(platform, { owners: 200, progress: true });
  }
  await app.listen({ host: config.server.HOST, port: config.server.PORT });
  if (worker) await platform.ctx.jobs.work();
  console.log(`\n🐾 Pet-Friendly is running at ${config.server.BASE_URL} (${options.role === 'all' ? 'web and worker' : 'web'})`);
  console.log(`   Database: ${platform.ctx.database.kind} (${platform.ctx.database.label})`);
  console.log(`   Staff admin: ${config.server.BASE_URL}/admin   API docs: ${config.server.BASE_URL}/api/v1/docs`);
  if (!(await accounts.directory.anyAdmin())) {
    const code = platform.services.setup.setup.setupCode();
    console.log(`   First run: open ${config.server.BASE_URL}/setup to create the clinic's first admin, with the setup code ${code}`);
  }
  if (await accounts.directory.userByEmail(DEMO_LOGINS[0]!.email)) {
    console.log('   Demo sign-ins:');
    for (const login of DEMO_LOGINS) console.log(`   ${login.label.padEnd(14)} ${login.email} / ${login.password}`);
  }
  return { app, platform };
}

/** On SIGTERM or SIGINT, `stop` once; a process that has not stopped within the limit exits anyway. */
function onShutdown(logger: Logger, limitSeconds: number, stop: () => Promise<void>) {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error({ limitSeconds }, 'shutdown took too long; exiting');
      process.exit(1);
    }, limitSeconds * 1000).unref();
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handle).on('SIGTERM', handle);
}
