import {
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  eventLoopDelayMetricName,
  METRIC_CARDINALITY_LIMIT,
  METRIC_CIRCUIT_BREAKER_CALL_DURATION,
  METRIC_CIRCUIT_BREAKER_CALLS,
  METRIC_CIRCUIT_BREAKER_STATE,
  METRIC_CIRCUIT_BREAKER_TRANSITIONS,
  METRIC_EXPORTER_DROPPED,
  METRIC_EXPORTER_EXPORTS,
  METRIC_EXPORTER_LAST_SUCCESS_TIMESTAMP,
  METRIC_HEALTH_STATUS,
  METRIC_HTTP_CLIENT_REQUEST_DURATION,
  METRIC_HTTP_SERVER_REQUEST_DURATION,
  METRIC_NODEJS_EVENTLOOP_UTILIZATION,
  METRIC_NODEJS_MEMORY_EXTERNAL,
  METRIC_NODEJS_MEMORY_HEAP_LIMIT,
  METRIC_OVERFLOW_MEASUREMENTS,
  METRIC_PROCESS_CPU_TIME,
  METRIC_PROCESS_MEMORY_USAGE,
  METRIC_PROCESS_UPTIME,
  METRIC_V8JS_GC_DURATION,
  METRIC_V8JS_MEMORY_HEAP_SPACE_SIZE,
  METRIC_V8JS_MEMORY_HEAP_USED,
  METRIC_V8JS_RESOURCE_ACTIVE,
  operationMetricNames,
  toPrometheusLabelName,
  toPrometheusMetricName,
} from '@otelkit/core/internal';

// The Prometheus names the generated rules and dashboards read: core's instrument names (semconv)
// turned into Prometheus names by core's own conversion (unit suffix, `_total` on counters), so the
// rules match what `/metrics` shows. Histograms are named by family (add `_bucket`, `_sum`, `_count`).

type Kind = Parameters<typeof toPrometheusMetricName>[2];

function prometheus(name: string, unit: string, kind: Kind): string {
  return toPrometheusMetricName(name, unit, kind).name;
}

/** HTTP server duration histogram family (tracing's RED metrics): `http_server_request_duration_seconds`. */
export const HTTP_SERVER_DURATION = prometheus(METRIC_HTTP_SERVER_REQUEST_DURATION, 's', 'histogram');
/** HTTP client duration histogram family: `http_client_request_duration_seconds`. */
export const HTTP_CLIENT_DURATION = prometheus(METRIC_HTTP_CLIENT_REQUEST_DURATION, 's', 'histogram');
/** Label of the HTTP status code on {@link HTTP_SERVER_DURATION}. */
export const HTTP_STATUS_LABEL = toPrometheusLabelName(ATTR_HTTP_RESPONSE_STATUS_CODE);

/** Health status gauge: `otelkit_health_status`. */
export const HEALTH_STATUS = prometheus(METRIC_HEALTH_STATUS, '', 'gauge');

/** Circuit breaker state gauge: `otelkit_circuit_breaker_state`. */
export const BREAKER_STATE = prometheus(METRIC_CIRCUIT_BREAKER_STATE, '', 'gauge');
/** Circuit breaker calls counter: `otelkit_circuit_breaker_calls_total`. */
export const BREAKER_CALLS = prometheus(METRIC_CIRCUIT_BREAKER_CALLS, '{call}', 'counter');
/** Circuit breaker call duration histogram family: `otelkit_circuit_breaker_call_duration_seconds`. */
export const BREAKER_CALL_DURATION = prometheus(METRIC_CIRCUIT_BREAKER_CALL_DURATION, 's', 'histogram');
/** Circuit breaker transitions counter: `otelkit_circuit_breaker_transitions_total`. */
export const BREAKER_TRANSITIONS = prometheus(METRIC_CIRCUIT_BREAKER_TRANSITIONS, '', 'counter');

