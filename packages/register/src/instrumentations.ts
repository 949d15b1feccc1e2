import { createRequire } from 'node:module';
import { join } from 'node:path';
import { diag } from '@opentelemetry/api';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { invalid } from '@otelkit/core/internal';

/** An official instrumentation package and the module(s) it instruments. */
interface Entry {
  readonly pkg: string;
  readonly className: string;
  readonly modules: readonly string[];
}

const entry = (name: string, className: string, modules: readonly string[]): [string, Entry] => [
  name,
  { pkg: `@opentelemetry/instrumentation-${name}`, className, modules },
];

/**
 * Libraries that `OTEL_NODE_ENABLED_INSTRUMENTATIONS` can turn on (names as in
 * `@opentelemetry/auto-instrumentations-node`). `http` and `undici` are always on: otelkit's own
 * HTTP instrumentation (in @otelkit/tracing) covers `node:http`, `node:https` and `fetch`.
 */
export const INSTRUMENTATIONS: ReadonlyMap<string, Entry> = new Map([
  entry('amqplib', 'AmqplibInstrumentation', ['amqplib']),
  entry('bunyan', 'BunyanInstrumentation', ['bunyan']),
  entry('cassandra-driver', 'CassandraDriverInstrumentation', ['cassandra-driver']),
  entry('connect', 'ConnectInstrumentation', ['connect']),
  entry('dataloader', 'DataloaderInstrumentation', ['dataloader']),
  entry('express', 'ExpressInstrumentation', ['express']),
  entry('generic-pool', 'GenericPoolInstrumentation', ['generic-pool']),
  entry('graphql', 'GraphQLInstrumentation', ['graphql']),
  entry('grpc', 'GrpcInstrumentation', ['@grpc/grpc-js']),
  entry('hapi', 'HapiInstrumentation', ['@hapi/hapi']),
  entry('ioredis', 'IORedisInstrumentation', ['ioredis']),
  entry('kafkajs', 'KafkaJsInstrumentation', ['kafkajs']),
  entry('knex', 'KnexInstrumentation', ['knex']),
  entry('koa', 'KoaInstrumentation', ['koa']),
  entry('lru-memoizer', 'LruMemoizerInstrumentation', ['lru-memoizer']),
  entry('memcached', 'MemcachedInstrumentation', ['memcached']),
  entry('mongodb', 'MongoDBInstrumentation', ['mongodb']),
  entry('mongoose', 'MongooseInstrumentation', ['mongoose']),
  entry('mysql', 'MySQLInstrumentation', ['mysql']),
  entry('mysql2', 'MySQL2Instrumentation', ['mysql2']),
  entry('nestjs-core', 'NestInstrumentation', ['@nestjs/core']),
  entry('pg', 'PgInstrumentation', ['pg']),
  entry('pino', 'PinoInstrumentation', ['pino']),
  entry('redis', 'RedisInstrumentation', ['redis', '@redis/client']),
  entry('restify', 'RestifyInstrumentation', ['restify']),
  entry('router', 'RouterInstrumentation', ['router']),
  entry('socket.io', 'SocketIoInstrumentation', ['socket.io']),
  entry('tedious', 'TediousInstrumentation', ['tedious']),
  entry('winston', 'WinstonInstrumentation', ['winston']),
]);

const ALWAYS_ON = new Set(['http', 'undici']);

/**
 * Parses `OTEL_NODE_ENABLED_INSTRUMENTATIONS` (comma list; `http`/`undici` accepted and always on).
 * An unknown name is a configuration error naming the variable and the value.
 */
