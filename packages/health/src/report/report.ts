import type { CheckOutcome, CheckStatus } from '../check/types';

/** The endpoints' views of health. */
export type ProbeName = 'livez' | 'readyz' | 'healthz' | 'detailed';

/** The evaluated health for one probe: overall status and the outcome of each check. */
export interface HealthReport {
  readonly probe: ProbeName;
  readonly status: CheckStatus;
  /** Why the status is not `pass`, when it is not. */
  readonly output: string | undefined;
  readonly checks: readonly CheckOutcome[];
}

/** HTTP status for a report: 200 for pass and warn, 503 for fail. */
export function httpStatus(status: CheckStatus): number {
  return status === 'fail' ? 503 : 200;
}

/** One line summarising the non-passing checks, e.g. `db:connections fail: timed out after 1000 ms`. */
export function summarize(checks: readonly CheckOutcome[]): string | undefined {
  const bad = checks.filter((c) => c.status !== 'pass');
  if (bad.length === 0) return undefined;
  return bad
    .map((c) => (c.output === undefined ? `${c.name} ${c.status}` : `${c.name} ${c.status}: ${c.output}`))
    .join('; ');
}
