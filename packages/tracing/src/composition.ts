import type { TextMapPropagator } from '@opentelemetry/api';
import type { Sampler, SpanProcessor } from '@opentelemetry/sdk-trace';
import { invalid } from '@otelkit/core/internal';
import type { PropagatorName, TracingOptions } from './options';

/** The objects of tracing's options, validated (the schema's settings are plain values; these are not). */
export interface TracingComposition {
  /** A `Sampler` object given in code or the config module (wins over `OTEL_TRACES_SAMPLER`). */
  readonly sampler: Sampler | undefined;
  /** The propagator list when it holds a `TextMapPropagator` object (wins over `OTEL_PROPAGATORS`). */
  readonly propagators: readonly (PropagatorName | TextMapPropagator)[] | undefined;
  /** Extra span processors, after otelkit's own. */
  readonly spanProcessors: readonly SpanProcessor[];
}

function isObjectWith(value: unknown, methods: readonly string[]): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    methods.every((m) => typeof (value as Record<string, unknown>)[m] === 'function')
  );
}

/** A bad value's type or class, never its content. */
function kindOf(value: unknown): string {
  if (value === null || typeof value !== 'object') return value === null ? 'null' : typeof value;
  const name = (value as { constructor?: { name?: string } }).constructor?.name;
  return name === undefined || name === 'Object' ? 'a plain object' : `a ${name}`;
}

/**
 * Validates tracing's composition options: `sampler` when an object (`shouldSample`), `propagators`
 * when the list holds objects (`inject`, `extract`, `fields`), `spanProcessors` (`onStart`, `onEnd`,
 * `forceFlush`, `shutdown`). Names in the list are left to the schema.
 * @throws OtelkitError `OTELKIT_ERR_INVALID_CONFIG` naming the option
 */
export function resolveTracingComposition(
  options: TracingOptions,
  optionName: (path: string) => string,
): TracingComposition {
  const { sampler, propagators, spanProcessors } = options as Record<string, unknown>;
  let samplerObject: Sampler | undefined;
  if (sampler !== undefined && typeof sampler !== 'string') {
    if (!isObjectWith(sampler, ['shouldSample'])) {
      invalid(
        optionName('sampler'),
        kindOf(sampler),
        'a sampler name or a Sampler (of @opentelemetry/sdk-trace)',
      );
    }
    samplerObject = sampler as Sampler;
  }
  let propagatorList: TracingComposition['propagators'];
  if (Array.isArray(propagators) && propagators.some((p) => typeof p !== 'string')) {
    propagators.forEach((p: unknown, i) => {
      if (typeof p !== 'string' && !isObjectWith(p, ['inject', 'extract', 'fields'])) {
        invalid(optionName(`propagators[${i}]`), kindOf(p), 'a propagator name or a TextMapPropagator');
      }
    });
    propagatorList = propagators as TracingComposition['propagators'];
  }
  const processors: SpanProcessor[] = [];
  if (spanProcessors !== undefined) {
    if (!Array.isArray(spanProcessors)) {
      invalid(optionName('spanProcessors'), kindOf(spanProcessors), 'an array of SpanProcessor');
    }
    spanProcessors.forEach((p: unknown, i) => {
      if (!isObjectWith(p, ['onStart', 'onEnd', 'forceFlush', 'shutdown'])) {
        invalid(
          optionName(`spanProcessors[${i}]`),
          kindOf(p),
          'a SpanProcessor (of @opentelemetry/sdk-trace)',
        );
      }
      processors.push(p as SpanProcessor);
    });
  }
  return { sampler: samplerObject, propagators: propagatorList, spanProcessors: processors };
}