export function parseEnabledInstrumentations(raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  const names: string[] = [];
  for (const item of raw.split(',')) {
    const name = item.trim().toLowerCase();
    if (name === '' || ALWAYS_ON.has(name)) continue;
    if (!INSTRUMENTATIONS.has(name)) {
      invalid(
        'OTEL_NODE_ENABLED_INSTRUMENTATIONS',
        raw,
        `a comma list of ${['http', 'undici', ...INSTRUMENTATIONS.keys()].join(', ')}`,
      );
    }
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * Per-instrumentation settings of the `instrumentations` option's object form: each key a library
 * name of {@link INSTRUMENTATIONS} (or `http`, otelkit's own HTTP instrumentation); `true` or a
 * settings object turns it on (the object is the instrumentation's config, e.g. express's
 * `{ ignoreLayersType: ['middleware'] }`), `false` leaves it off.
 */
export type InstrumentationsOptions = Readonly<Record<string, boolean | object>>;

/** The enabled instrumentations, each with its settings (`{}` for the defaults). */
export type EnabledInstrumentations = Readonly<Record<string, object>>;

const EXPECTED_NAMES = () => ['http', 'undici', ...INSTRUMENTATIONS.keys()].join(', ');

/**
 * Validates the `instrumentations` option: a list of names (as `OTEL_NODE_ENABLED_INSTRUMENTATIONS`)
 * or an object of per-instrumentation settings ({@link InstrumentationsOptions}).
 * @throws OtelkitError `OTELKIT_ERR_INVALID_CONFIG` naming the option (or its key) and the bad value
 */
export function checkInstrumentations(name: string, value: unknown): EnabledInstrumentations {
  if (Array.isArray(value)) {
    const enabled: Record<string, object> = {};
    for (const item of value) {
      const key = typeof item === 'string' ? item.trim().toLowerCase() : '';
      if (!ALWAYS_ON.has(key) && !INSTRUMENTATIONS.has(key))
        invalid(name, item, `a list of ${EXPECTED_NAMES()}`);
      if (!ALWAYS_ON.has(key)) enabled[key] = {};
    }
    return enabled;
  }
  if (value === null || typeof value !== 'object') {
    invalid(
      name,
      typeof value,
      'a list of instrumentation names or an object of per-instrumentation settings',
    );
  }
  const enabled: Record<string, object> = {};
  for (const [key, setting] of Object.entries(value)) {
    if (!ALWAYS_ON.has(key) && !INSTRUMENTATIONS.has(key))
      invalid(`${name}.${key}`, key, `one of ${EXPECTED_NAMES()}`);
    if (setting === false) continue;
    if (setting !== true && (setting === null || typeof setting !== 'object' || Array.isArray(setting))) {
      invalid(`${name}.${key}`, typeof setting, "true, false or an object of the instrumentation's settings");
    }
    enabled[key] = setting === true ? {} : (setting as object);
  }
  return enabled;
}

/** Where to look for the app's modules: its working directory, then next to otelkit. */
function resolverFor(cwd: string) {
  const fromApp = createRequire(join(cwd, 'noop.js'));
  const fromHere = createRequire(__filename);
  return (id: string): string | undefined => {
    for (const req of [fromApp, fromHere]) {
      try {
        return req.resolve(id);
      } catch {}
    }
    return undefined;
  };
}

/** What happened to each enabled instrumentation, for the debug summary. */
export interface LoadedInstrumentations {
  readonly instrumentations: Instrumentation[];
  readonly report: string[];
  /** The names whose instrumentation loaded (`express`, `pg`, …). */
  readonly names: string[];
}

/**
 * Loads each enabled instrumentation lazily: only when its target module is installed for the app,
 * and only its own package. Nothing is required for instrumentations that are not enabled, which keeps
 * the preload's start-up cost flat.
 */
export function loadInstrumentations(
  enabled: EnabledInstrumentations,
  cwd = process.cwd(),
): LoadedInstrumentations {
  const resolve = resolverFor(cwd);
  const instrumentations: Instrumentation[] = [];
  const report: string[] = [];
  const on: string[] = [];
  for (const [name, settings] of Object.entries(enabled)) {
    const e = INSTRUMENTATIONS.get(name);
    if (e === undefined) continue; // http, undici: otelkit's own instrumentation (tracing's `http`)
    if (!e.modules.some((m) => resolve(m) !== undefined)) {
      report.push(`${name}: skipped (${e.modules.join(' / ')} not installed)`);
      continue;
    }
    const path = resolve(e.pkg);
    if (path === undefined) {
      diag.warn(`otelkit: ${name} is enabled and installed, but ${e.pkg} is not: npm install ${e.pkg}`);
      report.push(`${name}: skipped (${e.pkg} not installed)`);
      continue;
    }
    try {
      const mod = require(path) as Record<string, new (config?: object) => Instrumentation>;
      instrumentations.push(new mod[e.className]!({ ...settings }));
      on.push(name);
      report.push(`${name}: on (${e.pkg})`);
    } catch (error) {
      diag.warn(`otelkit: could not load ${e.pkg}: ${String(error)}`);
      report.push(`${name}: failed to load`);
    }
  }
  return { instrumentations, report, names: on };
}

/**
 * The enabled libraries that were loaded before otelkit's hooks were installed (found in the module
 * cache, which holds every CommonJS module, including those an ESM app `import`s): their exports were
 * never patched, so they produce no spans (opentelemetry-js #4933). ESM-only libraries loaded earlier
 * cannot be seen.
 */
export function loadedBeforeHooks(
  names: readonly string[],
  cache: NodeJS.Dict<NodeModule> = require.cache,
): string[] {
  const paths = Object.keys(cache);
  return names.filter((name) =>
    INSTRUMENTATIONS.get(name)!.modules.some((m) => {
      const needle = `/node_modules/${m}/`;
      return paths.some((p) => p.replaceAll('\\', '/').includes(needle));
    }),
  );
}
