import { hostname } from 'node:os';
import { diag } from '@opentelemetry/api';
import type { Telemetry } from '@otelkit/core';
import type { CheckOutcome, CheckStatus } from '../check/types';
import type { LifecycleState } from '../lifecycle/lifecycle';
import type { HealthReport, ProbeName } from '../report/report';
import { type HistoryPoint, Ring } from './history';
import { type BreakerState, readSnapshot, type SnapshotReading } from './operations';
import { type RuntimeReading, RuntimeSampler } from './runtime';
import { type OperationStats, operationStats, windowTotals } from './window';

/** Delay of the first history sample after start. */
const FIRST_SAMPLE_MS = 1_000;

/** One check as shown on the status page. */
export interface StatusCheck {
  readonly name: string;
  readonly kind: string;
  readonly status: CheckStatus;
  readonly critical: boolean;
  readonly output?: string;
  readonly observedValue?: string | number | boolean;
  readonly observedUnit?: string;
  readonly durationMs: number;
  readonly time: string;
}

/** The body of `/status` and `/health/status.json` (which the status page polls). */
export interface StatusModel {
  readonly service: {
    readonly name: string;
    readonly version?: string;
    readonly environment?: string;
    readonly host: string;
    readonly pid: number;
    readonly node: string;
    readonly startedAt: string;
    readonly uptimeSeconds: number;
  };
  readonly status: CheckStatus;
  readonly lifecycle: LifecycleState['phase'];
  readonly checks: readonly StatusCheck[];
  readonly breakers: readonly BreakerState[];
  /** Per-operation rates over the last minute (or since start when younger). */
  readonly operations: readonly OperationStats[];
  readonly windowSeconds: number;
  readonly runtime: RuntimeReading;
  /**
   * Sections added with `health.addStatusSection()` (the preload adds `circuitBreakers`: every live
   * breaker's snapshot), by name. A provider that throws is reported as `{ "error": message }`.
   */
  readonly sections: Readonly<Record<string, unknown>>;
  readonly history: { readonly intervalMs: number; readonly points: readonly HistoryPoint[] };
  /** How often the page should poll, ms. */
  readonly refreshMs: number;
  readonly time: string;
}

/** Supplies one extra section of the status document; called on every request, may be async. */
export type StatusSection = () => unknown;

/** What the status service needs from its surroundings. */
export interface StatusDeps {
  readonly sections: () => ReadonlyMap<string, StatusSection>;
  readonly telemetry: Telemetry;
  readonly evaluate: (probe: ProbeName) => Promise<HealthReport>;
  readonly lifecycle: () => LifecycleState;
  readonly sampleIntervalMs: number;
  readonly historySize: number;
  readonly refreshMs: number;
}

/** A check outcome as the status document and the operator API show it. */
export function toStatusCheck(c: CheckOutcome): StatusCheck {
  return {
    name: c.name,
    kind: c.kind,
    status: c.status,
    critical: c.critical,
    ...(c.output === undefined ? {} : { output: c.output }),
    ...(c.observedValue === undefined ? {} : { observedValue: c.observedValue }),
    ...(c.observedUnit === undefined ? {} : { observedUnit: c.observedUnit }),
    durationMs: Math.round(c.durationSeconds * 1e6) / 1e3,
    time: new Date(c.time).toISOString(),
  };
}

interface Raw {
  readonly t: number;
  readonly reading: SnapshotReading;
}

const WINDOW_MS = 60_000;

/**
 * Samples the process every `sampleIntervalMs` (checks, metrics snapshot, event loop, heap) into a
 * bounded ring buffer for the charts, and builds the {@link StatusModel}.
 * @internal
 */
export class StatusService {
  private readonly runtime = new RuntimeSampler();
  private readonly history: Ring<HistoryPoint>;
  private readonly raw: Ring<Raw>;
  private readonly startedAt = Date.now() - Math.round(process.uptime() * 1000);
  private timer: NodeJS.Timeout | undefined;

