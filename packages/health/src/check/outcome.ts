import { redactString, truncateForRedaction } from '@otelkit/core/internal';
import type { CheckResult, CheckStatus } from './types';

const MAX_OUTPUT = 300;
const STATUSES: ReadonlySet<string> = new Set(['pass', 'warn', 'fail']);

/**
 * First line of a message, credentials masked (`redactString`: URL userinfo, tokens, `password=…`),
 * then bounded: no stack traces, multi-line dumps or secrets on the wire.
 */
export function oneLine(text: string): string {
  const bounded = truncateForRedaction(text);
  const newline = bounded.search(/\r?\n/);
  const first = redactString(newline < 0 ? bounded : bounded.slice(0, newline));
  return first.length > MAX_OUTPUT ? `${first.slice(0, MAX_OUTPUT)}…` : first;
}

/** The message of anything thrown, as one safe line. */
export function errorOutput(error: unknown): string {
  if (error instanceof Error) return oneLine(error.message || error.name);
  return oneLine(String(error));
}

/** Turns whatever a check returned into a {@link CheckResult}; malformed values fail. */
export function normalizeResult(value: unknown): CheckResult {
  if (value === true) return { status: 'pass' };
  if (value === false) return { status: 'fail', output: 'check returned false' };
  if (value === null || typeof value !== 'object') {
    return { status: 'fail', output: `check returned ${typeof value} instead of a result` };
  }
  const raw = value as Record<string, unknown>;
  const status = raw.status;
  if (typeof status !== 'string' || !STATUSES.has(status)) {
    return { status: 'fail', output: `check returned an invalid status: ${oneLine(String(status))}` };
  }
  const observed = raw.observedValue;
  return {
    status: status as CheckStatus,
    ...(typeof observed === 'string' || typeof observed === 'number' || typeof observed === 'boolean'
      ? { observedValue: typeof observed === 'string' ? oneLine(observed) : observed }
      : {}),
    ...(typeof raw.observedUnit === 'string' ? { observedUnit: oneLine(raw.observedUnit) } : {}),
    ...(typeof raw.output === 'string' && raw.output !== '' ? { output: oneLine(raw.output) } : {}),
  };
}

/** The value of `otelkit.health.status`: 1 pass, 0.5 warn, 0 fail. */
export function statusValue(status: CheckStatus): number {
  return status === 'pass' ? 1 : status === 'warn' ? 0.5 : 0;
}

/**
 * The overall status of a set of results: `fail` if a critical one fails, `warn` if any warns or a
 * non-critical one fails, else `pass` (also for none).
 */
export function aggregate(
  results: Iterable<{ readonly status: CheckStatus; readonly critical: boolean }>,
): CheckStatus {
  let overall: CheckStatus = 'pass';
  for (const { status, critical } of results) {
    if (status === 'fail' && critical) return 'fail';
    if (status !== 'pass') overall = 'warn';
  }
  return overall;
}
