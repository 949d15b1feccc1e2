import { HTTP_STATUS_LABEL } from '../metric-names';
import { escapeLabelValue, selector } from '../promql';
import type { SloObjective } from './objective';

/** The series an objective counts: all events, and the bad ones (errors, or slower than the threshold). */
export interface SliSelectors {
  /** Every event: a `_count` or `_total` selector. */
  readonly total: string;
  /** Bad events, when counted directly (availability). */
  readonly bad?: string;
  /** Good events, when only those are counted (latency: the bucket at the threshold). */
  readonly good?: string;
}

/**
 * `le` matcher of a bucket boundary: Prometheus 3 stores classic-histogram `le` values as floats
 * (`1.0`), Prometheus 2 as exposed (`1`); both match.
 */
export function leMatcher(threshold: number): string {
  const text = String(threshold);
  return Number.isInteger(threshold) ? `le=~"${text}|${text}\\\\.0"` : `le="${text}"`;
}

function scope(objective: SloObjective): string[] {
  const out: string[] = [];
  if (objective.operation !== undefined) out.push(`operation="${escapeLabelValue(objective.operation)}"`);
  if (objective.route !== undefined) out.push(`http_route="${escapeLabelValue(objective.route)}"`);
  return out;
}

/** The selectors of an objective's SLI for job `job`. */
export function sliSelectors(objective: SloObjective, job: string): SliSelectors {
  const s = (name: string, ...extra: string[]) =>
    selector(job, name, [...scope(objective), ...extra].join(','));
  if (objective.kind === 'latency') {
    return {
      total: s(`${objective.metric}_count`),
      good: s(`${objective.metric}_bucket`, leMatcher(objective.threshold!)),
    };
  }
  if (objective.source === 'http') {
    return {
      total: s(`${objective.metric}_count`),
      bad: s(`${objective.metric}_count`, `${HTTP_STATUS_LABEL}=~"5.."`),
    };
  }
  return { total: s(objective.metric), bad: s(objective.metric, 'status="failure"') };
}

/**
 * The SLI's error ratio over `window`, summed `by (job)`: bad / all (0 while no bad series exists yet),
 * or for latency 1 - good / all (1 while no event was fast enough). Nothing while there are no events.
 */
export function errorRatioExpr(sli: SliSelectors, window: string): string {
  const total = `sum by (job) (rate(${sli.total}[${window}]))`;
  const events = `(${total} > 0)`;
  if (sli.good !== undefined)
    return `1 - (sum by (job) (rate(${sli.good}[${window}])) or 0 * ${total})\n/ ${events}`;
  return `(sum by (job) (rate(${sli.bad}[${window}])) or 0 * ${total})\n/ ${events}`;
}
