import type { GenerateOptions } from '../options';
import { type Dashboard, dashboard, RATE, SCOPE } from './panel';

/** Node.js runtime: event loop, heap, GC, CPU, memory and resources (otelkit's default `otel` naming). */
export function runtimeDashboard(o: GenerateOptions): Dashboard {
  return dashboard(
    `otelkit-${o.service}-runtime`,
    `${o.service} / Node.js runtime`,
    o.service,
    [
      {
        title: 'Event loop delay',
        unit: 's',
        queries: ['p50', 'p99', 'max'].map((k) => ({
          expr: `max by (instance) (nodejs_eventloop_delay_${k}_seconds{${SCOPE}})`,
          legend: `{{instance}} ${k}`,
        })),
      },
      {
        title: 'Event loop utilization',
        unit: 'percentunit',
        min: 0,
        max: 1,
        queries: [
          {
            expr: `max by (instance) (nodejs_eventloop_utilization_ratio{${SCOPE}})`,
            legend: '{{instance}}',
          },
        ],
      },
      {
        title: 'Heap used vs limit',
        unit: 'bytes',
        queries: [
          { expr: `sum by (instance) (v8js_memory_heap_used_bytes{${SCOPE}})`, legend: '{{instance}} used' },
          {
            expr: `sum by (instance) (v8js_memory_heap_space_size_bytes{${SCOPE}})`,
            legend: '{{instance}} reserved',
          },
          {
            expr: `max by (instance) (nodejs_memory_heap_limit_bytes{${SCOPE}})`,
            legend: '{{instance}} limit',
          },
        ],
      },
      {
        title: 'Heap used by space',
        unit: 'bytes',
        queries: [
          {
            expr: `sum by (v8js_heap_space_name) (v8js_memory_heap_used_bytes{${SCOPE}})`,
            legend: '{{v8js_heap_space_name}}',
          },
        ],
      },
      {
        title: 'GC time per second by type',
        unit: 's',
        queries: [
          {
            expr: `sum by (v8js_gc_type) (rate(v8js_gc_duration_seconds_sum{${SCOPE}}[${RATE}]))`,
            legend: '{{v8js_gc_type}}',
          },
        ],
      },
      {
        title: 'GC runs per second',
        unit: 'ops',
        queries: [
          {
            expr: `sum by (v8js_gc_type) (rate(v8js_gc_duration_seconds_count{${SCOPE}}[${RATE}]))`,
            legend: '{{v8js_gc_type}}',
          },
        ],
      },
      {
        title: 'CPU (cores)',
        unit: 'short',
        queries: [
          {
            expr: `sum by (cpu_mode) (rate(process_cpu_time_seconds_total{${SCOPE}}[${RATE}]))`,
            legend: '{{cpu_mode}}',
          },
        ],
      },
      {
        title: 'Resident memory and external',
        unit: 'bytes',
        queries: [
          { expr: `sum by (instance) (process_memory_usage_bytes{${SCOPE}})`, legend: '{{instance}} rss' },
          {
            expr: `sum by (instance) (nodejs_memory_external_bytes{${SCOPE}})`,
            legend: '{{instance}} external',
          },
        ],
      },
      {
        title: 'Active resources by type',
        unit: 'short',
        queries: [
          {
            expr: `sum by (v8js_resource_type) (v8js_resource_active{${SCOPE}})`,
            legend: '{{v8js_resource_type}}',
          },
        ],
      },
      {
        title: 'Uptime',
        unit: 's',
        queries: [{ expr: `max by (instance) (process_uptime_seconds{${SCOPE}})`, legend: '{{instance}}' }],
      },
    ],
    o.alertmanager,
  );
}
