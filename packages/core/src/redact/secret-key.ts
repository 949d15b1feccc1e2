/** What a masked value is replaced by. */
export const REDACTED = '[REDACTED]';

/**
 * Key fragments that mark a credential, compared with the key lower-cased and `-`/`_`/`.`/spaces
 * removed, so `api_key`, `apiKey`, `X-Api-Key`, `db_password`, `client_secret`, `refreshToken` all match.
 */
const SECRET_FRAGMENTS = [
  'password',
  'passwd',
  'passphrase',
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
  'signature',
  'jwt',
];
/** Keys that are a credential only as a whole word (`key`, not `monkey` or `cacheKey`). */
const SECRET_WORDS: ReadonlySet<string> = new Set(['pass', 'auth', 'sig', 'key']);
const SECRET_KEY = new RegExp(SECRET_FRAGMENTS.join('|'));
const SEPARATORS = /[-_.\s]/g;

/**
 * True when a property, header, attribute or `key=value` key named `key` holds a credential: it contains
 * one of `password`, `passwd`, `passphrase`, `pwd`, `secret`, `token`, `apikey`, `accesskey`,
 * `privatekey`, `authorization`, `cookie`, `credential`, `session`, `signature`, `jwt` (ignoring case,
 * `-`, `_` and `.`), or is exactly `pass`, `auth`, `sig` or `key`.
 */
export function isSecretKey(key: string): boolean {
  const known = remembered.get(key);
  if (known !== undefined) return known;
  const normalized = key.toLowerCase().replace(SEPARATORS, '');
  const secret = SECRET_WORDS.has(normalized) || SECRET_KEY.test(normalized);
  if (key.length <= MAX_REMEMBERED_LENGTH) {
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(key, secret);
  }
  return secret;
}

/**
 * Keys already classified: keys come from code (field names, attribute keys, header names) and repeat
 * from call to call, and a lookup costs a tenth of the classification. Bounded (short keys only, and
 * started afresh when full), so keys an attacker sprays cost memory once and never more.
 */
const remembered = new Map<string, boolean>();
const MAX_REMEMBERED = 2_000;
const MAX_REMEMBERED_LENGTH = 64;
