import { invalid } from '@otelkit/core/internal';
import type { CheckStatus } from '../check/types';

/** `fail` when `value >= fail`, `warn` when `value >= warn`, else `pass` (higher is worse). */
export function rateHigh(value: number, warn: number | undefined, fail: number | undefined): CheckStatus {
  if (fail !== undefined && value >= fail) return 'fail';
  if (warn !== undefined && value >= warn) return 'warn';
  return 'pass';
}

/** `fail` when `value < fail`, `warn` when `value < warn`, else `pass` (lower is worse). */
export function rateLow(value: number, warn: number | undefined, fail: number | undefined): CheckStatus {
  if (fail !== undefined && value < fail) return 'fail';
  if (warn !== undefined && value < warn) return 'warn';
  return 'pass';
}

/** Validates a non-negative finite threshold option of a built-in check (start-up error otherwise). */
export function threshold(setting: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    invalid(setting, value, 'a finite number >= 0');
  }
  return value;
}

/** Validates a ratio option (0..1). */
export function ratio(setting: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !(value >= 0 && value <= 1))
    invalid(setting, value, 'a number from 0 to 1');
  return value;
}

/** Milliseconds rounded to 0.1 ms, for observed latencies. */
export function roundMs(ms: number): number {
  return Math.round(ms * 10) / 10;
}
