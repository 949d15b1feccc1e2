import { isSecretKey, REDACTED } from './secret-key';

/**
 * Longest string {@link redactString} scans (64 KiB): of a longer one only the first 65,496 characters
 * are scanned and kept, followed by a marker (`...[truncated 983080 chars]`, ASCII, so the string stays
 * one byte per character). Masking one string thus costs at most a bounded, linear scan, whatever an
 * attacker sends.
 */
export const MAX_REDACT_LENGTH = 64 * 1024;

// Every pattern below runs in time linear in the length of the text: each regular expression starts
// a match only where the previous character cannot continue it (a lookbehind or `\b`), so no run of
// characters is rescanned from each of its positions; key=value pairs are found by hand.

// `Bearer abc`, `Basic dXNlcjpwYXNz`, `Token abc` (any case), up to the next separator.
const SCHEME_TOKEN = /\b(bearer|basic|token|digest|negotiate)(\s+|%20|\+)[^\s,;"'<>&)\]}]+/gi;
// `scheme://user:pass@host` and `scheme://token@host`: the whole userinfo. The scheme starts where the
// run of scheme characters starts (the lookbehind), so a long run without `://` is read once.
const USERINFO = /(?<![a-z0-9+.-])([a-z0-9+.-]+:\/\/)[^/\s?#@"'<>]*@/gi;
// A bare JSON Web Token: `eyJ<header>.eyJ<payload>.<signature>`, starting at the start of a word.
const JWT = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]*\.eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g;
const QUICK = /bearer|basic|token|digest|negotiate|:\/\/|=|:|eyJ/i;

const MAX_KEY = 64;
const MAX_BLANKS = 8;

function isKeyChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || // a-z
    (c >= 65 && c <= 90) || // A-Z
    (c >= 48 && c <= 57) || // 0-9
    c === 95 || // _
    c === 46 || // .
    c === 45 // -
  );
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

function isQuote(c: number): boolean {
  return c === 34 || c === 39;
}

/** Where an unquoted value stops: `&`, `,`, `;`, quotes, `<`, `>`, line ends. */
function isValueStop(c: number): boolean {
  return (
    c === 38 || c === 44 || c === 59 || c === 34 || c === 39 || c === 60 || c === 62 || c === 10 || c === 13
  );
}

/** True when a `key=` or `key:` starts at `from` (the next pair after a multi-word value). */
function pairStartsAt(text: string, from: number): boolean {
  let end = from;
  while (end < text.length && end - from < MAX_KEY && isKeyChar(text.charCodeAt(end))) end++;
  if (end === from || end >= text.length) return false;
  const c = text.charCodeAt(end);
  return c === 61 || c === 58;
}

/** End of an unquoted value starting at `from`: several words, up to a stop or the next `key=`. */
function unquotedEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (isValueStop(c)) break;
    if (isBlank(c)) {
      let next = end;
      while (next < text.length && isBlank(text.charCodeAt(next))) next++;
      if (next >= text.length || isValueStop(text.charCodeAt(next)) || pairStartsAt(text, next)) break;
      end = next;
      continue;
    }
    end++;
  }
  return end;
}

/** Index of the quote closing a value opened by `quote` before `from` (backslash escapes), or the line end. */
function closingQuote(text: string, from: number, quote: number): number {
  let end = from;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === 92) {
      end += 2;
      continue;
    }
    if (c === quote || c === 10 || c === 13) return end;
    end++;
  }
  return text.length;
}

