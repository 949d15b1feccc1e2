import type * as NodeCrypto from 'node:crypto';

/** `node:crypto`, loaded on first use: start-up does not need it. */
let crypto: typeof NodeCrypto | undefined;

/** Longest correlation ID accepted from outside; longer values are replaced. */
export const MAX_CORRELATION_ID_LENGTH = 128;

const ALLOWED = /^[A-Za-z0-9._:~-]+$/;

/** A fresh correlation ID (a random UUID). */
export function newCorrelationId(): string {
  crypto ??= require('node:crypto') as typeof NodeCrypto;
  return crypto.randomUUID();
}

/**
 * True when `value` may be used as a correlation ID taken from untrusted input (a header, baggage):
 * 1 to 128 characters of letters, digits and `. _ : ~ -`. Anything else (spaces, quotes, control
 * characters, `=`, `,` …) is rejected so it can never be echoed into a log line or a header.
 */
export function isValidCorrelationId(value: unknown): value is string {
  // One request checks its ID several times (header, baggage, span, log line): remember the last one.
  if (typeof value !== 'string') return false;
  if (value === lastValid) return true;
  const valid = value.length > 0 && value.length <= MAX_CORRELATION_ID_LENGTH && ALLOWED.test(value);
  if (valid) lastValid = value;
  return valid;
}

let lastValid = '\u0000'; // never valid, so never matched by an input
