/** Outcome of a health check, as in draft-inadarei-api-health-check: `pass`, `warn` or `fail`. */
export type CheckStatus = 'pass' | 'warn' | 'fail';

/** Which probe a check belongs to. */
export type CheckKind = 'liveness' | 'readiness' | 'startup';

/**
 * What a check function returns. The shape is shared with `@otelkit/circuit-breaker`'s
 * `breaker.healthCheck()`, so such a function can be registered as it is.
 */
export interface CheckResult {
  readonly status: CheckStatus;
  /** A measured value, e.g. a latency or a ratio (`observedValue` in the health+json draft). */
  readonly observedValue?: string | number | boolean;
  /** Unit of `observedValue`, e.g. `ms`, `percent`, `bytes`. */
  readonly observedUnit?: string;
  /** A short human-readable explanation, for `warn` and `fail` especially. */
  readonly output?: string;
}

/**
 * A health check: returns a {@link CheckResult}, or a boolean (`true` pass, `false` fail), sync or
 * async. A check that throws or rejects fails with the error's message.
 */
export type CheckFunction = () => CheckResult | boolean | Promise<CheckResult | boolean>;

/** Options of `health.registerCheck()`; defaults in `CHECK_DEFAULTS`. */
export interface CheckOptions {
  /** Probe the check belongs to. Default `'readiness'`. */
  readonly kind?: CheckKind;
  /**
   * When `false`, a failing check only turns the overall status to `warn` (HTTP 200), so it is
   * visible without taking the instance out of service. Default `true`.
   */
  readonly critical?: boolean;
  /** A run taking longer fails with "timed out"; the probe never waits longer. Default `1_000`. */
  readonly timeoutMs?: number;
  /** A result is reused for this long, so a probe storm runs the check once. Default `1_000`. */
  readonly cacheMs?: number;
  /** `componentType` in health+json (`component`, `datastore`, `system`, …). Default none. */
  readonly componentType?: string;
}

/** A finished run of one check, as reported on the endpoints and in the metrics. */
export interface CheckOutcome extends CheckResult {
  /** The name the check was registered under (`component:measurement`). */
  readonly name: string;
  readonly kind: CheckKind;
  readonly critical: boolean;
  readonly componentType: string | undefined;
  /** When the run finished, epoch milliseconds. */
  readonly time: number;
  /** How long the run took, seconds. */
  readonly durationSeconds: number;
}
