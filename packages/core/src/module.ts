import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { ClinicSettings, ServerSettings } from './config';
import type { Database, Db } from './db';
import type { EventBus, EventDefinition } from './events';
import type { I18n, Translations } from './i18n';
import type { JobDefinition, JobQueue } from './jobs';
import type { MessageCatalog } from './messages';
import type { Mailer } from './mail';
import type { FileStorage } from './storage';
import type { Clock } from './time';
import type { ToolDefinition, ToolRegistry } from './tools';

/** What every module's factories receive. */
export interface ModuleContext {
  database: Database;
  db: Db;
  server: ServerSettings;
  clinic: ClinicSettings;
  clock: Clock;
  events: EventBus;
  jobs: JobQueue;
  tools: ToolRegistry;
  storage: FileStorage;
  mailer: Mailer;
  logger: Logger;
  /** Filled once every module is loaded. */
  i18n: I18n;
}

/** Fastify instance with the Zod type provider, as modules see it. */
export type HttpApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** A link a module adds to the website or admin navigation. */
export interface NavEntry {
  area: 'site' | 'admin';
  href: string;
  /** i18n key, `module:key`. */
  labelKey: string;
  icon?: string;
  /** Who sees it: everyone, signed-in owners, staff, or only signed-out visitors. */
  audience: 'all' | 'owner' | 'staff' | 'anonymous';
  order: number;
  /** Also shown as a floating button on the area's other pages. */
  floating?: boolean;
}

export interface ModuleDefinition<Services = unknown, Settings = unknown> {
  name: string;
  dependsOn?: readonly string[];
  /** Drizzle tables: what drizzle-kit generates migrations from. */
  tables: Record<string, unknown>;
  /** The module's settings block (`VET_CLINIC`), read from `VET_CLINIC__KEY` variables. */
  settings?: { block: string; schema: z.ZodObject };
  /** The events this module raises: the event catalogue (docs/events.md), checked when emitted. */
  events?: readonly EventDefinition<unknown>[];
  i18n?: Translations;
  /** Translations of the module's validation texts and error codes (see `localize`). */
  messages?: MessageCatalog;
  nav?: NavEntry[];
  createServices(ctx: ModuleContext, deps: Record<string, any>, settings: Settings): Services;
  /** Event consumers, registered before any job runs; they run after commit, each in its own transaction. */
  subscribe?(events: EventBus, services: Services, deps: Record<string, any>, ctx: ModuleContext): void;
  jobs?(services: Services, ctx: ModuleContext, settings: Settings): JobDefinition<any>[];
  /** Runs once the database is migrated and queues exist (idempotent reference data). */
  onStart?(services: Services, ctx: ModuleContext): Promise<void>;
  /** The spec's `ai_assistant_ready` hook: the module's AI tools. */
  tools?(services: Services): ToolDefinition[];
  /** `/api/v1` JSON routes and pages. */
  routes?(app: HttpApp, services: Services, ctx: ModuleContext, deps: Record<string, any>): Promise<void> | void;
}

export function defineModule<S, Settings = unknown>(definition: ModuleDefinition<S, Settings>): ModuleDefinition<S, Settings> {
  return definition;
}

/** Orders modules so each comes after what it depends on; a missing or circular dependency is a start-up error. */
export function orderModules(modules: readonly ModuleDefinition<any, any>[]): ModuleDefinition<any, any>[] {
  const byName = new Map(modules.map((m) => [m.name, m]));
  const ordered: ModuleDefinition<any, any>[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (m: ModuleDefinition<any, any>, path: string[]) => {
    if (state.get(m.name) === 'done') return;
    if (state.get(m.name) === 'visiting') throw new Error(`Modules depend on each other in a circle: ${[...path, m.name].join(' → ')}`);
    state.set(m.name, 'visiting');
    for (const dep of m.dependsOn ?? []) {
      const target = byName.get(dep);
      if (!target) throw new Error(`Module ${m.name} depends on ${dep}, which is not installed`);
      visit(target, [...path, m.name]);
    }
    state.set(m.name, 'done');
    ordered.push(m);
  };
  for (const m of modules) visit(m, []);
  return ordered;
}
