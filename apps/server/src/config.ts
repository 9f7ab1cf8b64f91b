import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ClinicSettings, clinicSettings, readSettings, type ServerSettings, serverSettings } from '@petfriendly/core';

export interface AppConfig {
  server: ServerSettings & { SECRET: string; BASE_URL: string };
  clinic: ClinicSettings;
}

/**
 * Typed settings from the environment. A bad value stops start-up naming the variable. Without a
 * SECRET, the embedded setup makes one and keeps it in the data folder so sessions survive restarts.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const server = readSettings(null, serverSettings, env);
  const clinic = readSettings('CLINIC', clinicSettings, env);
  const SECRET = server.SECRET ?? localSecret(server.DATA_DIR, !!server.DATABASE_URL);
  const BASE_URL = server.BASE_URL ?? `http://${server.HOST === '0.0.0.0' ? 'localhost' : server.HOST}:${server.PORT}`;
  return { server: { ...server, SECRET, BASE_URL }, clinic };
}

function localSecret(dataDir: string, usingServer: boolean): string {
  if (usingServer && process.env.NODE_ENV === 'production') {
    throw new Error('Invalid setting SECRET: required in production (at least 32 characters)');
  }
  const path = join(dataDir, 'secret');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(path, secret, { mode: 0o600 });
  return secret;
}
