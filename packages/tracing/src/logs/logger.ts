import type { DestinationStream, Level, Logger, LoggerOptions } from 'pino';
import { redactValue } from '../redact/redact';
import { logCorrelationFields } from './fields';
import { emitPinoCall, logSink } from './log-record';

let defaultServiceName: string | undefined;

/** pino, required on the first `createLogger()`: apps that never log through otelkit never load it. */
function loadPino(): typeof import('pino').default {
  const mod = require('pino') as typeof import('pino') & { default?: typeof import('pino').default };
  return (mod.default ?? mod) as typeof import('pino').default;
}

/** Sets the `service.name` of log lines from now on (startTracing sets the telemetry's). @internal */
export function setLogServiceName(name: string | undefined): void {
  defaultServiceName = name;
}

function serviceName(): string {
  return defaultServiceName ?? process.env.OTEL_SERVICE_NAME?.trim() ?? 'unknown_service:node';
}

type PinoOptions = Pick<LoggerOptions, 'mixin' | 'hooks' | 'formatters'>;

/**
 * pino options that add `trace_id`, `span_id`, `trace_flags`, `correlation_id` and `service.name` to
 * every line and mask credentials (keys like `password`/`token`/`authorization` at any depth, bearer
 * and basic tokens and URL userinfo in strings, also in the message and in child bindings). Spread
 * them into your own pino instance (bindings given to its `child()` are not masked there; loggers from
 * {@link createLogger} mask them too).
 * @example
 * const log = pino({ level: 'debug', ...otelkitPinoOptions() });
 */
export function otelkitPinoOptions(): PinoOptions {
  return pinoOptions(false);
}

/** Child bindings (masked) of each logger made by {@link createLogger}, for its log records. */
const BINDINGS = new WeakMap<object, Readonly<Record<string, unknown>>>();

/** {@link otelkitPinoOptions}, and with `emit` every call also becomes an OpenTelemetry log record. */
function pinoOptions(emit: boolean): PinoOptions {
  return {
    mixin: () => ({ 'service.name': serviceName(), ...logCorrelationFields() }),
    hooks: {
      logMethod(args, method, level) {
        // pino hands the hook an array of its own: it is masked in place.
        const wasError = args[0] instanceof Error;
        for (let i = 0; i < args.length; i++) args[i] = redactArgument(args[i]);
        method.apply(this, args);
        const sink = emit ? logSink() : undefined;
        if (sink !== undefined) emitPinoCall(sink, level, args, wasError, BINDINGS.get(this) ?? {});
      },
    },
    formatters: {
      bindings: (bindings) => redactValue(bindings) as Record<string, unknown>,
    },
  };
}

/**
 * One set of objects being masked, for every call: `redactValue` removes each object again before it
 * returns, so the set is empty between calls (instead of a new `WeakSet` per argument and line).
 */
const SEEN = new WeakSet<object>();
/** Masked message templates, which repeat from call to call (bounded: cleared when full). */
const MASKED_MESSAGES = new Map<string, string>();
const MAX_MASKED_MESSAGES = 512;
const MAX_MEMO_LENGTH = 256;

/** `redactValue(value)`; a short string is masked once and remembered (masking is a pure function). */
function redactArgument(value: unknown): unknown {
  if (typeof value !== 'string' || value.length > MAX_MEMO_LENGTH) return redactValue(value, 0, SEEN);
  let masked = MASKED_MESSAGES.get(value);
  if (masked === undefined) {
    masked = redactValue(value, 0, SEEN) as string;
    if (MASKED_MESSAGES.size >= MAX_MASKED_MESSAGES) MASKED_MESSAGES.clear();
    MASKED_MESSAGES.set(value, masked);
  }
  return masked;
}

/** Options of {@link createLogger}. */
export interface CreateLoggerOptions {
  /** The logger's name (`name` field). */
  readonly name: string;
  /** Minimum level; default `LOG_LEVEL` or `info`. */
  readonly level?: Level;
  /** Where lines go; default stdout. */
  readonly destination?: DestinationStream;
}

/**
 * A pino logger writing JSON lines with `trace_id`, `span_id`, `trace_flags`, `correlation_id` and
 * `service.name`, and with credentials masked (see {@link otelkitPinoOptions}). While log export runs
 * (`OTEL_LOGS_EXPORTER`, see `startTracing`) every line is also an OpenTelemetry log record, masked
 * the same way: severity from the level, the message as body, the other fields as attributes, the
 * active span's trace id, span id and flags, `correlation.id` and the telemetry's resource. The
 * lines written are the same either way.
 * @example
 * const log = createLogger({ name: 'orders' });
 * log.info({ orderId }, 'order stored'); // {"level":30,…,"trace_id":"…","correlation_id":"…","msg":"order stored"}
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const level = options.level ?? levelFromEnv();
  const settings: LoggerOptions = { name: options.name, level, ...pinoOptions(true) };
  const pino = loadPino();
  const logger = options.destination === undefined ? pino(settings) : pino(settings, options.destination);
  withoutOtelPinoStream(logger, pino);
  BINDINGS.set(logger, { name: options.name });
  return redactChildBindings(logger);
}

/**
 * With `@opentelemetry/instrumentation-pino` enabled, pino itself is patched to send every logger's
 * lines as log records too; a logger from {@link createLogger} sends its own (masked), so the extra
 * stream is taken off again (otherwise each record would reach the backend twice).
 */
function withoutOtelPinoStream(logger: Logger, pino: typeof import('pino').default): void {
  const key = pino.symbols.streamSym as unknown as keyof Logger;
  const stream = logger[key] as unknown as { streams?: Array<{ stream: { constructor: { name: string } } }> };
  const streams = stream?.streams;
  if (!Array.isArray(streams) || streams.length !== 2) return;
  const others = streams.filter((s) => s.stream.constructor.name !== 'OTelPinoStream');
  if (others.length === 1) {
    (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] = others[0]?.stream;
  }
}

type ChildFn = (bindings: Record<string, unknown>, options?: object) => Logger;

/** pino does not pass child bindings through `formatters.bindings`, so `child()` masks them first. */
function redactChildBindings(logger: Logger): Logger {
  const child = logger.child.bind(logger) as unknown as ChildFn;
  const wrapped: ChildFn = (bindings, options) => {
    const clean = redactValue(bindings) as Record<string, unknown>;
    const made = child(clean, options);
    BINDINGS.set(made, { ...BINDINGS.get(logger), ...clean });
    return redactChildBindings(made);
  };
  (logger as unknown as { child: ChildFn }).child = wrapped;
  return logger;
}

const LEVELS: readonly Level[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];

function levelFromEnv(): Level {
  const raw = process.env.LOG_LEVEL?.trim().toLowerCase();
  return LEVELS.find((l) => l === raw) ?? 'info';
}
