import { isSecretKey, REDACTED, redactString } from '@otelkit/core/internal';
import { CleanValues } from './clean-values';

// The string primitives live in @otelkit/core (health masks check messages with them too).
export { isSecretKey, REDACTED, redactString };

const MAX_DEPTH = 10;
/** Short strings already found clean (field values such as routes and names repeat from line to line). */
const CLEAN_STRINGS = new CleanValues();
const MAX_HEADER_NAME = 64;
const HEADER_NAME = /^[A-Za-z0-9_-]+$/;

/**
 * True when `name` is a credential header name in a flat `[name, value, …]` list such as
 * `req.rawHeaders` (`Cookie`, `Authorization`, `X-Api-Key`, `X-Auth-Token`).
 */
function isSecretHeaderName(name: unknown): boolean {
  return (
    typeof name === 'string' && name.length <= MAX_HEADER_NAME && HEADER_NAME.test(name) && isSecretKey(name)
  );
}

/**
 * A copy of `value` safe to log: properties whose key names a credential (at any depth, also inside
 * arrays, Maps and Errors) are replaced by `[REDACTED]`, strings pass through {@link redactString}, and in
 * a flat list of header names and values (`req.rawHeaders`) the value after a credential header name
 * is replaced too. Errors stay Errors whose `constructor` is their class (a logged `TypeError` keeps its
 * type name).
 * Cycles and depth past 10 become `[Circular]` / `[Truncated]`; the input is never modified.
 */
export function redactValue(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return CLEAN_STRINGS.mask(value, redactString);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return redactArray(value, depth, seen);
    if (value instanceof Error) return redactError(value, depth, seen);
    if (value instanceof Map) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of value)
        out[String(k)] = isSecretKey(String(k)) ? REDACTED : redactValue(v, depth + 1, seen);
      return out;
    }
    if (value instanceof Date || Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return value;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[key];
      out[key] =
        isSecretKey(key) && v !== undefined && v !== null ? REDACTED : redactValue(v, depth + 1, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

function redactArray(list: readonly unknown[], depth: number, seen: WeakSet<object>): unknown[] {
  const out = new Array<unknown>(list.length);
  for (let i = 0; i < list.length; i++) {
    out[i] = redactValue(list[i], depth + 1, seen);
    // A credential header name masks the value after it, which is then not read as a name itself.
    if (i + 1 < list.length && typeof list[i + 1] === 'string' && isSecretHeaderName(list[i])) {
      out[++i] = REDACTED;
    }
  }
  return out;
}

/** Sets an own enumerable property, whatever accessors the prototype declares. */
function put(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const COPY = Symbol('otelkit.redacted-error');

/**
 * Per error class, the prototype of its masked copies: an `Error` whose `constructor` is the class, so
 * serializers (pino's `err`: `constructor.name`) still see `TypeError`, without the class's own
 * accessors, which may check their receiver and throw (`DOMException`'s `code`). One per class, so
 * masking a masked copy again gives an equal object.
 */
const copyPrototypes = new WeakMap<object, object>();

function copyPrototype(error: Error): object {
  const own = Object.getPrototypeOf(error) as object | null;
  if (own !== null && Object.hasOwn(own, COPY)) return own;
  const ctor: unknown = error.constructor;
  if (typeof ctor !== 'function') return Error.prototype;
  let proto = copyPrototypes.get(ctor);
  if (proto === undefined) {
    proto = Object.create(Error.prototype, {
      constructor: { value: ctor, writable: true, configurable: true },
      [COPY]: { value: true },
    }) as object;
    copyPrototypes.set(ctor, proto);
  }
  return proto;
}

/** A masked copy of `error` (see {@link copyPrototype}): message, stack and own properties redacted. */
function redactError(error: Error, depth: number, seen: WeakSet<object>): Error {
  const out = Object.create(copyPrototype(error)) as Error;
  Object.defineProperty(out, 'name', { value: error.name, writable: true, configurable: true });
  put(out, 'type', error.name);
  put(out, 'message', redactString(String(error.message)));
  if (error.stack !== undefined) put(out, 'stack', redactString(String(error.stack)));
  for (const key of Object.keys(error)) {
    const v = (error as unknown as Record<string, unknown>)[key];
    put(out, key, isSecretKey(key) ? REDACTED : redactValue(v, depth + 1, seen));
  }
  if (error.cause !== undefined) put(out, 'cause', redactValue(error.cause, depth + 1, seen));
  return out;
}
