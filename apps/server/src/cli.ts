import { resolve } from 'node:path';
import type { AccountsServices } from '@petfriendly/accounts';
import { localFileStorage, readSettings, systemActor } from '@petfriendly/core';
import { Command, Option } from 'commander';
import { pino } from 'pino';
import { backupSettings, s3Access } from './backup/backup.settings';
import { bootPlatform, MIGRATIONS_DIR, openAppDatabase } from './boot';
import { loadConfig } from './config';
import type { Role } from './server';

const program = new Command()
  .name('petfriendly')
  .description(
    'Pet-Friendly: the veterinary clinic platform.\nSettings come from environment variables (DATABASE_URL, DATA_DIR, PORT, CLINIC__TIME_ZONE, VET_CLINIC__VISIT_LOCK_HOURS, …).',
  );

program
  .command('start')
  .description('start the web server and the worker (migrates; an empty database gets demo data in development, the setup flow otherwise)')
  .addOption(new Option('--role <role>', 'web: serve only; worker: jobs and schedules only; all: both').choices(['web', 'worker', 'all']).default('all'))
  .option('--no-worker', 'serve the web only (the same as --role web)')
  .option('--demo', 'fill an empty database with the demo clinic, even in production (its sign-ins are public)')
  .option('--no-demo', 'do not add demo data to an empty database')
  .action(async (opts: { role: Role; worker: boolean; demo?: boolean }) => {
    const { startServer } = await import('./server');
    await startServer(loadConfig(), { role: opts.worker ? opts.role : 'web', demo: opts.demo });
  });

program
  .command('worker')
  .description('run background jobs and schedules only (the same as start --role worker)')
  .action(async () => {
    const { startServer } = await import('./server');
    await startServer(loadConfig(), { role: 'worker' });
  });

program
  .command('migrate')
  .description('bring the database to the current schema')
  .action(async () => {
    const config = loadConfig();
    const database = await openAppDatabase(config);
    const platform = await bootPlatform(config, pino({ level: 'warn' }), database);
    console.log(`Database is up to date (${database.label}).`);
    await platform.close();
  });

program
  .command('backup')
  .description('write one compressed archive of the database and the stored files (BACKUP__DIR, or DATA_DIR/backups), while the clinic runs')
  .option('--to <dir>', 'the folder, or s3://bucket/prefix (BACKUP__S3_* settings), to write it to (retention is kept only in BACKUP__DIR)')
  .option('--passphrase-env <VAR>', 'encrypt it with the passphrase in this environment variable (default: BACKUP__PASSPHRASE, if set)')
  .action(async (opts: { to?: string; passphraseEnv?: string }) => {
    const passphrase = opts.passphraseEnv ? requiredEnv(opts.passphraseEnv) : undefined;
    const platform = await bootPlatform(loadConfig(), pino({ level: 'warn' }));
    try {
      const result = await platform.services.backup.backups.run('cli', { dir: opts.to, passphrase });
      const rows = result.manifest.tables.reduce((n, t) => n + t.rows, 0);
      console.log(`Backup written: ${result.path}`);
      console.log(
        `  ${result.manifest.tables.length} tables, ${rows} rows, ${result.manifest.files.length} files, ${formatBytes(result.bytes)} in ${(result.ms / 1000).toFixed(1)} s`,
      );
    } finally {
      await platform.close();
    }
  });

program
  .command('export')
  .description(
    "write the clinic's data for use elsewhere: a ZIP with one CSV per table, the stored files and database.sql (a plain dump psql loads into an empty database)",
  )
  .requiredOption('--out <file>', 'the ZIP file to write')
  .action(async (opts: { out: string }) => {
    const platform = await bootPlatform(loadConfig(), pino({ level: 'warn' }));
    try {
      const result = await platform.services.backup.exports.writeTo(resolve(opts.out));
      const rows = result.manifest.tables.reduce((n, t) => n + t.rows, 0);
      console.log(`Export written: ${result.path}`);
      console.log(
        `  ${result.manifest.tables.length} tables, ${rows} rows, ${result.manifest.files.length} files, ${formatBytes(result.bytes)} in ${(result.ms / 1000).toFixed(1)} s (dump by ${result.manifest.dump})`,
      );
    } finally {
      await platform.close();
    }
  });

