import {
  defaultOf,
  type PresetName,
  type Provenance,
  type RESOLVED,
  resolveSection,
} from '@otelkit/core/internal';
import { HEALTH_SETTINGS } from './settings';

/** Options of `startHealth()`; every field is optional, defaults in {@link HEALTH_DEFAULTS}. */
export interface HealthOptions {
  /** Mount the probe endpoints on the observability server. Default `true`. */
  readonly routes?: boolean;
  /** Mount the status page on `/` and `/health/status.json`. Default `true`. */
  readonly statusPage?: boolean;
  /**
   * Mount the operator API: `GET /status` and `POST /health/checks/{name}/run`, behind the server's
   * auth. Default `true`.
   */
  readonly operatorRoutes?: boolean;
  /** Start ready, without waiting for `markReady()`. Default `false`. */
  readonly initiallyReady?: boolean;
  /** Install the SIGTERM/SIGINT handlers at start (same as calling `installSignalHandlers()`). Default `false`. */
  readonly handleSignals?: boolean;
  /**
   * After a signal that only otelkit listens to, exit the process once shutdown is done (0, or 1
   * when a step failed). When `false`, otelkit never exits the process. Default `true`.
   */
  readonly exitOnSignal?: boolean;
  /**
   * Time readiness reports 503 before draining starts, so load balancers stop sending.
   * Default: env `OTELKIT_SHUTDOWN_DELAY_MS`, else 5000 in Kubernetes (`KUBERNETES_SERVICE_HOST`
   * set) and 0 elsewhere.
   */
  readonly shutdownDelayMs?: number;
  /** Deadline of each shutdown step. Default: env `OTELKIT_SHUTDOWN_TIMEOUT_MS` via core (5000). */
  readonly shutdownTimeoutMs?: number;
  /** How often checks run in the background and the status history is sampled; 0 turns it off. Default `10_000`. */
  readonly sampleIntervalMs?: number;
  /** Points kept for the status page charts. Default `90` (15 minutes at 10 s). */
  readonly historySize?: number;
  /** How often the status page polls. Default `5_000`. */
  readonly statusRefreshMs?: number;
  /** Environment to read; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Health's settings already resolved (by `register()`); not for direct use. @internal */
  readonly [RESOLVED]?: ResolvedHealthOptions;
}

/** Defaults of {@link HealthOptions}, read from {@link HEALTH_SETTINGS} (the one place they are written). */
export const HEALTH_DEFAULTS = {
  routes: defaultOf(HEALTH_SETTINGS.routes),
  statusPage: defaultOf(HEALTH_SETTINGS.statusPage),
  operatorRoutes: defaultOf(HEALTH_SETTINGS.operatorRoutes),
  initiallyReady: defaultOf(HEALTH_SETTINGS.initiallyReady),
  handleSignals: defaultOf(HEALTH_SETTINGS.handleSignals),
  exitOnSignal: defaultOf(HEALTH_SETTINGS.exitOnSignal),
  sampleIntervalMs: defaultOf(HEALTH_SETTINGS.sampleIntervalMs),
  historySize: defaultOf(HEALTH_SETTINGS.historySize),
  statusRefreshMs: defaultOf(HEALTH_SETTINGS.statusRefreshMs),
} as const satisfies HealthOptions;

/** Options after defaults and validation. */
export interface ResolvedHealthOptions {
  readonly routes: boolean;
  readonly statusPage: boolean;
  readonly operatorRoutes: boolean;
  readonly initiallyReady: boolean;
  readonly handleSignals: boolean;
  readonly exitOnSignal: boolean;
  readonly shutdownDelayMs: number;
  readonly shutdownTimeoutMs: number;
  readonly sampleIntervalMs: number;
  readonly historySize: number;
  readonly statusRefreshMs: number;
  /** Where each value came from (for the debug summary). */
  readonly sources: Readonly<Record<string, Provenance>>;
}

/**
 * Applies defaults (and the `OTELKIT_PRESET`'s status page and shutdown delay) and validates, with core's
 * one resolver over {@link HEALTH_SETTINGS}.
 * @throws OtelkitError `OTELKIT_ERR_INVALID_CONFIG` naming the option or variable and the value.
 */
export function resolveHealthOptions(
  options: HealthOptions,
  telemetryShutdownTimeoutMs: number,
  preset?: PresetName,
  /** How an option is named in errors (register names `health.<option>` after its own options or the `OTELKIT_CONFIG` file). */
  optionName: (path: string) => string = (path) => path,
): ResolvedHealthOptions {
  const env = options.env ?? process.env;
  const { values, sources } = resolveSection(HEALTH_SETTINGS, {
    options,
    env,
    preset,
    optionName,
  });
  return Object.freeze({
    ...values,
    shutdownTimeoutMs: values.shutdownTimeoutMs ?? telemetryShutdownTimeoutMs,
    sources,
  });
}
