import pino, { type Logger } from 'pino';
import { type ClinicSettings, type ServerSettings, readSettings } from './config';
import type { Database } from './db';
import { EventBus } from './events';
import { I18n, type Translations } from './i18n';
import { JobQueue } from './jobs';
import { type MessageCatalog, coreMessages } from './messages';
import { type Mailer, localMailer } from './mail';
import { type ModuleContext, type ModuleDefinition, orderModules } from './module';
import { type FileStorage, localFileStorage } from './storage';
import { type Clock, systemClock } from './time';
import { ToolRegistry } from './tools';

export interface PlatformOptions {
  modules: readonly ModuleDefinition<any, any>[];
  database: Database;
  server: ServerSettings;
  clinic: ClinicSettings;
  clock?: Clock;
  storage?: FileStorage;
  mailer?: Mailer;
  logger?: Logger;
  /** Where module settings blocks are read from; `process.env` by default. */
  env?: Record<string, string | undefined>;
  /** This process runs jobs and schedules (`start`, `worker`), not only the web. */
  worker?: boolean;
  /** Extra UI string namespaces (the shared web shell's). */
  translations?: Record<string, Translations>;
}

export interface Platform {
  ctx: ModuleContext;
  modules: ModuleDefinition<any, any>[];
  services: Record<string, any>;
  /** Each module's dependencies' services, as its factories received them. */
  deps: Record<string, Record<string, any>>;
  settings: Record<string, unknown>;
  close(): Promise<void>;
}

/** Composition: settings → services in dependency order → event handlers, jobs, tools. */
export async function createPlatform(options: PlatformOptions): Promise<Platform> {
  const { database, server, clinic } = options;
  const logger = options.logger ?? pino({ level: server.LOG_LEVEL });
  const jobs = new JobQueue(database, clinic.TIME_ZONE, { worker: options.worker });
  const events = new EventBus(database.db, jobs);
  const tools = new ToolRegistry();
  const modules = orderModules(options.modules);
  const ctx: ModuleContext = {
    database,
    db: database.db,
    server,
    clinic,
    clock: options.clock ?? systemClock,
    events,
    jobs,
    tools,
    storage: options.storage ?? localFileStorage(`${server.DATA_DIR}/files`),
    mailer: options.mailer ?? localMailer(database.db),
    logger,
    i18n: new I18n({}),
  };

  const services: Record<string, any> = {};
  const depsOf: Record<string, Record<string, any>> = {};
  const settings: Record<string, unknown> = {};
  const namespaces: Record<string, Translations> = { ...options.translations };
  const messages: Record<string, Record<string, string>> = {};
  const addMessages = (catalog: MessageCatalog) => {
    for (const [lang, entries] of Object.entries(catalog)) messages[lang] = { ...messages[lang], ...entries };
  };
  addMessages(coreMessages);
  for (const module of modules) {
    const moduleSettings = module.settings ? readSettings(module.settings.block, module.settings.schema, options.env) : undefined;
    settings[module.name] = moduleSettings;
    const deps = Object.fromEntries((module.dependsOn ?? []).map((name) => [name, services[name]]));
    depsOf[module.name] = deps;
    services[module.name] = module.createServices(ctx, deps, moduleSettings);
    if (module.events) events.declare(module.name, module.events);
    module.subscribe?.(events, services[module.name], deps, ctx);
    for (const job of module.jobs?.(services[module.name], ctx, moduleSettings) ?? []) jobs.define(job);
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
    services,
    deps: depsOf,
    settings,
    close: async () => {
      await jobs.stop();
    },
  };
}
