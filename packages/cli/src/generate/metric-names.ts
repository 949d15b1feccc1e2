import { toPrometheusMetricName } from '@otelkit/core';

// The instruments the SLO rules read, each spelled once here (core and tracing create them under these
// OpenTelemetry names; no shared constant exists yet) and turned into Prometheus names by core's own
// conversion, so the rules match what `/metrics` shows.

/** OpenTelemetry name of the HTTP server duration histogram (tracing's RED metrics), unit `s`. */
export const HTTP_SERVER_DURATION_INSTRUMENT = 'http.server.request.duration';

/** Prometheus family of {@link HTTP_SERVER_DURATION_INSTRUMENT}: `http_server_request_duration_seconds`. */
export const HTTP_SERVER_DURATION = toPrometheusMetricName(
  HTTP_SERVER_DURATION_INSTRUMENT,
  's',
  'histogram',
).name;

/** Label of the HTTP status code on {@link HTTP_SERVER_DURATION}. */
export const HTTP_STATUS_LABEL = 'http_response_status_code';

/** Prometheus name of the operation monitor's counter `<ns>.operations`: `<ns>_operations_total`. */
export function operationsTotal(namespace: string): string {
  return toPrometheusMetricName(`${namespace}.operations`, '', 'counter').name;
}

/** Prometheus family of the operation monitor's histogram `<ns>.operation.duration` (unit `s`). */
export function operationDuration(namespace: string): string {
  return toPrometheusMetricName(`${namespace}.operation.duration`, 's', 'histogram').name;
}