program
  .command('restore')
  .description('load a backup into an empty database and file store (refuses one that holds a clinic unless --force); checks every table against the backup')
  .argument('<file>', 'the archive written by `backup`: a path, or s3://bucket/prefix/name (s3://bucket/prefix: the newest there)')
  .option('--force', 'replace the clinic in a database that holds one, and remove stored files the backup does not have')
  .option('--passphrase-env <VAR>', 'the environment variable holding the passphrase of an encrypted backup', 'BACKUP__PASSPHRASE')
  .action(async (file: string, opts: { force?: boolean; passphraseEnv: string }) => {
    const config = loadConfig();
    const { localBackup } = await import('./backup/target');
    const backup = await localBackup(file, s3Access(readSettings('BACKUP', backupSettings)));
    const database = await openAppDatabase(config);
    try {
      const { restoreBackup } = await import('./backup/restore');
      const storage = localFileStorage(`${config.server.DATA_DIR}/files`);
      const { manifest, ms } = await restoreBackup({
        file: backup.file,
        database,
        storage,
        migrationsDir: MIGRATIONS_DIR,
        passphrase: process.env[opts.passphraseEnv],
        force: opts.force,
      });
      console.log(
        `Restored the backup of ${manifest.createdAt} into ${database.label}: ${manifest.tables.length} tables and ${manifest.files.length} files checked, in ${(ms / 1000).toFixed(1)} s.`,
      );
      console.log('The next start applies any newer migrations.');
    } finally {
      await database.close();
      await backup.cleanup();
    }
  });

program
  .command('move-to-postgres')
  .description('copy the embedded clinic (DATA_DIR) into an empty PostgreSQL database, check it, and print the DATABASE_URL to use')
  .requiredOption('--to <url>', 'postgres://user:password@host:5432/database (the database must exist and be empty)')
  .action(async (opts: { to: string }) => {
    const config = loadConfig();
    if (config.server.DATABASE_URL)
      throw new Error('DATABASE_URL is set: this clinic already runs on a server. Unset it to move the embedded one in DATA_DIR.');
    const source = await openAppDatabase(config);
    try {
      const { moveToPostgres } = await import('./backup/move-to-postgres');
      const moved = await moveToPostgres(source, opts.to, MIGRATIONS_DIR);
      console.log(`Moved ${moved.tables} tables (${moved.rows} rows), every one checked, in ${(moved.ms / 1000).toFixed(1)} s.`);
      console.log(`From now on start with:\n  DATABASE_URL=${opts.to} DATA_DIR=${config.server.DATA_DIR}`);
      console.log(
        `DATA_DIR still holds the stored files (files/) and, without SECRET, the secret: keep it, or set SECRET and copy files/ to where DATA_DIR will be.`,
      );
      console.log(`The embedded database (${source.label}) is left as it was; remove it once the server runs.`);
    } finally {
      await source.close();
    }
  });

program
  .command('seed-demo')
  .description('fill the database with a believable Mexican clinic (staff, ~200 owners, ~300 pets with histories)')
  .option('--owners <n>', 'how many owners', '200')
  .action(async (opts: { owners: string }) => {
    const config = loadConfig();
    const platform = await bootPlatform(config, pino({ level: 'warn' }));
    const { seedDemo } = await import('./demo/seed');
    await seedDemo(platform, { owners: Number(opts.owners), progress: true });
    await platform.close();
  });

program
  .command('create-user')
  .description('create a user (owner or staff)')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .option('--role <role>', 'owner | receptionist | veterinarian | accountant | manager | admin', 'owner')
  .option('--password <password>', 'at least 8 characters; omit to have them set one by reset link')
  .action(async (opts: { email: string; name: string; role: string; password?: string }) => {
    await withAccounts(async (accounts) => {
      const user = await accounts.users.createUser(systemActor, opts);
      console.log(`Created ${user.role} ${user.name} <${user.email}> (${user.id})`);
    });
  });

program
  .command('create-token')
  .description('create an API token (Authorization: Bearer …) for a user')
  .requiredOption('--email <email>')
  .option('--name <name>', 'what the token is for', 'cli')
  .option('--days <days>', 'expires after this many days (default: never)')
  .action(async (opts: { email: string; name: string; days?: string }) => {
    await withAccounts(async (accounts) => {
      const found = await accounts.directory.userByEmail(opts.email);
      if (!found) throw new Error(`No user with email ${opts.email}`);
      const token = await accounts.tokens.createToken(systemActor, { name: opts.name, userId: found.id, expiresInDays: opts.days });
      console.log(token.token);
    });
  });

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`The environment variable ${name} is empty`);
  return value;
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

async function withAccounts(run: (accounts: AccountsServices) => Promise<void>) {
  const platform = await bootPlatform(loadConfig(), pino({ level: 'warn' }));
  try {
    await run(platform.services.accounts);
  } finally {
    await platform.close();
  }
}

program.parseAsync().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
