import type { SetupServices } from '@petfriendly/setup';
import { bootPlatform } from './boot';
import { type AppConfig, wantsDemo } from './config';
import { DEMO_LOGINS } from './demo/logins';
import { buildApp } from './http/app';
import { createLogger, logFormat } from './logger';

/**
 * `npm start`: migrate, serve, and run jobs. An empty database gets the demo clinic in development or
 * when asked for (`--demo`, `SEED_DEMO=true`); otherwise the first visitor is led through setup.
 */
export async function startServer(config: AppConfig, options: { worker: boolean; demo?: boolean }) {
  const logger = createLogger({ level: config.server.LOG_LEVEL, format: logFormat(config.server.LOG_FORMAT) });
  const platform = await bootPlatform(config, logger, undefined, { worker: options.worker });
  const { accounts } = platform.services;
  const empty = !(await accounts.directory.anyUser());
  if (empty && wantsDemo(config.server, options.demo)) {
    console.log('First run: filling the clinic with demo data…');
    const { seedDemo } = await import('./demo/seed');
    await seedDemo(platform, { owners: 200, progress: true });
  }
  const app = await buildApp(platform, config, { logger });
  await app.listen({ host: config.server.HOST, port: config.server.PORT });
  if (options.worker) await platform.ctx.jobs.work();
  console.log(`\n🐾 Pet-Friendly is running at ${config.server.BASE_URL}`);
  console.log(`   Database: ${platform.ctx.database.kind} (${platform.ctx.database.label})`);
  console.log(`   Staff admin: ${config.server.BASE_URL}/admin   API docs: ${config.server.BASE_URL}/api/v1/docs`);
  if (!(await accounts.directory.anyAdmin())) {
    const code = (platform.services.setup as SetupServices).setup.setupCode();
    console.log(`   First run: open ${config.server.BASE_URL}/setup to create the clinic's first admin, with the setup code ${code}`);
  }
  if (await accounts.directory.userByEmail(DEMO_LOGINS[0]!.email)) {
    console.log('   Demo sign-ins:');
    for (const login of DEMO_LOGINS) console.log(`   ${login.label.padEnd(14)} ${login.email} / ${login.password}`);
  }
  const stop = async () => {
    await app.close();
    await platform.close();
    process.exit(0);
  };
  process.once('SIGINT', stop).once('SIGTERM', stop);
  return { app, platform };
}