  private first: NodeJS.Timeout | undefined;

  constructor(private readonly deps: StatusDeps) {
    this.history = new Ring(Math.max(1, deps.historySize));
    this.raw = new Ring(Math.max(2, Math.ceil(WINDOW_MS / Math.max(1, deps.sampleIntervalMs)) + 1));
  }

  /**
   * Takes a first sample shortly after start (not during start-up: it runs the checks and a metric
   * collection) and then one every `sampleIntervalMs` (0 disables sampling).
   */
  start(): void {
    if (this.deps.sampleIntervalMs <= 0 || this.timer !== undefined) return;
    this.first = setTimeout(() => void this.sample(), Math.min(FIRST_SAMPLE_MS, this.deps.sampleIntervalMs));
    this.first.unref();
    this.timer = setInterval(() => void this.sample(), this.deps.sampleIntervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.first !== undefined) clearTimeout(this.first);
    this.first = undefined;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.runtime.stop();
  }

  /** Takes one sample: runs the checks (keeping health metrics fresh) and records a history point. */
  async sample(): Promise<void> {
    try {
      await this.deps.evaluate('detailed');
      const reading = readSnapshot(await this.deps.telemetry.snapshot());
      const t = Date.now();
      const previous = this.raw.toArray().at(-1);
      const seconds = (t - (previous?.t ?? this.startedAt)) / 1000;
      const totals = windowTotals(reading, previous?.reading, seconds);
      const runtime = this.runtime.read(true);
      this.raw.push({ t, reading });
      this.history.push({
        t,
        ...totals,
        eventLoopDelayP99Ms: runtime.eventLoopDelayP99Ms,
        heapUsedBytes: runtime.heapUsedBytes,
      });
    } catch (error) {
      diag.warn(`otelkit health: status sample failed: ${String(error)}`);
    }
  }

  /** The current status: checks run (within their cache), rates over the last minute. */
  async model(): Promise<StatusModel> {
    const [report, snapshot] = await Promise.all([
      this.deps.evaluate('detailed'),
      this.deps.telemetry.snapshot(),
    ]);
    const reading = readSnapshot(snapshot);
    const now = Date.now();
    const base = this.baseline(now);
    const seconds = (now - (base?.t ?? this.startedAt)) / 1000;
    const { config } = this.deps.telemetry;
    return {
      service: {
        name: config.serviceName,
        ...(config.serviceVersion === undefined ? {} : { version: config.serviceVersion }),
        ...(config.environment === undefined ? {} : { environment: config.environment }),
        host: hostname(),
        pid: process.pid,
        node: process.version,
        startedAt: new Date(this.startedAt).toISOString(),
        uptimeSeconds: Math.round(process.uptime()),
      },
      status: report.status,
      lifecycle: this.deps.lifecycle().phase,
      checks: report.checks.map(toStatusCheck),
      breakers: reading.breakers,
      operations: operationStats(reading, base?.reading, seconds),
      windowSeconds: Math.round(seconds),
      runtime: this.runtime.read(false),
      sections: await this.sections(),
      history: { intervalMs: this.deps.sampleIntervalMs, points: this.history.toArray() },
      refreshMs: this.deps.refreshMs,
      time: new Date(now).toISOString(),
    };
  }

  /** Every extra section's value; a failing provider becomes `{ error }` and a `diag.warn`. */
  private async sections(): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const [name, provider] of this.deps.sections()) {
      try {
        out[name] = await provider();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        diag.warn(`otelkit health: status section ${name} failed: ${message}`);
        out[name] = { error: message };
      }
    }
    return out;
  }

  /** The newest sample at least a minute old, else the oldest one. */
  private baseline(now: number): Raw | undefined {
    const all = this.raw.toArray();
    let chosen = all[0];
    for (const raw of all) if (now - raw.t >= WINDOW_MS) chosen = raw;
    return chosen !== undefined && chosen.t < now ? chosen : undefined;
  }
}
