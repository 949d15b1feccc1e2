import type { Resource, ResourceDetector } from '@opentelemetry/resources';
import type { IMetricReader } from '@opentelemetry/sdk-metrics';
import { invalid } from './parse';
import type { TelemetryOptions } from './types';

/** The objects of core's options, validated (the settings of the schema are plain values; these are not). */
export interface CoreComposition {
  readonly metricReaders: readonly IMetricReader[];
  readonly resource: Resource | undefined;
  readonly resourceDetectors: readonly ResourceDetector[];
}

/** Whether `value` is an object with every one of `methods`. */
function hasMethods(value: unknown, methods: readonly string[]): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    methods.every((m) => typeof (value as Record<string, unknown>)[m] === 'function')
  );
}

/**
 * Checks a list option of objects (readers, detectors, span processors): each must have `methods`.
 * @param name how the option (or its item `[i]`) is named in the error (`options.metricReaders[0]`)
 * @throws OtelkitError `OTELKIT_ERR_INVALID_CONFIG` naming `name[i]`
 */
export function checkObjectList<T>(
  name: (suffix: string) => string,
  value: unknown,
  methods: readonly string[],
  expected: string,
): readonly T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) invalid(name(''), typeOf(value), `an array of ${expected}`);
  value.forEach((item, i) => {
    if (!hasMethods(item, methods)) invalid(name(`[${i}]`), typeOf(item), expected);
  });
  return [...(value as T[])];
}

/** A short, secret-free description of a bad value: its type or class, never its content. */
export function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value !== 'object') return typeof value;
  const ctor = (value as { constructor?: { name?: string } }).constructor?.name;
  return ctor === undefined || ctor === 'Object' ? 'a plain object' : `a ${ctor}`;
}

/**
 * Validates core's composition options: `metricReaders` (each a `MetricReader`: `setMetricProducer`,
 * `collect`, `shutdown`), `resource` (a `Resource`: `merge`), `resourceDetectors` (each `detect`).
 * @param optionName how an option is named in errors; default `options.<key>`
 * @throws OtelkitError `OTELKIT_ERR_INVALID_CONFIG` naming the option
 */
export function resolveCoreComposition(
  options: TelemetryOptions,
  optionName: (path: string) => string = (path) => `options.${path}`,
): CoreComposition {
  const metricReaders = checkObjectList<IMetricReader>(
    (suffix) => optionName(`metricReaders${suffix}`),
    options.metricReaders,
    ['setMetricProducer', 'selectAggregationTemporality', 'collect', 'shutdown', 'forceFlush'],
    'MetricReader (of @opentelemetry/sdk-metrics)',
  );
  if (options.resource !== undefined && !hasMethods(options.resource, ['merge'])) {
    invalid(optionName('resource'), typeOf(options.resource), 'a Resource (of @opentelemetry/resources)');
  }
  const resourceDetectors = checkObjectList<ResourceDetector>(
    (suffix) => optionName(`resourceDetectors${suffix}`),
    options.resourceDetectors,
    ['detect'],
    'ResourceDetector (of @opentelemetry/resources)',
  );
  return { metricReaders, resource: options.resource, resourceDetectors };
}
