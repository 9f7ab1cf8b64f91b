import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ClinicSettings, ConfigError, clinicSettings, readSettings, type ServerSettings, serverSettings } from '@petfriendly/core';

export interface AppConfig {
  server: ServerSettings & { SECRET: string; BASE_URL: string };
  clinic: ClinicSettings;
}

/**
 * Typed settings from the environment. A bad value stops start-up naming the variable. Production
 * needs a SECRET whatever the database: a secret kept beside the data would leave with any copy of
 * it. In development, without one, a secret is made and kept in the data folder so sessions survive restarts.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const server = readSettings(null, serverSettings, env);
  const clinic = readSettings('CLINIC', clinicSettings, env);
  if (!server.SECRET && server.NODE_ENV === 'production') throw new ConfigError('Invalid setting SECRET: required in production (at least 32 characters)');
  const SECRET = server.SECRET ?? localSecret(server.DATA_DIR);
  const BASE_URL = server.BASE_URL ?? `http://${server.HOST === '0.0.0.0' ? 'localhost' : server.HOST}:${server.PORT}`;
  return { server: { ...server, SECRET, BASE_URL }, clinic };
}

/** Whether an empty database gets the demo clinic: asked for (`--demo`, `SEED_DEMO`), or by default only in development. */
export function wantsDemo(server: ServerSettings, asked?: boolean): boolean {
  return asked ?? server.SEED_DEMO ?? server.NODE_ENV !== 'production';
}

function localSecret(dataDir: string): string {
  const path = join(dataDir, 'secret');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(path, secret, { mode: 0o600 });
  return secret;
}