/** Export attempts of push exporters: `otelkit_exporter_exports_total`. */
export const EXPORTER_EXPORTS = prometheus(METRIC_EXPORTER_EXPORTS, '', 'counter');
/** Items push exporters dropped: `otelkit_exporter_dropped_total`. */
export const EXPORTER_DROPPED = prometheus(METRIC_EXPORTER_DROPPED, '', 'counter');
/** Last successful export: `otelkit_exporter_last_success_timestamp_seconds`. */
export const EXPORTER_LAST_SUCCESS = prometheus(METRIC_EXPORTER_LAST_SUCCESS_TIMESTAMP, 's', 'gauge');
/** Measurements into the overflow series: `otelkit_metric_overflow_measurements_total`. */
export const OVERFLOW_MEASUREMENTS = prometheus(METRIC_OVERFLOW_MEASUREMENTS, '', 'counter');
/** The cardinality limit: `otelkit_metric_cardinality_limit`. */
export const CARDINALITY_LIMIT = prometheus(METRIC_CARDINALITY_LIMIT, '', 'gauge');

/** Event loop delay statistic `stat` (`p50`, `p99`, ...): `nodejs_eventloop_delay_<stat>_seconds`. */
export function eventLoopDelay(stat: string): string {
  return prometheus(eventLoopDelayMetricName(stat), 's', 'gauge');
}
/** `nodejs_eventloop_utilization_ratio`. */
export const EVENTLOOP_UTILIZATION = prometheus(METRIC_NODEJS_EVENTLOOP_UTILIZATION, '1', 'gauge');
/** `v8js_memory_heap_used_bytes`. */
export const HEAP_USED = prometheus(METRIC_V8JS_MEMORY_HEAP_USED, 'By', 'updowncounter');
/** `v8js_memory_heap_space_size_bytes`. */
export const HEAP_SPACE_SIZE = prometheus(METRIC_V8JS_MEMORY_HEAP_SPACE_SIZE, 'By', 'updowncounter');
/** `nodejs_memory_heap_limit_bytes`. */
export const HEAP_LIMIT = prometheus(METRIC_NODEJS_MEMORY_HEAP_LIMIT, 'By', 'updowncounter');
/** `nodejs_memory_external_bytes`. */
export const MEMORY_EXTERNAL = prometheus(METRIC_NODEJS_MEMORY_EXTERNAL, 'By', 'updowncounter');
/** `process_memory_usage_bytes` (resident set size). */
export const MEMORY_RSS = prometheus(METRIC_PROCESS_MEMORY_USAGE, 'By', 'updowncounter');
/** `v8js_resource_active`. */
export const RESOURCES_ACTIVE = prometheus(METRIC_V8JS_RESOURCE_ACTIVE, '{resource}', 'gauge');
/** `process_cpu_time_seconds_total`. */
export const CPU_TIME = prometheus(METRIC_PROCESS_CPU_TIME, 's', 'counter');
/** `process_uptime_seconds`. */
export const UPTIME = prometheus(METRIC_PROCESS_UPTIME, 's', 'gauge');
/** GC duration histogram family: `v8js_gc_duration_seconds`. */
export const GC_DURATION = prometheus(METRIC_V8JS_GC_DURATION, 's', 'histogram');

/** The Prometheus names of an operation monitor's metrics for `namespace` (histograms by family). */
export function operationMetrics(namespace: string) {
  const names = operationMetricNames(namespace);
  return {
    operations: prometheus(names.operations, '', 'counter'),
    duration: prometheus(names.duration, 's', 'histogram'),
    active: prometheus(names.active, '', 'updowncounter'),
    errors: prometheus(names.errors, '', 'counter'),
    items: prometheus(names.items, '', 'counter'),
    queueDepth: prometheus(names.queueDepth, '', 'gauge'),
    lastSuccess: prometheus(names.lastSuccess, 's', 'gauge'),
  } as const;
}

/** Prometheus name of the operation monitor's counter `<ns>.operations`: `<ns>_operations_total`. */
export function operationsTotal(namespace: string): string {
  return operationMetrics(namespace).operations;
}

/** Prometheus family of the operation monitor's histogram `<ns>.operation.duration` (unit `s`). */
export function operationDuration(namespace: string): string {
  return operationMetrics(namespace).duration;
}
