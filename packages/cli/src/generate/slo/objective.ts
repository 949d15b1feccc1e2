/** What an objective measures: the share of good events (availability) or of fast ones (latency). */
export type SloKind = 'availability' | 'latency';

/** Which otelkit instrument the SLI reads: the HTTP server RED histogram or the operation monitor. */
export type SloSource = 'http' | 'operations';

/**
 * A service-level objective, validated (see `objectiveFromFields`): e.g. 99.9% of HTTP requests
 * without a 5xx over 30 days, or 99% of `sync_cycle` operations faster than 0.5 s over 28 days.
 */
export interface SloObjective {
  /** Unique name; the `slo` label of every recorded series and alert. */
  readonly name: string;
  readonly kind: SloKind;
  readonly source: SloSource;
  /** The Prometheus family as declared (`http_server_request_duration_seconds`, `sync_operations_total`, …). */
  readonly metric: string;
  /** Latency only: seconds, a bucket boundary of the metric's histogram. */
  readonly threshold: number | undefined;
  /** Target as a percentage written by the user, e.g. `99.9`. */
  readonly targetPercent: number;
  /** Compliance window, whole days (`28d`, `30d`). */
  readonly window: string;
  /** Only this operation (operation monitor metrics) or route (`http_route`, HTTP metrics). */
  readonly operation: string | undefined;
  readonly route: string | undefined;
}

/** The error budget of an objective: `1 - target` as a ratio (`99.9` -> `0.001`), without float noise. */
export function errorBudget(objective: SloObjective): number {
  return Number(((100 - objective.targetPercent) / 100).toPrecision(12));
}

/** The target as a ratio (`99.9` -> `0.999`). */
export function targetRatio(objective: SloObjective): number {
  return Number((objective.targetPercent / 100).toPrecision(12));
}
