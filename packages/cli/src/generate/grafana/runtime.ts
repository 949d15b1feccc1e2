import {
  CPU_TIME,
  EVENTLOOP_UTILIZATION,
  eventLoopDelay,
  GC_DURATION,
  HEAP_LIMIT,
  HEAP_SPACE_SIZE,
  HEAP_USED,
  MEMORY_EXTERNAL,
  MEMORY_RSS,
  RESOURCES_ACTIVE,
  UPTIME,
} from '../metric-names';
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
          expr: `max by (instance) (${eventLoopDelay(k)}{${SCOPE}})`,
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
            expr: `max by (instance) (${EVENTLOOP_UTILIZATION}{${SCOPE}})`,
            legend: '{{instance}}',
          },
        ],
      },
      {
        title: 'Heap used vs limit',
        unit: 'bytes',
        queries: [
          { expr: `sum by (instance) (${HEAP_USED}{${SCOPE}})`, legend: '{{instance}} used' },
          {
            expr: `sum by (instance) (${HEAP_SPACE_SIZE}{${SCOPE}})`,
            legend: '{{instance}} reserved',
          },
          {
            expr: `max by (instance) (${HEAP_LIMIT}{${SCOPE}})`,
            legend: '{{instance}} limit',
          },
        ],
      },
      {
        title: 'Heap used by space',
        unit: 'bytes',
        queries: [
          {
            expr: `sum by (v8js_heap_space_name) (${HEAP_USED}{${SCOPE}})`,
            legend: '{{v8js_heap_space_name}}',
          },
        ],
      },
      {
        title: 'GC time per second by type',
        unit: 's',
        queries: [
          {
            expr: `sum by (v8js_gc_type) (rate(${GC_DURATION}_sum{${SCOPE}}[${RATE}]))`,
            legend: '{{v8js_gc_type}}',
          },
        ],
      },
      {
        title: 'GC runs per second',
        unit: 'ops',
        queries: [
          {
            expr: `sum by (v8js_gc_type) (rate(${GC_DURATION}_count{${SCOPE}}[${RATE}]))`,
            legend: '{{v8js_gc_type}}',
          },
        ],
      },
      {
        title: 'CPU (cores)',
        unit: 'short',
        queries: [
          {
            expr: `sum by (cpu_mode) (rate(${CPU_TIME}{${SCOPE}}[${RATE}]))`,
            legend: '{{cpu_mode}}',
          },
        ],
      },
      {
        title: 'Resident memory and external',
        unit: 'bytes',
        queries: [
          { expr: `sum by (instance) (${MEMORY_RSS}{${SCOPE}})`, legend: '{{instance}} rss' },
          {
            expr: `sum by (instance) (${MEMORY_EXTERNAL}{${SCOPE}})`,
            legend: '{{instance}} external',
          },
        ],
      },
      {
        title: 'Active resources by type',
        unit: 'short',
        queries: [
          {
            expr: `sum by (v8js_resource_type) (${RESOURCES_ACTIVE}{${SCOPE}})`,
            legend: '{{v8js_resource_type}}',
          },
        ],
      },
      {
        title: 'Uptime',
        unit: 's',
        queries: [{ expr: `max by (instance) (${UPTIME}{${SCOPE}})`, legend: '{{instance}}' }],
      },
    ],
    o.alertmanager,
  );
}
