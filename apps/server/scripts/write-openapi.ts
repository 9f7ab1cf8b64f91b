/**
 * Writes the OpenAPI document the server serves at /api/v1/openapi.json to the file named in argv
 * (default `.build/openapi.json`), booting the whole app on an in-memory PGlite.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDatabase } from '@petfriendly/core';
import { pino } from 'pino';
import { bootPlatform } from '../src/boot';
import { loadConfig } from '../src/config';
import { buildApp } from '../src/http/app';

const out = process.argv[2] ?? '.build/openapi.json';
const config = loadConfig({ SECRET: 'openapi-document-only-openapi-document-only', DATA_DIR: '.build' });
const platform = await bootPlatform(config, pino({ level: 'warn' }), await openDatabase({}));
const app = await buildApp(platform, config);
const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
if (res.statusCode !== 200) throw new Error(`GET /api/v1/openapi.json answered ${res.statusCode}: ${res.body}`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(res.json(), null, 2)}\n`);
console.log(`OpenAPI written to ${out}`);
await app.close();
await platform.close();
