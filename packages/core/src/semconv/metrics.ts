/**
 * The names of the metrics that more than one otelkit package uses (one creates the instrument; health's
 * status page, the CLI's alert rules and dashboards, the cluster merge or the docs read it), spelled once,
 * in the style of `@opentelemetry/semantic-conventions`. They are OpenTelemetry instrument names; the
 * Prometheus names follow from them by the compatibility rules (`toPrometheusMetricName`).
 *
 * `@otelkit/circuit-breaker` depends on `@opentelemetry/api` only, so it declares its instrument names
 * itself (`METRIC_NAMES`); a test asserts they equal the `METRIC_CIRCUIT_BREAKER_*` constants here.
 */

/** Gauge: 1 pass, 0.5 warn, 0 fail, by `check` (a check name or `overall`) and `kind`. */
export const METRIC_HEALTH_STATUS = 'otelkit.health.status';
/** Histogram, `s`: how long each health check took, by `check`. */
export const METRIC_HEALTH_CHECK_DURATION = 'otelkit.health.check.duration';

/** Gauge: 1 for a breaker's current `state`, 0 for the others, by `name` and `state`. */
export const METRIC_CIRCUIT_BREAKER_STATE = 'otelkit.circuit_breaker.state';
/** Counter, `{call}`: calls through a breaker, by `name` and `outcome`. */
export const METRIC_CIRCUIT_BREAKER_CALLS = 'otelkit.circuit_breaker.calls';
/** Histogram, `s`: duration of calls through a breaker, by `name`. */
export const METRIC_CIRCUIT_BREAKER_CALL_DURATION = 'otelkit.circuit_breaker.call.duration';
/** Counter: state transitions of a breaker, by `name`, `from` and `to`. */
export const METRIC_CIRCUIT_BREAKER_TRANSITIONS = 'otelkit.circuit_breaker.transitions';

/** Counter: export attempts of push exporters, by `signal`, `exporter` and `outcome`. */
export const METRIC_EXPORTER_EXPORTS = 'otelkit.exporter.exports';
/** Counter: items (spans, metric points, log records) push exporters dropped, by `signal` and `exporter`. */
export const METRIC_EXPORTER_DROPPED = 'otelkit.exporter.dropped';
/** Gauge, `s`: Unix time of an exporter's last successful export, by `signal` and `exporter`. */
export const METRIC_EXPORTER_LAST_SUCCESS_TIMESTAMP = 'otelkit.exporter.last_success.timestamp';
/** Counter: measurements recorded into the overflow series once an instrument hit its limit, by `instrument`. */
export const METRIC_OVERFLOW_MEASUREMENTS = 'otelkit.metric.overflow.measurements';
/** Gauge: the per-instrument cardinality limit. */
export const METRIC_CARDINALITY_LIMIT = 'otelkit.metric.cardinality.limit';

/** Gauge: cluster workers by whether they answered a scrape of the primary's `/metrics` (`state`). */
export const METRIC_CLUSTER_WORKERS = 'otelkit.cluster.workers';

/** Histogram, `s`: HTTP server request duration (tracing's RED metrics), the OpenTelemetry convention. */
export const METRIC_HTTP_SERVER_REQUEST_DURATION = 'http.server.request.duration';
/** Histogram, `s`: HTTP client request duration (tracing's RED metrics), the OpenTelemetry convention. */
export const METRIC_HTTP_CLIENT_REQUEST_DURATION = 'http.client.request.duration';

// Runtime metrics (`startRuntimeMetrics`, OpenTelemetry naming) that the generated rules and dashboards read.

/** The event loop delay statistic `stat` (`min`, `max`, `mean`, `stddev`, `p50`, `p90`, `p99`): gauge, `s`. */
export function eventLoopDelayMetricName(stat: string): string {
  return `nodejs.eventloop.delay.${stat}`;
}
/** Gauge, `1`: event loop utilization since the previous collection. */
export const METRIC_NODEJS_EVENTLOOP_UTILIZATION = 'nodejs.eventloop.utilization';
/** Up-down counter, `By`: V8 heap used, by `v8js.heap.space.name`. */
export const METRIC_V8JS_MEMORY_HEAP_USED = 'v8js.memory.heap.used';
/** Up-down counter, `By`: V8 heap reserved, by `v8js.heap.space.name`. */
export const METRIC_V8JS_MEMORY_HEAP_SPACE_SIZE = 'v8js.memory.heap.space.size';
/** Up-down counter, `By`: the V8 heap size limit. */
export const METRIC_NODEJS_MEMORY_HEAP_LIMIT = 'nodejs.memory.heap.limit';
/** Up-down counter, `By`: memory of C++ objects bound to JavaScript objects. */
export const METRIC_NODEJS_MEMORY_EXTERNAL = 'nodejs.memory.external';
/** Up-down counter, `By`: resident set size of the process. */
export const METRIC_PROCESS_MEMORY_USAGE = 'process.memory.usage';
/** Gauge, `{resource}`: active resources keeping the event loop alive, by `v8js.resource.type`. */
export const METRIC_V8JS_RESOURCE_ACTIVE = 'v8js.resource.active';
/** Counter, `s`: CPU time by `cpu.mode`. */
export const METRIC_PROCESS_CPU_TIME = 'process.cpu.time';
/** Gauge, `s`: process uptime. */
export const METRIC_PROCESS_UPTIME = 'process.uptime';
/** Histogram, `s`: garbage collection duration, by `v8js.gc.type`. */
export const METRIC_V8JS_GC_DURATION = 'v8js.gc.duration';

/**
 * The instrument names of an operation monitor for `namespace` (DESIGN.md, "Operation monitor metric
 * names"): `<ns>.operations` (counter), `<ns>.operation.duration` (histogram, `s`),
 * `<ns>.operations.active`, `<ns>.errors`, `<ns>.items`, `<ns>.queue.depth` and
 * `<ns>.last_success.timestamp` (gauge, `s`).
 */
export function operationMetricNames(namespace: string) {
  return {
    operations: `${namespace}.operations`,
    duration: `${namespace}.operation.duration`,
    active: `${namespace}.operations.active`,
    errors: `${namespace}.errors`,
    items: `${namespace}.items`,
    queueDepth: `${namespace}.queue.depth`,
    lastSuccess: `${namespace}.last_success.timestamp`,
  } as const;
}
