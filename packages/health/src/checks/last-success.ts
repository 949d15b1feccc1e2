import { invalid, type MetricsSnapshot } from '@otelkit/core/internal';
import { type ReconfigurableCheck, reconfigurable } from './reconfigurable';
import { rateHigh, threshold } from './thresholds';

/** Options of {@link lastSuccessCheck}. */
export interface LastSuccessCheckOptions {
  /** Where to read metrics: a telemetry handle (its `snapshot()`) or any snapshot function. */
  readonly telemetry?: { snapshot(): Promise<MetricsSnapshot | undefined> };
  readonly snapshot?: () => Promise<MetricsSnapshot | undefined>;
  /** The operation monitor's namespace (`sync` for `sync.last_success.timestamp`). */
  readonly namespace: string;
  /** The operation (`operation` attribute). */
  readonly operation: string;
  /** Warn when the last success is this old or older, ms. */
  readonly warnAfterMs?: number;
  /** Fail when the last success is this old or older, ms. */
  readonly failAfterMs: number;
}

/**
 * Time since the last success of an operation of an operation monitor, read from its
 * `<namespace>.last_success.timestamp` gauge. Before the first success, the age counts from when
 * the check was created (a start-up grace period). Observed value: age in seconds.
 * @example
 * health.registerCheck('sync:lastSuccess', lastSuccessCheck({
 *   telemetry, namespace: 'sync', operation: 'sync_cycle', warnAfterMs: 15 * 60_000, failAfterMs: 60 * 60_000,
 * }));
 */
export function lastSuccessCheck(
  options: LastSuccessCheckOptions,
): ReconfigurableCheck<LastSuccessCheckOptions> {
  const read =
    options?.snapshot ?? (options?.telemetry === undefined ? undefined : () => options.telemetry!.snapshot());
  if (read === undefined)
    invalid('lastSuccessCheck telemetry', undefined, 'a telemetry handle or a snapshot function');
  const { namespace, operation } = options;
  if (typeof namespace !== 'string' || namespace === '')
    invalid('lastSuccessCheck namespace', namespace, 'a namespace');
  if (typeof operation !== 'string' || operation === '')
    invalid('lastSuccessCheck operation', operation, 'an operation name');
  const resolve = (o: LastSuccessCheckOptions) => {
    const failAfterMs = threshold('lastSuccessCheck failAfterMs', o.failAfterMs);
    if (failAfterMs === undefined)
      invalid('lastSuccessCheck failAfterMs', undefined, 'a number of milliseconds');
    return { failAfterMs, warnAfterMs: threshold('lastSuccessCheck warnAfterMs', o.warnAfterMs) };
  };
  const metric = `${namespace}.last_success.timestamp`;
  const createdAt = Date.now();
  return reconfigurable(options, resolve, (current) => async () => {
    const { warnAfterMs, failAfterMs } = current();
    const snapshot = await read();
    const point = snapshot?.metrics
      .find((m) => m.name === metric)
      ?.points.find((p) => p.attributes.operation === operation && 'value' in p);
    const lastMs = point !== undefined && 'value' in point ? point.value * 1000 : undefined;
    const ageMs = Math.max(0, Date.now() - (lastMs ?? createdAt));
    const status = rateHigh(ageMs, warnAfterMs, failAfterMs);
    const seconds = Math.round(ageMs / 100) / 10;
    const output =
      status === 'pass'
        ? undefined
        : lastMs === undefined
          ? `${operation}: no success in the ${seconds} s since start`
          : `${operation}: last success ${seconds} s ago`;
    return { status, observedValue: seconds, observedUnit: 's', ...(output === undefined ? {} : { output }) };
  });
}
