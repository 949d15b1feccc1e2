import type { Attributes, ObservableResult } from '@opentelemetry/api';
import {
  ATTR_HEALTH_CHECK,
  ATTR_HEALTH_KIND,
  type BoundHistogram,
  METRIC_HEALTH_CHECK_DURATION,
  METRIC_HEALTH_STATUS,
  type OtelkitMeter,
} from '@otelkit/core/internal';
import { statusValue } from '../check/outcome';
import type { CheckKind, CheckOutcome, CheckStatus } from '../check/types';

/** Name of the status gauge: 1 pass, 0.5 warn, 0 fail. */
export const STATUS_METRIC = METRIC_HEALTH_STATUS;
/** Name of the check duration histogram, seconds. */
export const DURATION_METRIC = METRIC_HEALTH_CHECK_DURATION;

/** What the status gauge reports at each collection. */
export interface StatusSource {
  /** The latest outcome of every check that has run. */
  latest(): Iterable<CheckOutcome>;
  /** The overall status of the liveness and readiness probes, from the latest outcomes. */
  overall(kind: 'liveness' | 'readiness'): CheckStatus;
}

/** Frozen attributes per check and kind, built once, so collection allocates nothing per check. */
class AttributeCache {
  private readonly map = new Map<string, Attributes>();

  get(check: string, kind: string): Attributes {
    const key = `${check}\u0000${kind}`;
    let attributes = this.map.get(key);
    if (attributes === undefined) {
      attributes = Object.freeze({ [ATTR_HEALTH_CHECK]: check, [ATTR_HEALTH_KIND]: kind });
      this.map.set(key, attributes);
    }
    return attributes;
  }

  delete(check: string, kind: string): void {
    this.map.delete(`${check}\u0000${kind}`);
  }
}

/**
 * Health as metrics: `otelkit.health.status` (observable gauge, attributes `check` — a check name or
 * `overall` — and `kind`) and `otelkit.health.check.duration` (histogram, `s`, bound per check).
 * @internal
 */
export class HealthMetrics {
  private readonly attributes = new AttributeCache();
  private readonly durations = new Map<string, BoundHistogram>();
  private readonly histogram;
  private readonly gauge;
  private readonly callback = (result: ObservableResult): void => {
    for (const outcome of this.source.latest()) {
      result.observe(statusValue(outcome.status), this.attributes.get(outcome.name, outcome.kind));
    }
    for (const kind of ['liveness', 'readiness'] as const) {
      result.observe(statusValue(this.source.overall(kind)), this.attributes.get('overall', kind));
    }
  };

  constructor(
    meter: OtelkitMeter,
    private readonly source: StatusSource,
  ) {
    this.gauge = meter.createObservableGauge(STATUS_METRIC, {
      description: 'Health check status: 1 pass, 0.5 warn, 0 fail; check="overall" for each probe.',
    });
    this.histogram = meter.createHistogram(DURATION_METRIC, {
      description: 'Duration of health check runs.',
      unit: 's',
    });
    this.gauge.addCallback(this.callback);
  }

  /** Records the duration of one run (bound histogram per check, bound on first use). */
  recordRun(outcome: CheckOutcome): void {
    const key = `${outcome.name}\u0000${outcome.kind}`;
    let bound = this.durations.get(key);
    if (bound === undefined) {
      bound = this.histogram.bind(this.attributes.get(outcome.name, outcome.kind));
      this.durations.set(key, bound);
    }
    bound.record(outcome.durationSeconds);
  }

  /** Forgets a removed check. */
  forget(name: string, kind: CheckKind): void {
    this.durations.delete(`${name}\u0000${kind}`);
    this.attributes.delete(name, kind);
  }

  /** Stops reporting the gauge. */
  stop(): void {
    this.gauge.removeCallback(this.callback);
  }
}
