/**
 * Short or long: `npm test` runs every case briefly (the whole suite in about a minute);
 * `OTELKIT_RELIABILITY=long` (`npm run test:reliability`) runs the long versions (10 minutes per fault).
 */
export const LONG = process.env.OTELKIT_RELIABILITY === 'long';

/** The run's label in results and in the README table. */
export const RUN: 'short' | 'long' = LONG ? 'long' : 'short';

/** `short` seconds in the short run, `long` seconds in the long run (`OTELKIT_RELIABILITY_SECONDS` overrides the long one). */
export function seconds(short: number, long: number): number {
  if (!LONG) return short;
  const override = Number(process.env.OTELKIT_RELIABILITY_SECONDS);
  return Number.isFinite(override) && override > 0 ? override : long;
}

/** Bugs found by this suite whose fix is pending: these cases run in the long run only (listed in the README). */
export const PENDING_FIXES: Readonly<Record<string, string>> = {};

/** True when a case runs in this run: every case in the long run; pending-fix cases only there. */
export function runs(caseId: string): boolean {
  return LONG || PENDING_FIXES[caseId] === undefined;
}
