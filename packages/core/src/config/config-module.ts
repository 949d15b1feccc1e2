import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { otelkitError } from '../error-codes';
import type { TelemetryOptions } from './types';

/**
 * What an `OTELKIT_CONFIG` module exports: the options object of `register()` (core's options plus
 * the composed packages', checked by each package's resolver).
 */
export type ConfigModuleOptions = TelemetryOptions & Readonly<Record<string, unknown>>;

/** The options module of `OTELKIT_CONFIG`, loaded once per process (the ESM preload, the CommonJS one and any copy of this package share it). */
interface Loaded {
  readonly file: string;
  readonly options?: ConfigModuleOptions;
  readonly error?: unknown;
}

const LOADED = Symbol.for('otelkit.register.configModule');
const cache = globalThis as { [LOADED]?: Loaded };

/** A thrown value in one line, clipped: its class and message (never the module's exports). */
function oneLine(error: unknown): string {
  const text =
    error instanceof Error ? `${error.name}: ${error.message}` : `a non-error value (${typeof error})`;
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

function problem(file: string, detail: string): Error {
  return otelkitError('CONFIG_MODULE', { file, problem: detail });
}

/** What a module exports, as the options object: its default export, else `module.exports`. */
function optionsOf(file: string, exported: unknown): ConfigModuleOptions {
  const isNamespace = Object.prototype.toString.call(exported) === '[object Module]';
  const value =
    exported !== null && typeof exported === 'object' && 'default' in exported
      ? (exported as { default: unknown }).default
      : isNamespace
        ? undefined
        : exported;
  if (value === undefined)
    throw problem(file, 'exports nothing (expected a default export of the options object)');
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    throw problem(file, `exports ${kind}, not an options object`);
  }
  return value as ConfigModuleOptions;
}

/**
 * Loads the options module named by `OTELKIT_CONFIG` (relative to the working directory): CommonJS
 * (`module.exports = { … }`) or ESM (`export default { … }`, through `require(esm)`, which needs a
 * module without top-level `await`). Loaded once per process; later calls return the same result.
 * @throws OtelkitError `OTELKIT_ERR_CONFIG_MODULE` naming the file and the problem: missing, throws
 *   when loaded, or exports no options object
 */
export function loadConfigModule(file: string, cwd = process.cwd()): ConfigModuleOptions {
  let loaded = cache[LOADED];
  if (loaded === undefined || loaded.file !== file) {
    loaded = load(file, cwd);
    cache[LOADED] = loaded;
  }
  if (loaded.error !== undefined) throw loaded.error;
  return loaded.options!;
}

function load(file: string, cwd: string): Loaded {
  const path = isAbsolute(file) ? file : resolve(cwd, file);
  if (!existsSync(path)) return { file, error: problem(file, 'no such file') };
  let exported: unknown;
  try {
    exported = require(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_REQUIRE_ASYNC_MODULE') {
      return { file, error: problem(file, 'uses top-level await, which a preload cannot wait for') };
    }
    return { file, error: problem(file, `throws when loaded (${oneLine(error)})`) };
  }
  try {
    return { file, options: optionsOf(file, exported) };
  } catch (error) {
    return { file, error };
  }
}
