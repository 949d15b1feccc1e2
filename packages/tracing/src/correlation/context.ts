import { type Attributes, type Context, context, propagation } from '@opentelemetry/api';
import { isValidCorrelationId, newCorrelationId } from './id';

/** The baggage key (and span attribute) carrying the correlation ID. */
export const CORRELATION_KEY = 'correlation.id';

/** The correlation ID in `ctx`'s baggage, when it has a valid one. */
export function correlationIdFrom(ctx: Context): string | undefined {
  const value = propagation.getBaggage(ctx)?.getEntry(CORRELATION_KEY)?.value;
  return isValidCorrelationId(value) ? value : undefined;
}

/** Baggage is immutable: every request's starts from this one. */
const EMPTY_BAGGAGE = propagation.createBaggage();

/** `ctx` with `id` as its correlation ID (other baggage entries kept). */
export function withCorrelationId(ctx: Context, id: string): Context {
  const baggage = propagation.getBaggage(ctx);
  return propagation.setBaggage(
    ctx,
    baggage === undefined
      ? EMPTY_BAGGAGE.setEntry(CORRELATION_KEY, { value: id })
      : baggage.setEntry(CORRELATION_KEY, { value: id }),
  );
}

/**
 * The correlation ID of the current unit of work (the incoming request, or the enclosing
 * {@link withCorrelation}), or `undefined` outside of one.
 * @example
 * res.setHeader('x-correlation-id', getCorrelationId() ?? '');
 */
export function getCorrelationId(): string | undefined {
  return correlationIdFrom(context.active());
}

/** What {@link withCorrelation} opens: an ID (generated when absent or invalid) and attributes. */
export interface CorrelationScope {
  /** Correlation ID to use; generated when absent, replaced when invalid. */
  readonly id?: string;
  /** Name of the work, set as the span attribute `otelkit.operation` by spans that read it. */
  readonly operation?: string;
  /** Further attributes; kept in the scope for {@link getCorrelationAttributes}. */
  readonly [attribute: string]: string | number | boolean | undefined;
}

const ATTRIBUTES_KEY = Symbol.for('otelkit.correlation.attributes');

/** Attributes set by the enclosing {@link withCorrelation} (for spans and log lines). */
export function getCorrelationAttributes(ctx: Context = context.active()): Attributes | undefined {
  return ctx.getValue(ATTRIBUTES_KEY) as Attributes | undefined;
}

/**
 * Runs `fn` as its own unit of work (a sync cycle, a queue message) with a correlation ID: `scope.id`
 * when valid, otherwise a new one. Spans started inside get the attribute `correlation.id` (and the
 * scope's attributes), log lines get `correlation_id`, outgoing HTTP requests carry it in baggage.
 * Returns what `fn` returns.
 * @example
 * await withCorrelation({ operation: 'sync_cycle', source: 'github' }, () => syncAll());
 */
export function withCorrelation<T>(scope: CorrelationScope, fn: () => T): T {
  const { id, ...rest } = scope ?? {};
  const attributes: Attributes = {};
  for (const key of Object.keys(rest)) {
    const value = rest[key];
    if (value !== undefined) attributes[key === 'operation' ? 'otelkit.operation' : key] = value;
  }
  let ctx = withCorrelationId(context.active(), isValidCorrelationId(id) ? id : newCorrelationId());
  if (Object.keys(attributes).length > 0) ctx = ctx.setValue(ATTRIBUTES_KEY, Object.freeze(attributes));
  return context.with(ctx, fn);
}