/** Start of the credential key that ends just before the separator at `at`, or -1 when there is none. */
function secretKeyBefore(text: string, at: number, floor: number): number {
  let end = at;
  let blanks = 0;
  while (end > floor && blanks < MAX_BLANKS && isBlank(text.charCodeAt(end - 1))) {
    end--;
    blanks++;
  }
  if (end > floor && isQuote(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > floor && end - start < MAX_KEY && isKeyChar(text.charCodeAt(start - 1))) start--;
  return start < end && isSecretKey(text.slice(start, end)) ? start : -1;
}

function alreadyMasked(value: string): boolean {
  return value === REDACTED || value === 'REDACTED';
}

/**
 * `password=x`, `api_key: x`, `"token":"x"`, `password='two words'`, `secret = several words here`:
 * the value after a key that names a credential (see {@link isSecretKey}). One pass over the text;
 * each separator looks back at most 64 + 9 characters for its key.
 */
function redactKeyValues(text: string): string {
  let out = '';
  let copied = 0;
  let floor = 0;
  for (let at = 0; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (c !== 61 && c !== 58) continue; // `=` or `:`
    if (secretKeyBefore(text, at, floor) < 0) continue;
    let start = at + 1;
    let blanks = 0;
    while (start < text.length && blanks < MAX_BLANKS && isBlank(text.charCodeAt(start))) {
      start++;
      blanks++;
    }
    if (start >= text.length) break;
    const open = text.charCodeAt(start);
    let end: number;
    if (isQuote(open)) {
      start++;
      end = Math.min(closingQuote(text, start, open), text.length);
    } else {
      end = unquotedEnd(text, start);
    }
    if (end > start && !alreadyMasked(text.slice(start, end))) {
      out += text.slice(copied, start) + REDACTED;
      copied = end;
    }
    floor = Math.max(end, at + 1);
    at = floor - 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Room kept for the truncation marker, so a truncated string is at most {@link MAX_REDACT_LENGTH} long. */
const MARKER_ROOM = 40;
const KEEP = MAX_REDACT_LENGTH - MARKER_ROOM;

function marker(dropped: number): string {
  return `...[truncated ${dropped} chars]`;
}

/**
 * `text` cut to at most {@link MAX_REDACT_LENGTH} characters, ending with a marker saying how many were
 * dropped (`...[truncated 983080 chars]`); shorter text is returned as is, so cutting twice changes nothing.
 */
export function truncateForRedaction(text: string): string {
  return text.length <= MAX_REDACT_LENGTH ? text : text.slice(0, KEEP) + marker(text.length - KEEP);
}

function scan(text: string): string {
  if (!QUICK.test(text)) return text;
  const masked = text
    .replace(SCHEME_TOKEN, (_m, scheme: string, space: string) => `${scheme}${space}${REDACTED}`)
    .replace(USERINFO, (_m, scheme: string) => `${scheme}${REDACTED}@`)
    .replace(JWT, REDACTED);
  return redactKeyValues(masked);
}

/**
 * Masks credentials inside free text: `Bearer`/`Basic` tokens, URL userinfo (`https://u:p@host`), bare
 * JSON Web Tokens, and the values of `key=value` / `key: value` pairs whose key names a credential
 * (`password=…`, `?api_key=…`, `"token":"…"`, quoted and multi-word values too). Linear in the length
 * of the text; text longer than {@link MAX_REDACT_LENGTH} is cut first and ends with a marker
 * (`...[truncated 983080 chars]`, added after the scan so it stays readable).
 * @example
 * redactString('GET https://u:pw@db/x?token=abc'); // 'GET https://[REDACTED]@db/x?token=[REDACTED]'
 */
export function redactString(text: string): string {
  if (text.length <= MAX_REDACT_LENGTH) return scan(text);
  return scan(maskCutUserinfo(text.slice(0, KEEP))) + marker(text.length - KEEP);
}

const USERINFO_TAIL = /^[^/\s?#@"'<>]*$/;

/** A URL whose userinfo the cut separated from its `@` (`…https://admin:S3cr`) loses that userinfo. */
function maskCutUserinfo(kept: string): string {
  const scheme = kept.lastIndexOf('://');
  if (scheme < 0 || !USERINFO_TAIL.test(kept.slice(scheme + 3))) return kept;
  return `${kept.slice(0, scheme + 3)}${REDACTED}`;
}
