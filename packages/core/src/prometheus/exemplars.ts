import type { Attributes, HrTime } from '@opentelemetry/api';
import { attributeValueToString, escapeLabelValue, formatValue } from './format';
import { toPrometheusLabelName } from './naming';

/**
 * An exemplar as sdk-metrics describes it (`Exemplar` in `@opentelemetry/sdk-metrics`, not exported from
 * its index). A data point carries them in an optional `exemplars` array when an exemplar filter is on.
 */
export interface ExemplarLike {
  readonly filteredAttributes: Attributes;
  readonly value: number;
  readonly timestamp: HrTime;
  readonly spanId?: string;
  readonly traceId?: string;
}

/** A data point that may carry exemplars. */
export interface WithExemplars {
  readonly exemplars?: readonly ExemplarLike[];
}

/** OpenMetrics caps the label names and values of an exemplar's label set at 128 UTF-8 characters. */
const MAX_EXEMPLAR_LABEL_CHARS = 128;

/**
 * Renders one exemplar as the OpenMetrics suffix of a sample line:
 * ` # {trace_id="…",span_id="…"} value timestamp` (timestamp in seconds). Filtered attributes are added
 * as labels while the label set stays within 128 characters.
 */
export function formatExemplar(exemplar: ExemplarLike): string {
  let labels = '';
  let used = 0;
  if (exemplar.traceId !== undefined && exemplar.traceId !== '') {
    labels = `trace_id="${escapeLabelValue(exemplar.traceId)}"`;
    used += 8 + exemplar.traceId.length;
  }
  if (exemplar.spanId !== undefined && exemplar.spanId !== '') {
    labels += `${labels === '' ? '' : ','}span_id="${escapeLabelValue(exemplar.spanId)}"`;
    used += 7 + exemplar.spanId.length;
  }
  for (const key in exemplar.filteredAttributes) {
    const value = exemplar.filteredAttributes[key];
    if (value === undefined || value === null) continue;
    const label = toPrometheusLabelName(key);
    if (label === 'trace_id' || label === 'span_id') continue;
    const text = attributeValueToString(value);
    if (used + label.length + text.length > MAX_EXEMPLAR_LABEL_CHARS) continue;
    used += label.length + text.length;
    labels += `${labels === '' ? '' : ','}${label}="${escapeLabelValue(text)}"`;
  }
  const [seconds, nanos] = exemplar.timestamp;
  const timestamp = (seconds + nanos / 1e9).toFixed(3);
  return ` # {${labels}} ${formatValue(exemplar.value)} ${timestamp}`;
}

/**
 * Assigns exemplars to explicit buckets per the specification: each bucket gets the largest exemplar
 * that falls in it; a bucket with none repeats the exemplar of the nearest lower bucket. Returns the
 * rendered suffix per bucket (`''` for none), `counts.length` long, or `undefined` without exemplars.
 *
 * @see https://github.com/open-telemetry/opentelemetry-specification/blob/main/specification/compatibility/prometheus_and_openmetrics.md#exemplars-1
 */
export function bucketExemplars(
  exemplars: readonly ExemplarLike[] | undefined,
  boundaries: readonly number[],
  bucketCount: number,
): string[] | undefined {
  if (exemplars === undefined || exemplars.length === 0) return undefined;
  const chosen: Array<ExemplarLike | undefined> = new Array(bucketCount).fill(undefined);
  for (const exemplar of exemplars) {
    let index = 0;
    while (index < boundaries.length && index < bucketCount - 1 && exemplar.value > boundaries[index]!)
      index++;
    const current = chosen[index];
    if (current === undefined || exemplar.value > current.value) chosen[index] = exemplar;
  }
  const rendered: string[] = [];
  let carried = '';
  for (const exemplar of chosen) {
    if (exemplar !== undefined) carried = formatExemplar(exemplar);
    rendered.push(carried);
  }
  return rendered;
}

/** The exemplar suffix for a counter sample: the most recent exemplar, or `''`. */
export function counterExemplar(exemplars: readonly ExemplarLike[] | undefined): string {
  if (exemplars === undefined || exemplars.length === 0) return '';
  let latest = exemplars[0]!;
  for (const exemplar of exemplars) {
    const [s, n] = exemplar.timestamp;
    if (s > latest.timestamp[0] || (s === latest.timestamp[0] && n > latest.timestamp[1])) latest = exemplar;
  }
  return formatExemplar(latest);
}
