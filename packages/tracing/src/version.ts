/** The version of @otelkit/tracing (instrumentation scope version of its spans and metrics). */
export const VERSION = '0.1.0';
