/**
 * Attribute keys that more than one otelkit package uses (on the metrics of `./metrics.ts`), spelled
 * once. Prometheus label names follow from them (`toPrometheusLabelName`: dots to underscores).
 */

/** The health check a status belongs to, or `overall` (on `otelkit.health.status`). */
export const ATTR_HEALTH_CHECK = 'check';
/** The probe a health status is for: `liveness`, `readiness`, ... (on `otelkit.health.status`). */
export const ATTR_HEALTH_KIND = 'kind';
/** The name of a circuit breaker. */
export const ATTR_CIRCUIT_BREAKER_NAME = 'name';
/** A circuit breaker state: `closed`, `open`, `half-open`, `isolated`, `disabled` (on `otelkit.circuit_breaker.state`). */
export const ATTR_CIRCUIT_BREAKER_STATE = 'state';
/** The operation of an operation monitor's series. */
export const ATTR_OPERATION = 'operation';
/** `success` or `failure`, on an operation monitor's `<ns>.operations` and `<ns>.operation.duration`. */
export const ATTR_OPERATION_STATUS = 'status';
/** The process of a cluster a series comes from on the primary's `/metrics`: `primary` or a worker id. */
export const ATTR_CLUSTER_WORKER = 'cluster_worker';
/** The HTTP response status code (OpenTelemetry convention), on the HTTP duration histograms. */
export const ATTR_HTTP_RESPONSE_STATUS_CODE = 'http.response.status_code';
