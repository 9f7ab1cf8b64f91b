import { z } from 'zod';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export const LANGUAGES = ['es', 'en', 'de', 'fr', 'it'] as const;
export type Language = (typeof LANGUAGES)[number];

const bool = z.union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')]);

export const serverSettings = z.object({
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  BASE_URL: z.string().url().optional(),
  SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `pretty` (one readable line per entry) or `json`; JSON when NODE_ENV=production, pretty otherwise. */
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  /** `production` refuses to start without SECRET and never fills an empty database with the demo clinic unasked. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Fill an empty database with the demo clinic (its sign-ins are public). Unset: only in development. */
  SEED_DEMO: bool.optional(),
  /** Enables `/metrics` (Prometheus) for a scraper sending `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** How long a process may take, on SIGTERM, to finish its requests and jobs before it exits anyway. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** The reverse proxies whose X-Forwarded-For is believed: addresses or CIDR ranges, comma-separated. */
  TRUST_PROXY: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .optional(),
});

/** The clinic itself: the settings every module reads. */
export const clinicSettings = z.object({
  NAME: z.string().default('Clínica Veterinaria Pet-Friendly'),
  TIME_ZONE: z.string().refine(isTimeZone, 'is not an IANA time zone').default('America/Mexico_City'),
  CURRENCY: z.string().length(3).default('MXN'),
  COUNTRY: z.string().length(2).default('MX'),
  DEFAULT_LANGUAGE: z.enum(LANGUAGES).default('es'),
  ADDRESS: z.string().default('Av. Insurgentes Sur 1234, Col. del Valle, Benito Juárez, 03100 Ciudad de México'),
  PHONE: z.string().default('+52 55 1234 5678'),
  EMAIL: z.string().email().default('hola@petfriendly.mx'),
});

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export type ServerSettings = z.infer<typeof serverSettings>;
export type ClinicSettings = z.infer<typeof clinicSettings>;

type Env = Record<string, string | undefined>;

/**
 * Reads one settings block from the environment. Keys are `BLOCK__KEY` (`VET_CLINIC__VISIT_LOCK_HOURS=24`),
 * or plain `KEY` when block is null. A bad value stops start-up with a message naming the variable.
 */
export function readSettings<S extends z.ZodObject>(block: string | null, schema: S, env: Env = process.env): z.infer<S> {
  const prefix = block ? `${block}__` : '';
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[prefix + key];
    if (value !== undefined && value !== '') raw[key] = parseEnvValue(value);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${prefix}${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid setting ${problems}`);
  }
  return parsed.data;
}

/** Lists and objects may be given as JSON (`APPOINTMENTS__REMINDER_HOURS_BEFORE=[24,2]`). */
function parseEnvValue(value: string): unknown {
  const trimmed = value.trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    try {
      return JSON.parse(trimmed);
    } catch {
      return value;
    }
  }
  return value;
}
