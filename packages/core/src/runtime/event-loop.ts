import {
  type ELDHistogram,
  type EventLoopUtilization,
  monitorEventLoopDelay,
  performance,
} from 'node:perf_hooks';

/** Event loop delay statistics of one collection window, in seconds. */
export interface EventLoopDelayStats {
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly stddev: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
}

/** Event loop utilization: the window's ratio and the cumulative times since the loop started. */
export interface EventLoopUsage {
  /** Share of the time since the previous collection the loop was busy, 0..1. */
  readonly utilization: number;
  /** Seconds the loop has been busy since it started. */
  readonly activeSeconds: number;
  /** Seconds the loop has been idle (waiting in the poll phase) since it started. */
  readonly idleSeconds: number;
}

const NS_PER_S = 1e9;

/**
 * Owns the event loop probes: a `monitorEventLoopDelay` histogram, the previous
 * `performance.eventLoopUtilization()` reading, and prom-client's `setImmediate` lag probe.
 *
 * Windows: delay statistics and utilization describe the time since the previous collection (the
 * histogram is reset after each read, as prom-client does), so a 1 s stall shows up as max ≈ 1 s in the
 * next scrape instead of being averaged into the process lifetime. Two caveats follow from that:
 * with several readers (Prometheus and OTLP), each sees the window since whichever collected last; and
 * Node.js does not record the first histogram tick after a reset, so a stall that begins in the same
 * loop turn as the collection is missed by the delay gauges (utilization still counts it).
 */
export class EventLoopMonitor {
  private readonly histogram: ELDHistogram;
  private lastUtilization: EventLoopUtilization;
  private lagSeconds: number | undefined;
  private lagProbe: NodeJS.Immediate | undefined;

  constructor(resolutionMs: number) {
    // The histogram's libuv timer is unref'd by Node.js: it never keeps the process alive.
    this.histogram = monitorEventLoopDelay({ resolution: resolutionMs });
    this.histogram.enable();
    this.lastUtilization = performance.eventLoopUtilization();
  }

  /** Statistics since the previous call, then resets; `undefined` when no tick was sampled. */
  takeDelay(): EventLoopDelayStats | undefined {
    const h = this.histogram;
    if (h.count === 0) return undefined;
    const stats: EventLoopDelayStats = {
      min: h.min / NS_PER_S,
      max: h.max / NS_PER_S,
      mean: h.mean / NS_PER_S,
      stddev: h.stddev / NS_PER_S,
      p50: h.percentile(50) / NS_PER_S,
      p90: h.percentile(90) / NS_PER_S,
      p99: h.percentile(99) / NS_PER_S,
    };
    h.reset();
    return stats;
  }

  /** Utilization since the previous call and the cumulative active/idle times. */
  takeUsage(): EventLoopUsage {
    const now = performance.eventLoopUtilization();
    const window = performance.eventLoopUtilization(now, this.lastUtilization);
    this.lastUtilization = now;
    return { utilization: window.utilization, activeSeconds: now.active / 1e3, idleSeconds: now.idle / 1e3 };
  }

  /**
   * prom-client's `nodejs_eventloop_lag_seconds`: the time a `setImmediate` scheduled at the previous
   * collection waited to run. Returns that last measurement (`undefined` before the first one completes)
   * and schedules the next probe.
   */
  takeLag(): number | undefined {
    if (this.lagProbe === undefined) {
      const start = process.hrtime.bigint();
      this.lagProbe = setImmediate(() => {
        this.lagProbe = undefined;
        this.lagSeconds = Number(process.hrtime.bigint() - start) / NS_PER_S;
      });
      this.lagProbe.unref();
    }
    return this.lagSeconds;
  }

  /** Stops sampling; the monitor cannot be restarted. */
  stop(): void {
    this.histogram.disable();
    if (this.lagProbe !== undefined) clearImmediate(this.lagProbe);
    this.lagProbe = undefined;
  }
}
