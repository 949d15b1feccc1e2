/** What a masked value is replaced by. */
export const REDACTED = '[REDACTED]';

/**
 * Key fragments that mark a credential, compared with the key lower-cased and `-`/`_` removed, so
 * `api_key`, `apiKey`, `X-Api-Key`, `db_password`, `client_secret`, `refreshToken` all match.
 */
const SECRET_FRAGMENTS = [
  'password',
  'passwd',
  'pwd',
  'secret',
  'token',
  'apikey',
  'accesskey',
  'privatekey',
  'authorization',
  'cookie',
  'credential',
  'session',
];
const SECRET_KEY = new RegExp(SECRET_FRAGMENTS.join('|'));
const SEPARATORS = /[-_.\s]/g;

/** True when a property, header or attribute named `key` holds a credential. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key.toLowerCase().replace(SEPARATORS, ''));
}

// `Bearer abc`, `Basic dXNlcjpwYXNz`, `Token abc` (any case), up to the next separator.
const SCHEME_TOKEN = /\b(bearer|basic|token|digest|negotiate)(\s+|%20|\+)[^\s,;"'<>&)\]}]+/gi;
// `scheme://user:pass@host` and `scheme://token@host`: the whole userinfo.
const USERINFO = /([a-z][a-z0-9+.-]*:\/\/)[^/\s?#@"'<>]*@/gi;
// `password=x`, `api_key: x`, `"token":"x"` inside free text and query strings.
const KEY_VALUE = new RegExp(
  `([a-z0-9_.-]{0,32}(?:${SECRET_FRAGMENTS.join('|')}|api[-_.]?key|access[-_.]?key|private[-_.]?key)[a-z0-9_.-]{0,32}"?[ \\t]{0,8}[=:][ \\t]{0,8}"?)([^\\s&,;"'<>]+)`,
  'gi',
);
const QUICK = /bearer|basic|token|digest|negotiate|:\/\/|=|:/i;

/**
 * Masks credentials inside free text: `Bearer`/`Basic` tokens, URL userinfo (`https://u:p@host`)
 * and `key=value` / `key: value` pairs whose key names a credential (`password=…`, `?api_key=…`).
 */
export function redactString(text: string): string {
  if (!QUICK.test(text)) return text;
  return text
    .replace(SCHEME_TOKEN, (_m, scheme: string, space: string) => `${scheme}${space}${REDACTED}`)
    .replace(USERINFO, (_m, scheme: string) => `${scheme}${REDACTED}@`)
    .replace(KEY_VALUE, (_m, key: string) => `${key}${REDACTED}`);
}

const MAX_DEPTH = 10;

/**
 * A copy of `value` safe to log: properties whose key names a credential (at any depth, also inside
 * arrays, Maps and Errors) are replaced by `[REDACTED]`, strings pass through {@link redactString}.
 * Cycles and depth past 10 become `[Circular]` / `[Truncated]`; the input is never modified.
 */
export function redactValue(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen));
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

function redactError(error: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = { type: error.name, message: redactString(error.message) };
  if (error.stack !== undefined) out.stack = redactString(error.stack);
  for (const key of Object.keys(error)) {
    const v = (error as unknown as Record<string, unknown>)[key];
    out[key] = isSecretKey(key) ? REDACTED : redactValue(v, depth + 1, seen);
  }
  if (error.cause !== undefined) out.cause = redactValue(error.cause, depth + 1, seen);
  return out;
}
