import { type Attributes, context, type Span, type SpanKind, type Tracer, trace } from '@opentelemetry/api';
import { recordFailure } from './record-failure';
import { VERSION } from './version';

/** Options of {@link traced} and {@link Traced}. */
export interface TracedOptions {
  /** Attributes set on the span at start. */
  readonly attributes?: Attributes;
  /** Span kind; default `INTERNAL`. */
  readonly kind?: SpanKind;
  /** Tracer to use; default: the global tracer `@otelkit/tracing`. */
  readonly tracer?: Tracer;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function'
  );
}

function fail(span: Span, error: unknown): void {
  recordFailure(span, error);
  span.end();
}

/**
 * Runs `fn` inside a new active span named `name` and returns what it returns. For a promise, the
 * span ends when it settles. A throw or rejection records the exception, sets `error.type` and the
 * error status, and is rethrown. The span ends exactly once, also if `fn` ends it itself.
 * @example
 * const user = await traced('db.load_user', () => db.load(id), { attributes: { 'user.id': id } });
 */
export function traced<T>(name: string, fn: (span: Span) => T, options: TracedOptions = {}): T {
  const tracer = options.tracer ?? trace.getTracer('@otelkit/tracing', VERSION);
  const span = tracer.startSpan(name, { attributes: options.attributes, kind: options.kind });
  let ended = false;
  const endOnce = (error?: unknown, failed = false): void => {
    if (ended) return;
    ended = true;
    // A span that `fn` ended itself (or one not sampled) is left alone.
    if (!span.isRecording()) return;
    if (failed) fail(span, error);
    else span.end();
  };
  let result: T;
  try {
    result = context.with(trace.setSpan(context.active(), span), fn, undefined, span);
  } catch (error) {
    endOnce(error, true);
    throw error;
  }
  if (!isThenable(result)) {
    endOnce();
    return result;
  }
  return result.then(
    (value) => {
      endOnce();
      return value;
    },
    (error: unknown) => {
      endOnce(error, true);
      throw error;
    },
  ) as T;
}

type Method<This, Args extends unknown[], Return> = (this: This, ...args: Args) => Return;

/**
 * Method decorator (TypeScript 5 / ECMAScript decorators): every call of the method runs in
 * {@link traced}, named `name` or `ClassName.method`.
 * @example
 * class Repo {
 *   @Traced()
 *   async load(id: string) { … }
 * }
 */
export function Traced(name?: string, options: TracedOptions = {}) {
  return <This, Args extends unknown[], Return>(
    method: Method<This, Args, Return>,
    decorator: ClassMethodDecoratorContext<This, Method<This, Args, Return>>,
  ): Method<This, Args, Return> => {
    const methodName = String(decorator.name);
    return function tracedMethod(this: This, ...args: Args): Return {
      const owner = (this as { constructor?: { name?: string } } | undefined)?.constructor?.name;
      const spanName =
        name ?? (owner !== undefined && owner !== 'Object' ? `${owner}.${methodName}` : methodName);
      return traced(spanName, () => method.apply(this, args), options);
    };
  };
}
