import { type Attributes, diag } from '@opentelemetry/api';
import { attributeValueToString, escapeLabelValue } from './format';
import { toPrometheusLabelName } from './naming';

/** Label names the serializer writes itself; an attribute with one of these names is dropped. */
const RESERVED_LABELS: ReadonlySet<string> = new Set(['otel_scope_name', 'otel_scope_version']);

const warnedKeys = new Set<string>();

function warnDroppedOnce(key: string, why: string): void {
  if (warnedKeys.has(key) || warnedKeys.size > 1000) return;
  warnedKeys.add(key);
  diag.warn(`otelkit: attribute "${key}" dropped from Prometheus labels: ${why}`);
}

/**
 * Slow path, used when some key is not a valid label name or is reserved: keys that map to the same
 * label are merged, their values joined with `;` in the lexicographical order of the original keys, as
 * the specification requires.
 */
function mergeLabels(attributes: Attributes, exclude: string | undefined): string {
  const merged = new Map<string, Array<[string, string]>>();
  for (const key of Object.keys(attributes).sort()) {
    const value = attributes[key];
    if (value === undefined || value === null) continue;
    const label = toPrometheusLabelName(key);
    if (label === exclude) {
      warnDroppedOnce(key, `"${exclude}" is written by the exporter`);
      continue;
    }
    if (RESERVED_LABELS.has(label)) {
      warnDroppedOnce(key, `"${label}" is written by the exporter`);
      continue;
    }
    const values = merged.get(label);
    const entry: [string, string] = [key, attributeValueToString(value)];
    if (values === undefined) merged.set(label, [entry]);
    else values.push(entry);
  }
  let out = '';
  for (const [label, values] of merged) {
    const value = values.length === 1 ? values[0]![1] : values.map((v) => v[1]).join(';');
    out += `${out === '' ? '' : ','}${label}="${escapeLabelValue(value)}"`;
  }
  return out;
}

/**
 * Renders attributes as the inside of a Prometheus label set, `a="x",b="y"` (`''` for no attributes).
 * Keys that are already valid label names (nearly all) are written as they are; others go through a
 * slower path that sanitizes and merges them. Not cached per attributes object: measured, a WeakMap
 * cache saved ~2 ms per 10,000 series but made a scrape with fresh attribute objects several times
 * slower (ephemeron garbage collection), and would go stale if an application mutated an attributes
 * object after recording it.
 */
export function attributesToLabels(attributes: Attributes): string {
  let out = '';
  for (const key in attributes) {
    const value = attributes[key];
    if (value === undefined || value === null) continue;
    if (toPrometheusLabelName(key) !== key || RESERVED_LABELS.has(key))
      return mergeLabels(attributes, undefined);
    const text = typeof value === 'string' ? value : attributeValueToString(value);
    out += `${out === '' ? '' : ','}${key}="${escapeLabelValue(text)}"`;
  }
  return out;
}

/**
 * Like {@link attributesToLabels} but without an attribute whose label name is `exclude` (a histogram's
 * `le`); used only when such an attribute is present.
 */
export function attributesToLabelsExcluding(attributes: Attributes, exclude: string): string {
  return mergeLabels(attributes, exclude);
}
