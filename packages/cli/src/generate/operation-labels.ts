import type { GenerateOptions } from './options';

/** The operation the generated unit tests use. */
export const TEST_OPERATION = 'sync_cycle';

/**
 * Labels `--operation-labels` cannot take: the ones the rules and Prometheus already give a meaning
 * (target, status, histogram bucket, error type, alert identity).
 */
export const RESERVED_OPERATION_LABELS: readonly string[] = [
  'job',
  'instance',
  'operation',
  'status',
  'le',
  'error_type',
  'alertname',
  'severity',
];

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * Why `name` cannot be an operation label (not a Prometheus label name, reserved for Prometheus
 * with `__`, or already used by the rules), or `undefined` when it can.
 */
export function operationLabelProblem(name: string): string | undefined {
  if (!LABEL_NAME.test(name))
    return 'expected a Prometheus label name (a letter or _, then letters, digits or _)';
  if (name.startsWith('__')) return 'names starting with __ are reserved for Prometheus';
  if (RESERVED_OPERATION_LABELS.includes(name))
    return `${name} is already one of the labels the rules use (${RESERVED_OPERATION_LABELS.join(', ')})`;
  return undefined;
}

/** A `by (…)` list: `leading`, then `operation` and the `--operation-labels`. */
export function byOperation(options: GenerateOptions, ...leading: string[]): string {
  return [...leading, 'operation', ...options.operationLabels].join(', ');
}

/** A legend for per-operation series: `{{operation}} {{source}}` plus `rest`. */
export function operationLegend(options: GenerateOptions, rest = ''): string {
  const labels = ['operation', ...options.operationLabels].map((l) => `{{${l}}}`).join(' ');
  return rest === '' ? labels : `${labels} ${rest}`;
}

/**
 * The operation labels of a unit-test series: `operation` and one value per `--operation-labels`
 * (`variant` 1 is the series under test, 2 its neighbour that must not be mixed in).
 */
export function testOperationLabels(options: GenerateOptions, variant: 1 | 2 = 1): Record<string, string> {
  const labels: Record<string, string> = { operation: TEST_OPERATION };
  for (const name of options.operationLabels) labels[name] = `${name}-${variant}`;
  return labels;
}

/** Labels as selector text: `a="x",b="y"`. */
export function selectorLabels(labels: Readonly<Record<string, string>>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',');
}
