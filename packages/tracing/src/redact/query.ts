/**
 * Query parameters whose values are replaced by `REDACTED` in `url.full` and `url.query`: the HTTP
 * semantic conventions' list (`X-Amz-Signature`, `X-Amz-Credential`, `X-Amz-Security-Token`,
 * `AWSAccessKeyId`, `Signature`, `sig`, `X-Goog-Signature`) plus otelkit's (API keys, OAuth codes and
 * tokens, passwords). Matched case-sensitively, as the conventions ask.
 * @see https://opentelemetry.io/docs/specs/semconv/registry/attributes/url/
 */
export const SENSITIVE_QUERY_PARAMETERS: readonly string[] = [
  'X-Amz-Signature',
  'X-Amz-Credential',
  'X-Amz-Security-Token',
  'AWSAccessKeyId',
  'Signature',
  'sig',
  'X-Goog-Signature',
  'X-Goog-Credential',
  'key',
  'api_key',
  'apikey',
  'apiKey',
  'api-key',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'code',
  'client_secret',
  'password',
  'secret',
  'signature',
];

/** The semantic conventions' replacement value. */
const QUERY_REDACTED = 'REDACTED';

/**
 * `url` (a full URL or a bare query string) with the value of every query parameter named in `names`
 * replaced by `REDACTED`, the key kept (`?color=blue&sig=REDACTED`). A fragment after the query is left
 * alone; the first `?` starts the query even inside a fragment (hash routing: `#/login?sig=…` is
 * masked), which masks more, never less. One pass over the query.
 */
export function redactQuery(url: string, names: ReadonlySet<string>, bareQuery: boolean): string {
  if (names.size === 0) return url;
  const question = bareQuery ? -1 : url.indexOf('?');
  if (!bareQuery && question < 0) return url;
  const hash = url.indexOf('#', question + 1);
  const end = hash < 0 ? url.length : hash;
  let out = url.slice(0, question + 1);
  let changed = false;
  let start = question + 1;
  while (start <= end) {
    let amp = url.indexOf('&', start);
    if (amp < 0 || amp > end) amp = end;
    const pair = url.slice(start, amp);
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    if (eq >= 0 && names.has(safeDecode(name)) && pair.slice(eq + 1) !== QUERY_REDACTED) {
      out += `${name}=${QUERY_REDACTED}`;
      changed = true;
    } else {
      out += pair;
    }
    if (amp < end) out += '&';
    start = amp + 1;
  }
  return changed ? out + url.slice(end) : url;
}

function safeDecode(name: string): string {
  if (!name.includes('%') && !name.includes('+')) return name;
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}
