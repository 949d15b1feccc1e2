import { ERROR_CODES, otelkitError } from '../error-codes';

/** Error code for any invalid configuration value. */
export const INVALID_CONFIG = ERROR_CODES.INVALID_CONFIG.code;

const MAX_SHOWN = 80;

/** Quotes a bad value for an error line: bounded, control characters escaped. */
export function showValue(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  const clipped = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…(${text.length} chars)` : text;
  return JSON.stringify(clipped);
}

/** What an error line shows instead of a secret. */
export const HIDDEN = '***';

/**
 * A URL (or URL-like text) with its user-info hidden, for log and error lines:
 * `https://user:pass@host/x` becomes `https://***@host/x`. Everything between `scheme://` (or the
 * start) and the last `@` is hidden, so a password is never shown even when it holds a `/` that makes
 * the rest parse as a path. Linear time.
 * @example
 * hideUserinfo('http://otel:s3cret@collector:4318'); // 'http://***@collector:4318'
 */
export function hideUserinfo(text: string): string {
  const at = text.lastIndexOf('@');
  if (at < 0) return text;
  const scheme = text.indexOf('://');
  const start = scheme >= 0 && scheme < at ? scheme + 3 : 0;
  return `${text.slice(0, start)}${HIDDEN}${text.slice(at)}`;
}

/** An HTTP field name (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * A `key=value,…` list of headers with every value hidden (`authorization=***,x-tenant=***`); a part
 * whose key is not a header name (no `=`, or `Authorization: Bearer …` pasted whole) is hidden whole.
 */
export function hideListValues(raw: string): string {
  return raw
    .split(',')
    .map((part) => {
      const eq = part.indexOf('=');
      const key = eq <= 0 ? '' : part.slice(0, eq).trim();
      if (!HEADER_NAME.test(key)) return part.trim() === '' ? part : HIDDEN;
      return `${key}=${HIDDEN}`;
    })
    .join(',');
}

/** Throws the start-up error for one setting: one line, naming the setting and the value. */
export function invalid(setting: string, value: unknown, expected: string): never {
  throw otelkitError('INVALID_CONFIG', { setting, value: showValue(value), expected });
}

/** Bounds for integer settings. */
export interface IntegerBounds {
  readonly min: number;
  readonly max: number;
}

/** Parses a base-10 integer within bounds ("10", not "1e1", "0x10" or "10ms"). */
export function parseInteger(setting: string, raw: string, bounds: IntegerBounds): number {
  const text = raw.trim();
  if (!/^-?\d{1,16}$/.test(text)) invalid(setting, raw, `an integer from ${bounds.min} to ${bounds.max}`);
  const value = Number(text);
  if (value < bounds.min || value > bounds.max) {
    invalid(setting, raw, `an integer from ${bounds.min} to ${bounds.max}`);
  }
  return value;
}

/** Checks a number given in code (an option) against the same bounds. */
export function checkInteger(setting: string, value: unknown, bounds: IntegerBounds): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < bounds.min || value > bounds.max) {
    invalid(setting, value, `an integer from ${bounds.min} to ${bounds.max}`);
  }
  return value;
}

/** Parses `true`/`false` (any case); anything else is an error. */
export function parseBoolean(setting: string, raw: string): boolean {
  const text = raw.trim().toLowerCase();
  if (text === 'true') return true;
  if (text === 'false') return false;
  return invalid(setting, raw, 'true or false');
}

/** Parses one of a fixed set of words (case-insensitive). */
export function parseEnum<T extends string>(setting: string, raw: string, allowed: readonly T[]): T {
  const text = raw.trim().toLowerCase();
  const found = allowed.find((a) => a === text);
  if (found === undefined) invalid(setting, raw, `one of ${allowed.join(', ')}`);
  return found;
}

/** Parses a comma-separated list of allowed words, without duplicates. */
export function parseEnumList<T extends string>(setting: string, raw: string, allowed: readonly T[]): T[] {
  const items = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0) invalid(setting, raw, `a comma-separated list of ${allowed.join(', ')}`);
  const out: T[] = [];
  for (const item of items) {
    const value = allowed.find((a) => a === item.toLowerCase());
    if (value === undefined) invalid(setting, raw, `a comma-separated list of ${allowed.join(', ')}`);
    if (!out.includes(value)) out.push(value);
  }
  return out;
}

/** Options of {@link parseKeyValueList}. */
export interface KeyValueListOptions {
  /**
   * The list is HTTP headers (`OTEL_EXPORTER_OTLP_HEADERS`): keys must be header names, and values are
   * secrets an error line never shows ({@link hideListValues}). Default `false`.
   */
  readonly headers?: boolean;
}

/**
 * Parses the W3C-baggage-like `key1=value1,key2=value2` format used by `OTEL_RESOURCE_ATTRIBUTES` and
 * `OTEL_EXPORTER_OTLP_HEADERS` (values percent-decoded).
 */
export function parseKeyValueList(
  setting: string,
  raw: string,
  options: KeyValueListOptions = {},
): Record<string, string> {
  const headers = options.headers === true;
  const shown = headers ? hideListValues(raw) : raw;
  const out: Record<string, string> = {};
  for (const part of raw.split(',')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) invalid(setting, shown, 'a comma-separated list of key=value pairs');
    const key = part.slice(0, eq).trim();
    let value: string;
    try {
      value = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return invalid(setting, shown, 'percent-encoded values');
    }
    if (key === '') invalid(setting, shown, 'a comma-separated list of key=value pairs');
    if (headers && !HEADER_NAME.test(key)) invalid(setting, shown, 'header names as keys (name=value)');
    out[key] = value;
  }
  return out;
}

/** Parses an absolute http(s) URL. An error line never shows the URL's user-info ({@link hideUserinfo}). */
export function parseUrl(setting: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return invalid(setting, hideUserinfo(raw), 'an absolute http:// or https:// URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    invalid(setting, hideUserinfo(raw), 'an absolute http:// or https:// URL');
  }
  return url.toString();
}

/** Checks a host name or IP literal for the server to bind. */
export function parseHost(setting: string, raw: string): string {
  const text = raw.trim();
  if (text === '' || text.length > 253 || !/^[A-Za-z0-9.:\-[\]%]+$/.test(text)) {
    invalid(setting, raw, 'a host name or IP address');
  }
  return text;
}
