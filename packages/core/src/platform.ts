import pino, { type Logger } from 'pino';
import { AuditTrail } from './audit';
import { type ClinicSettings, clinicSettings, readSettings, type ServerSettings } from './config';
import type { Database } from './db';
import { EventBus } from './events';
import { I18n, type Translations } from './i18n';
import { JobQueue } from './jobs';
import { coreMessages, type MessageCatalog } from './messages';
import { type AnyModule, type ModuleContext, orderModules, type ServicesOf } from './module';
import { loadSettingOverrides, RuntimeSettings, withOverrides } from './settings';
import { type FileStorage, localFileStorage } from './storage';
import { type Clock, pinnable, systemClock } from './time';
import { ToolRegistry } from './tools';

export interface PlatformOptions<Ms extends readonly AnyModule[] = readonly AnyModule[]> {
  modules: Ms;
  database: Database;
  server: ServerSettings;
  clinic: ClinicSettings;
  clock?: Clock;
  storage?: FileStorage;
  logger?: Logger;
  /** Where module settings blocks are read from; `process.env` by default. */
  env?: Record<string, string | undefined>;
  /** This process runs jobs and schedules (`start`, `worker`), not only the web. */
  worker?: boolean;
  /** Extra UI string namespaces (the shared web shell's). */
  translations?: Record<string, Translations>;
}

/**
 * What each module provides, by its name: every module adds its entry where it is defined
 * (`declare module '@petfriendly/core' { interface ServiceRegistry { crm: CrmServices } }`), so
 * `platform.services.crm` is `CrmServices` on a platform whose module list is only known at run time.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging, one entry per module
export interface ServiceRegistry {}

/** A list of modules named in the code gives each its services; a list known only at run time, the registry's. */
export type PlatformServices<Ms extends readonly AnyModule[]> = string extends Ms[number]['name'] ? ServiceRegistry & Record<string, unknown> : ServicesOf<Ms>;

/** `Services` is what the modules provide by name: the registry's, for a platform built from a list only known at run time. */
export interface Platform<Services extends object = ServiceRegistry & Record<string, unknown>> {
  ctx: ModuleContext;
  modules: AnyModule[];
  services: Services;
  /** Each module's ports, as its factories received them. */
  deps: Record<string, Record<string, unknown>>;
  /** Each module's sockets as filled; live, so a test can put a stand-in in a socket. */
  sockets: Record<string, Record<string, unknown>>;
  settings: Record<string, unknown>;
  close(): Promise<void>;
}

/** Composition: settings → services in dependency order (each gets the ports it needs) → sockets filled → event handlers, jobs, tools. */
export async function createPlatform<const Ms extends readonly AnyModule[]>(options: PlatformOptions<Ms>): Promise<Platform<PlatformServices<Ms>>> {
  const { database, server } = options;
  // Settings an admin stored (setup) override the environment's; `settings` keeps them current.
  const overrides = await loadSettingOverrides(database.db);
  const runtimeSettings = new RuntimeSettings(database.db);
  const clinic = withOverrides('CLINIC', clinicSettings, options.clinic, overrides.get('CLINIC'));
  runtimeSettings.register('CLINIC', clinicSettings, clinic);
  const logger = options.logger ?? pino({ level: server.LOG_LEVEL });
  const jobs = new JobQueue(database, clinic.TIME_ZONE, { worker: options.worker });
  const events = new EventBus(database.db, jobs);
  const tools = new ToolRegistry();
  const modules = orderModules(options.modules);
  const clock = pinnable(options.clock ?? systemClock);
  const ctx: ModuleContext = {
    database,
    db: database.db,
    server,
    clinic,
    clock,
    events,
    audit: new AuditTrail(database.db, clock, clinic.TIME_ZONE),
    jobs,
    tools,
    storage: options.storage ?? localFileStorage(`${server.DATA_DIR}/files`),
    logger,
    i18n: new I18n({}),
    settings: runtimeSettings,
  };

  const services: Record<string, unknown> = {};
  const depsOf: Record<string, Record<string, unknown>> = {};
  const sockets: Record<string, Record<string, unknown>> = {};
  const settings: Record<string, unknown> = {};
  const namespaces: Record<string, Translations> = { ...options.translations };
  const messages: Record<string, Record<string, string>> = {};
  const addMessages = (catalog: MessageCatalog) => {
    for (const [lang, entries] of Object.entries(catalog)) messages[lang] = { ...messages[lang], ...entries };
  };
  addMessages(coreMessages);
  for (const module of modules) {
    const block = module.settings;
    const moduleSettings = block
      ? withOverrides(block.block, block.schema, readSettings(block.block, block.schema, options.env), overrides.get(block.block))
      : undefined;
    if (block) runtimeSettings.register(block.block, block.schema, moduleSettings as Record<string, unknown>);
    settings[module.name] = moduleSettings;
    depsOf[module.name] = Object.fromEntries(Object.keys(module.needs ?? {}).map((name) => [name, services[name]]));
    sockets[module.name] = { ...module.sockets };
    services[module.name] = module.createServices(ctx, depsOf[module.name], moduleSettings, sockets[module.name]);
    for (const [target, filled] of Object.entries(module.fills?.(services[module.name]) ?? {})) {
      for (const [socket, implementation] of Object.entries(filled as object)) {
        if (!(socket in (sockets[target] ?? {}))) throw new Error(`Module ${module.name} fills ${target}'s socket ${socket}, which ${target} does not offer`);
        const current = sockets[target]![socket];
        // A list socket collects from every module that fills it (bulk-message audiences); any other has one filler.
        sockets[target]![socket] = Array.isArray(current) ? [...current, ...(implementation as unknown[])] : implementation;
      }
    }
  }
  for (const module of modules) {
    if (module.events) events.declare(module.name, module.events);
    module.subscribe?.(events, services[module.name], depsOf[module.name], ctx);
    for (const job of module.jobs?.(services[module.name], ctx, settings[module.name]) ?? []) jobs.define(job);
    for (const tool of module.tools?.(services[module.name]) ?? []) tools.register(tool);
    if (module.i18n) namespaces[module.name] = module.i18n;
    if (module.messages) addMessages(module.messages);
  }
  ctx.i18n = new I18n({ ...namespaces, messages });
  await jobs.start();
  await events.start();
  for (const module of modules) await module.onStart?.(services[module.name], ctx);

  return {
    ctx,
    modules,
    services: services as PlatformServices<Ms>,
    deps: depsOf,
    sockets,
    settings,
    close: async () => {
      await jobs.stop();
    },
  };
}
