import type { DestinationStream, Level, Logger, LoggerOptions } from 'pino';
import { redactValue } from '../redact/redact';
import { logCorrelationFields } from './fields';

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
  return {
    mixin: () => ({ 'service.name': serviceName(), ...logCorrelationFields() }),
    hooks: {
      logMethod(args, method) {
        const clean = new Array<unknown>(args.length);
        for (let i = 0; i < args.length; i++) clean[i] = redactValue(args[i]);
        method.apply(this, clean as Parameters<typeof method>);
      },
    },
    formatters: {
      bindings: (bindings) => redactValue(bindings) as Record<string, unknown>,
    },
  };
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
 * `service.name`, and with credentials masked (see {@link otelkitPinoOptions}).
 * @example
 * const log = createLogger({ name: 'orders' });
 * log.info({ orderId }, 'order stored'); // {"level":30,…,"trace_id":"…","correlation_id":"…","msg":"order stored"}
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const level = options.level ?? levelFromEnv();
  const pinoOptions: LoggerOptions = { name: options.name, level, ...otelkitPinoOptions() };
  return redactChildBindings(
    options.destination === undefined
      ? loadPino()(pinoOptions)
      : loadPino()(pinoOptions, options.destination),
  );
}

type ChildFn = (bindings: Record<string, unknown>, options?: object) => Logger;

/** pino does not pass child bindings through `formatters.bindings`, so `child()` masks them first. */
function redactChildBindings(logger: Logger): Logger {
  const child = logger.child.bind(logger) as unknown as ChildFn;
  const wrapped: ChildFn = (bindings, options) =>
    redactChildBindings(child(redactValue(bindings) as Record<string, unknown>, options));
  (logger as unknown as { child: ChildFn }).child = wrapped;
  return logger;
}

const LEVELS: readonly Level[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];

function levelFromEnv(): Level {
  const raw = process.env.LOG_LEVEL?.trim().toLowerCase();
  return LEVELS.find((l) => l === raw) ?? 'info';
}
