import type { AttributeValue } from '@opentelemetry/api';

const BACKSLASH = /\\/g;
const QUOTE = /"/g;
const NEWLINE = /\n/g;

/**
 * Escapes a label value for both exposition formats: `\` -> `\\`, `"` -> `\"`, newline -> `\n`.
 * Values that need no escaping (nearly all) are returned as they are, without running a regex.
 */
export function escapeLabelValue(value: string): string {
  if (value.indexOf('\\') === -1 && value.indexOf('"') === -1 && value.indexOf('\n') === -1) return value;
  return value.replace(BACKSLASH, '\\\\').replace(QUOTE, '\\"').replace(NEWLINE, '\\n');
}

/**
 * Escapes `# HELP` text. The Prometheus text format escapes `\` and newline; OpenMetrics also `"`.
 */
export function escapeHelp(help: string, openMetrics: boolean): string {
  const escaped = help.replace(BACKSLASH, '\\\\').replace(NEWLINE, '\\n');
  return openMetrics ? escaped.replace(QUOTE, '\\"') : escaped;
}

/**
 * Converts an attribute value to a label value string: strings as they are, numbers and booleans with
 * `String`, arrays as JSON (the OpenTelemetry attribute specification's rule for non-OTLP exporters).
 */
export function attributeValueToString(value: AttributeValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Formats a sample value the Prometheus way: `+Inf`, `-Inf`, `NaN`, integers without `.0`. */
export function formatValue(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return `${value}`;
}

/**
 * Formats a bucket bound for the `le` label. OpenMetrics wants canonical floats (`1.0`, not `1`); the
 * Prometheus text format uses the shortest form, as client_golang does.
 */
export function formatBound(bound: number, openMetrics: boolean): string {
  if (bound === Number.POSITIVE_INFINITY) return '+Inf';
  if (bound === Number.NEGATIVE_INFINITY) return '-Inf';
  const text = `${bound}`;
  if (openMetrics && Number.isInteger(bound) && text.indexOf('e') === -1) return `${text}.0`;
  return text;
}
