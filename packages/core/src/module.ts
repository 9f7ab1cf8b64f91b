import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { StaffRole } from './actor';
import type { AuditTrail } from './audit';
import type { ClinicSettings, ServerSettings } from './config';
import type { Database, Db } from './db';
import type { EventBus, EventDefinition } from './events';
import type { I18n, Translations } from './i18n';
import type { JobDefinition, JobQueue } from './jobs';
import type { MessageCatalog } from './messages';
import type { RuntimeSettings } from './settings';
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
  /** Changes to medical records, prices and invoices, written by the changing module in its transaction. */
  audit: AuditTrail;
  jobs: JobQueue;
  tools: ToolRegistry;
  storage: FileStorage;
  logger: Logger;
  /** Filled once every module is loaded. */
  i18n: I18n;
  /** Settings an admin changes at run time over the environment's (the clinic, hours, fiscal data). */
  settings: RuntimeSettings;
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
  /** Only these staff roles see it (managers' pages); every staff member when absent. */
  roles?: readonly StaffRole[];
  order: number;
  /** Also shown as a floating button on the area's other pages. */
  floating?: boolean;
  /** Shown only while this boolean setting is on (a feature an admin can switch off). */
  when?: { block: string; key: string };
}

/**
 * A port: the slice of another module's services that a module uses, named by its type only
 * (`needs: { 'vet-clinic': port<PetDirectory>() }`). Ports are declared by the providing module.
 */
export interface Port<T> {
  readonly __port?: T;
}
export const port = <T>(): Port<T> => ({});

/** A module that needs no other, or offers no socket. */
export type NoPorts = Record<never, never>;

/** From `needs: { accounts: port<A>() }` to the services a factory receives: `{ accounts: A }`. */
export type PortsOf<N> = { [K in keyof N]: N[K] extends Port<infer T> ? T : never };

export interface ModuleDefinition<
  Name extends string = string,
  Services = unknown,
  Needs extends Record<string, Port<unknown>> = NoPorts,
  Settings = unknown,
  Sockets extends object = NoPorts,
> {
  name: Name;
  /** What this module uses of others, by module name; the composition root hands each in and orders modules by them. */
  needs?: Needs;
  /** Drizzle tables: what drizzle-kit generates migrations from. */
  tables: Record<string, unknown>;
  /** The module's settings block (`VET_CLINIC`), read from `VET_CLINIC__KEY` variables. */
  settings?: { block: string; schema: z.ZodObject & z.ZodType<Settings> };
  /**
   * Ports this module offers to modules that need it (so come after it), with what they do until
   * one is filled: the store's checkout asks `invoicing`, which billing fills.
   */
  sockets?: Sockets;
  /** The events this module raises: the event catalogue (docs/events.md), checked when emitted. */
  events?: readonly EventDefinition<unknown>[];
  i18n?: Translations;
  /** Translations of the module's validation texts and error codes (see `localize`). */
  messages?: MessageCatalog;
  nav?: NavEntry[];
  /** `sockets` is live: a field reads what fills it once every module is built. */
  createServices(ctx: ModuleContext, deps: PortsOf<Needs>, settings: Settings, sockets: Readonly<Sockets>): Services;
  /** The sockets of needed modules this one fills from its own services (checked at start-up). */
  fills?(services: Services): { [K in keyof Needs]?: object };
  /** Event consumers, registered before any job runs; they run after commit, each in its own transaction. */
  subscribe?(events: EventBus, services: Services, deps: PortsOf<Needs>, ctx: ModuleContext): void;
  jobs?(services: Services, ctx: ModuleContext, settings: Settings): JobDefinition<any>[];
  /** Runs once the database is migrated and queues exist (idempotent reference data). */
  onStart?(services: Services, ctx: ModuleContext): Promise<void>;
  /** The spec's `ai_assistant_ready` hook: the module's AI tools. */
  tools?(services: Services): ToolDefinition[];
  /**
   * Watches every response once it has been sent (visitor statistics): the client does not wait for it,
   * and what it records should be buffered, not written one request at a time.
   */
  onResponse?(services: Services): (request: FastifyRequest, reply: FastifyReply) => void | Promise<void>;
  /** `/api/v1` JSON routes and pages. */
  routes?(app: HttpApp, services: Services, ctx: ModuleContext, deps: PortsOf<Needs>): Promise<void> | void;
}

/** Any module, whatever it provides and needs (what the kernel handles). */
export type AnyModule = ModuleDefinition<string, any, any, any, any>;

/** Name, services, needs and settings are inferred: `createServices` gives the services, `needs` the ports. */
export function defineModule<
  const Name extends string,
  Services,
  Needs extends Record<string, Port<unknown>> = NoPorts,
  Settings = unknown,
  Sockets extends object = NoPorts,
>(definition: ModuleDefinition<Name, Services, Needs, Settings, Sockets>): ModuleDefinition<Name, Services, Needs, Settings, Sockets> {
  return definition;
}

type ServicesOfModule<M> = M extends ModuleDefinition<string, infer S, any, any, any> ? S : never;
type NeedsOfModule<M> = M extends ModuleDefinition<string, any, infer N, any, any> ? PortsOf<N> : never;

/** What a list of modules provides: each module's services under its name. */
export type ServicesOf<Ms extends readonly AnyModule[]> = { [M in Ms[number] as M['name']]: ServicesOfModule<M> };

/** Each need no module in the list meets, as a readable message (never when all are met). */
export type UnmetNeeds<Ms extends readonly AnyModule[]> = {
  [M in Ms[number] as M['name']]: {
    [K in keyof NeedsOfModule<M>]: K extends keyof ServicesOf<Ms>
      ? ServicesOf<Ms>[K] extends NeedsOfModule<M>[K]
        ? never
        : `${M['name']} needs a port of ${K & string} that its services do not provide`
      : `${M['name']} needs ${K & string}, which is not installed`;
  }[keyof NeedsOfModule<M>];
}[Ms[number]['name']];

/**
 * The composition root's module list: a module whose needs no listed module provides is a compile
 * error here (and, for lists built at run time, a start-up error in `orderModules`).
 */
export function composeModules<const Ms extends readonly AnyModule[]>(
  modules: Ms & ([UnmetNeeds<Ms>] extends [never] ? unknown : { unmet: UnmetNeeds<Ms> }),
): Ms {
  return modules;
}

/** Orders modules so each comes after what it depends on; a missing or circular dependency is a start-up error. */
export function orderModules<M extends AnyModule>(modules: readonly M[]): M[] {
  const byName = new Map(modules.map((m) => [m.name, m]));
  const ordered: M[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (m: M, path: string[]) => {
    if (state.get(m.name) === 'done') return;
    if (state.get(m.name) === 'visiting') throw new Error(`Modules depend on each other in a circle: ${[...path, m.name].join(' → ')}`);
    state.set(m.name, 'visiting');
    for (const dep of Object.keys(m.needs ?? {})) {
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
