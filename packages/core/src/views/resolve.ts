import type { Attributes } from '@opentelemetry/api';
import { context } from '@opentelemetry/api';
import type { InstrumentationScope } from '@opentelemetry/core';
import { AggregationType, InstrumentType, type ViewOptions } from '@opentelemetry/sdk-metrics';
import { invalid } from '../config/parse';
import { DEFAULT_BOUNDARIES } from '../meter/local-histogram';

/** How an in-process instrument records, decided once when it is created. */
export type Stream =
  /** No view selects the instrument: its own name, description, buckets; the configured limit. */
  | { readonly kind: 'default' }
  /** A `Drop` view: measurements are discarded. */
  | { readonly kind: 'drop' }
  /**
   * Something the in-process engine does not aggregate (exponential histogram, an aggregation of
   * another instrument kind, several views on one instrument): the SDK's own path, where the same views
   * apply.
   */
  | {
      readonly kind: 'sdk';
      /** The guard's limit: the largest of the views' limits (the SDK applies each view's own). */
      readonly limit: number | undefined;
    }
  /** One view the in-process engine applies itself. */
  | {
      readonly kind: 'view';
      readonly name: string | undefined;
      readonly description: string | undefined;
      /** Rewrites attributes before the series is looked up; `undefined` keeps them. */
      readonly attributes: ((attributes: Attributes) => Attributes) | undefined;
      /** Attribute sets before the overflow series (the view's limit minus the overflow series). */
      readonly limit: number | undefined;
      /** Explicit bucket boundaries from the view (histograms). */
      readonly boundaries: readonly number[] | undefined;
    };

const DEFAULT: Stream = Object.freeze({ kind: 'default' });
const DROP: Stream = Object.freeze({ kind: 'drop' });

/** The aggregation each synchronous kind has by default (a view asking for it changes nothing). */
const NATIVE: Readonly<Record<string, AggregationType>> = {
  [InstrumentType.COUNTER]: AggregationType.SUM,
  [InstrumentType.UP_DOWN_COUNTER]: AggregationType.SUM,
  [InstrumentType.GAUGE]: AggregationType.LAST_VALUE,
  [InstrumentType.HISTOGRAM]: AggregationType.EXPLICIT_BUCKET_HISTOGRAM,
};

/**
 * An instrument-name pattern as the specification defines it: `*` matches any run of characters, `?`
 * exactly one; everything else literally (case-sensitive, as sdk-metrics matches).
 */
function namePattern(pattern: string): (name: string) => boolean {
  if (pattern === '*') return () => true;
  if (!/[*?]/.test(pattern)) return (name) => name === pattern;
  const source = pattern
    .replace(/[\\^$.+()[\]{}|]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  const regexp = new RegExp(`^${source}$`);
  return (name) => regexp.test(name);
}

/**
 * Attribute sets the guard admits for these views: a view's limit counts the overflow series (as in
 * sdk-metrics), so one less; `undefined` (the configured limit) when a view sets none.
 */
function guardLimit(views: readonly ViewOptions[]): number | undefined {
  let limit = 0;
  for (const view of views) {
    if (view.aggregationCardinalityLimit === undefined) return undefined;
    limit = Math.max(limit, view.aggregationCardinalityLimit - 1);
  }
  return limit;
}

interface CompiledView {
  readonly options: ViewOptions;
  readonly name: (name: string) => boolean;
}

/** The boundaries sdk-metrics uses for an explicit-bucket view: sorted, without the infinities. */
function viewBoundaries(boundaries: readonly number[]): number[] {
  const sorted = [...boundaries].sort((a, b) => a - b);
  const start = sorted.lastIndexOf(Number.NEGATIVE_INFINITY) + 1;
  const end = sorted.indexOf(Number.POSITIVE_INFINITY);
  return sorted.slice(start, end === -1 ? undefined : end);
}

/**
 * The user's OpenTelemetry Views (`ViewOptions` of sdk-metrics 3.x), checked once at start-up and
 * resolved once per instrument when it is created, so that no view is matched at record time.
 */
export class ViewResolver {
  private readonly views: readonly CompiledView[];

  /** @throws OtelkitError `OTELKIT_ERR_INVALID_CONFIG` naming `views[i]` when a view is malformed. */
  constructor(views: readonly ViewOptions[] = []) {
    this.views = views.map((options, i) => {
      const selects =
        options.instrumentName !== undefined ||
        options.instrumentType !== undefined ||
        options.instrumentUnit !== undefined ||
        options.meterName !== undefined ||
        options.meterVersion !== undefined ||
        options.meterSchemaUrl !== undefined;
      if (!selects)
        invalid(`views[${i}]`, JSON.stringify(options), 'at least one instrument or meter selector');
      if (
        options.name !== undefined &&
        (options.instrumentName === undefined || /[*?]/.test(options.instrumentName))
      )
        invalid(
          `views[${i}].name`,
          options.name,
          'a view that renames selects one instrument by its exact name',
        );
      const limit = options.aggregationCardinalityLimit;
      if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1))
        invalid(`views[${i}].aggregationCardinalityLimit`, limit, 'a positive integer');
      return { options, name: namePattern(options.instrumentName ?? '*') };
    });
  }

  /** Whether any view was given. */
  get empty(): boolean {
    return this.views.length === 0;
  }

  /** The stream of a synchronous instrument of `type`, created under `scope`. */
  resolve(type: InstrumentType, name: string, unit: string, scope: InstrumentationScope): Stream {
    if (this.views.length === 0) return DEFAULT;
    const matching = this.views.filter(({ options: v, name: matches }) => {
      if (v.instrumentType !== undefined && v.instrumentType !== type) return false;
      if (v.instrumentUnit !== undefined && v.instrumentUnit !== unit) return false;
      if (v.meterName !== undefined && v.meterName !== scope.name) return false;
      // As sdk-metrics: a meter without a version has version '', one without a schema URL is selected
      // by any URL.
      if (v.meterVersion !== undefined && v.meterVersion !== (scope.version ?? '')) return false;
      if (
        v.meterSchemaUrl !== undefined &&
        scope.schemaUrl !== undefined &&
        v.meterSchemaUrl !== scope.schemaUrl
      )
        return false;
      return matches(name);
    });
    if (matching.length === 0) return DEFAULT;
    const sdk: Stream = { kind: 'sdk', limit: guardLimit(matching.map((m) => m.options)) };
    if (matching.length > 1) return sdk;
    const view = matching[0]!.options;
    const aggregation = view.aggregation ?? { type: AggregationType.DEFAULT };
    if (aggregation.type === AggregationType.DROP) return DROP;
    let boundaries: readonly number[] | undefined;
    if (aggregation.type === AggregationType.EXPLICIT_BUCKET_HISTOGRAM) {
      if (type !== InstrumentType.HISTOGRAM || aggregation.options?.recordMinMax === false) return sdk;
      // Without options sdk-metrics uses its default boundaries (not the instrument's advice).
      boundaries =
        aggregation.options === undefined
          ? DEFAULT_BOUNDARIES
          : viewBoundaries(aggregation.options.boundaries);
    } else if (aggregation.type !== AggregationType.DEFAULT && aggregation.type !== NATIVE[type]) return sdk;
    const processors = view.attributesProcessors;
    return {
      kind: 'view',
      name: view.name,
      description: view.description,
      attributes:
        processors === undefined || processors.length === 0
          ? undefined
          : (attributes) => {
              let out = attributes;
              for (const p of processors) out = p.process(out, context.active());
              return out;
            },
      limit: guardLimit([view]),
      boundaries,
    };
  }
}
