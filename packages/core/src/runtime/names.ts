import type { RuntimeMetricsNaming } from './options';

/**
 * The Prometheus metric names (histograms by base name, without `_bucket`/`_sum`/`_count`) that
 * {@link startRuntimeMetrics} produces in each naming mode once OpenTelemetry metrics are converted to
 * Prometheus (dots to underscores, unit suffix, `_total` on counters). Names in
 * {@link RUNTIME_LINUX_ONLY_PROMETHEUS_NAMES} are produced on Linux only (they read `/proc`).
 * The instrument tables are in `otel-recorder.ts` and `prom-client-recorder.ts`.
 *
 * The `'prom-client'` list is prom-client 15's `collectDefaultMetrics()` list.
 */
export const RUNTIME_PROMETHEUS_NAMES: Readonly<Record<RuntimeMetricsNaming, readonly string[]>> = {
  otel: [
    'nodejs_eventloop_delay_min_seconds',
    'nodejs_eventloop_delay_max_seconds',
    'nodejs_eventloop_delay_mean_seconds',
    'nodejs_eventloop_delay_stddev_seconds',
    'nodejs_eventloop_delay_p50_seconds',
    'nodejs_eventloop_delay_p90_seconds',
    'nodejs_eventloop_delay_p99_seconds',
    'nodejs_eventloop_utilization_ratio',
    'nodejs_eventloop_time_seconds_total',
    'v8js_memory_heap_used_bytes',
    'v8js_memory_heap_space_size_bytes',
    'v8js_memory_heap_space_available_size_bytes',
    'v8js_memory_heap_space_physical_size_bytes',
    'v8js_gc_duration_seconds',
    'v8js_resource_active',
    'nodejs_memory_heap_limit_bytes',
    'nodejs_memory_external_bytes',
    'nodejs_version_info',
    'process_cpu_time_seconds_total',
    'process_memory_usage_bytes',
    'process_uptime_seconds',
    'process_start_time_seconds',
    'process_unix_file_descriptor_open',
    'process_unix_file_descriptor_limit',
  ],
  'prom-client': [
    'process_cpu_user_seconds_total',
    'process_cpu_system_seconds_total',
    'process_cpu_seconds_total',
    'process_start_time_seconds',
    'process_resident_memory_bytes',
    'process_virtual_memory_bytes',
    'process_heap_bytes',
    'process_open_fds',
    'process_max_fds',
    'nodejs_eventloop_lag_seconds',
    'nodejs_eventloop_lag_min_seconds',
    'nodejs_eventloop_lag_max_seconds',
    'nodejs_eventloop_lag_mean_seconds',
    'nodejs_eventloop_lag_stddev_seconds',
    'nodejs_eventloop_lag_p50_seconds',
    'nodejs_eventloop_lag_p90_seconds',
    'nodejs_eventloop_lag_p99_seconds',
    'nodejs_active_resources',
    'nodejs_active_resources_total',
    'nodejs_active_handles',
    'nodejs_active_handles_total',
    'nodejs_active_requests',
    'nodejs_active_requests_total',
    'nodejs_heap_size_total_bytes',
    'nodejs_heap_size_used_bytes',
    'nodejs_external_memory_bytes',
    'nodejs_heap_space_size_total_bytes',
    'nodejs_heap_space_size_used_bytes',
    'nodejs_heap_space_size_available_bytes',
    'nodejs_version_info',
    'nodejs_gc_duration_seconds',
  ],
};

/** Names in {@link RUNTIME_PROMETHEUS_NAMES} that exist only where `/proc` does (Linux). */
export const RUNTIME_LINUX_ONLY_PROMETHEUS_NAMES: readonly string[] = [
  'process_unix_file_descriptor_open',
  'process_unix_file_descriptor_limit',
  'process_virtual_memory_bytes',
  'process_heap_bytes',
  'process_open_fds',
  'process_max_fds',
];
