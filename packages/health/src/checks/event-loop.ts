import { monitorEventLoopDelay } from 'node:perf_hooks';
import { type ReconfigurableCheck, reconfigurable } from './reconfigurable';
import { rateHigh, roundMs, threshold } from './thresholds';

/** Options of {@link eventLoopDelayCheck}. */
export interface EventLoopDelayCheckOptions {
  /** Warn at this delay, ms. Default `100`. */
  readonly warnMs?: number;
  /** Fail at this delay, ms. Default `1_000`. */
  readonly failMs?: number;
  /** Percentile of the delay since the previous run to compare. Default `99`. */
  readonly percentile?: number;
}

const DEFAULTS = { warnMs: 100, failMs: 1_000, percentile: 99 } as const;

/**
 * Event loop delay: the given percentile (p99) of the delay measured since the previous run
 * (`perf_hooks.monitorEventLoopDelay`, 10 ms resolution). Observed value in ms.
 * @example
 * health.registerCheck('eventloop:delay', eventLoopDelayCheck({ warnMs: 100, failMs: 500 }), { kind: 'liveness' });
 */
export function eventLoopDelayCheck(
  options: EventLoopDelayCheckOptions = {},
): ReconfigurableCheck<EventLoopDelayCheckOptions> {
  const resolve = (given: EventLoopDelayCheckOptions) => {
    const o = { ...DEFAULTS, ...given };
    return {
      percentile: o.percentile,
      warnMs: threshold('eventLoopDelayCheck warnMs', o.warnMs),
      failMs: threshold('eventLoopDelayCheck failMs', o.failMs),
    };
  };
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let last = 0;
  return reconfigurable(options, resolve, (current) => () => {
    const o = current();
    const { warnMs, failMs } = o;
    if (histogram.count > 0) last = histogram.percentile(o.percentile) / 1e6;
    histogram.reset();
    const status = rateHigh(last, warnMs, failMs);
    return {
      status,
      observedValue: roundMs(last),
      observedUnit: 'ms',
      ...(status === 'pass' ? {} : { output: `event loop delay p${o.percentile} is ${roundMs(last)} ms` }),
    };
  });
}
