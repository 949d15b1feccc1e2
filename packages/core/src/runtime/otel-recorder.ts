import { performance } from 'node:perf_hooks';
import type * as NodeV8 from 'node:v8';
import type { BatchObservableResult, Meter, Observable, ObservableGauge } from '@opentelemetry/api';
import {
  eventLoopDelayMetricName,
  METRIC_NODEJS_EVENTLOOP_UTILIZATION,
  METRIC_NODEJS_MEMORY_EXTERNAL,
  METRIC_NODEJS_MEMORY_HEAP_LIMIT,
  METRIC_PROCESS_CPU_TIME,
  METRIC_PROCESS_MEMORY_USAGE,
  METRIC_PROCESS_UPTIME,
  METRIC_V8JS_GC_DURATION,
  METRIC_V8JS_MEMORY_HEAP_SPACE_SIZE,
  METRIC_V8JS_MEMORY_HEAP_USED,
  METRIC_V8JS_RESOURCE_ACTIVE,
} from '../semconv/metrics';
import type { EventLoopDelayStats } from './event-loop';
import { countOpenFds } from './proc';
import { attributeCache, nodeVersionParts, type RuntimeRecorder, type RuntimeSources } from './recorder';
import { TypeCounts } from './type-counts';

/** `node:v8`, loaded on first use: start-up does not need it. */
let v8: typeof NodeV8 | undefined;
const nodeV8 = (): typeof NodeV8 => (v8 ??= require('node:v8') as typeof NodeV8);

// naming: 'otel' — OpenTelemetry semantic conventions (semconv 1.45, "Development" status) where they exist:
//
// | OTel instrument                          | kind            | unit              | attributes              | Prometheus name                               |
// | ---------------------------------------- | --------------- | ----------------- | ----------------------- | --------------------------------------------- |
// | nodejs.eventloop.delay.{min,max,mean,stddev,p50,p90,p99} | gauge | s          |                         | nodejs_eventloop_delay_min_seconds, …         |
// | nodejs.eventloop.utilization             | gauge           | 1                 |                         | nodejs_eventloop_utilization_ratio            |
// | nodejs.eventloop.time                    | counter         | s                 | nodejs.eventloop.state  | nodejs_eventloop_time_seconds_total           |
// | v8js.memory.heap.used                    | up-down counter | By                | v8js.heap.space.name    | v8js_memory_heap_used_bytes                   |
// | v8js.memory.heap.space.size              | up-down counter | By                | v8js.heap.space.name    | v8js_memory_heap_space_size_bytes             |
// | v8js.memory.heap.space.available_size    | up-down counter | By                | v8js.heap.space.name    | v8js_memory_heap_space_available_size_bytes   |
// | v8js.memory.heap.space.physical_size     | up-down counter | By                | v8js.heap.space.name    | v8js_memory_heap_space_physical_size_bytes    |
// | v8js.gc.duration                         | histogram       | s                 | v8js.gc.type            | v8js_gc_duration_seconds                      |
// | v8js.resource.active                     | gauge           | {resource}        | v8js.resource.type      | v8js_resource_active                          |
// | process.cpu.time                         | counter         | s                 | cpu.mode (user, system) | process_cpu_time_seconds_total                |
// | process.memory.usage (RSS)               | up-down counter | By                |                         | process_memory_usage_bytes                    |
// | process.uptime                           | gauge           | s                 |                         | process_uptime_seconds                        |
// | process.unix.file_descriptor.open (Linux) | up-down counter | {file_descriptor} |                       | process_unix_file_descriptor_open            |
// (semconv calls it process.unix.file_descriptor.count; its Prometheus name would end in _count, which
//  promtool rejects on a non-histogram, so otelkit names it .open, next to .limit.)
// No convention exists for these (otelkit's names):
// | nodejs.memory.heap.limit                 | up-down counter | By                |                         | nodejs_memory_heap_limit_bytes                |
// | nodejs.memory.external                   | up-down counter | By                |                         | nodejs_memory_external_bytes                  |
// | process.start_time                       | gauge           | s (Unix epoch)    |                         | process_start_time_seconds                    |
// | process.unix.file_descriptor.limit (Linux) | up-down counter | {file_descriptor} |                       | process_unix_file_descriptor_limit            |
// | nodejs.version_info                      | gauge (always 1)| (none)            | nodejs.version          | nodejs_version_info                           |
//
// Heap totals are the sums over spaces: sum(v8js_memory_heap_used_bytes) is process.memoryUsage().heapUsed
// and sum(v8js_memory_heap_space_size_bytes) is heapTotal. `v8js.memory.heap.limit` is deliberately not used
// for V8's heap_size_limit: semconv defined it per heap space (space_size) and deprecated it in favour of
// v8js.memory.heap.space.size.

const SPACE = 'v8js.heap.space.name';
const DELAY_KEYS = ['min', 'max', 'mean', 'stddev', 'p50', 'p90', 'p99'] as const;
const USER = { 'cpu.mode': 'user' };
const SYSTEM = { 'cpu.mode': 'system' };
const ACTIVE = { 'nodejs.eventloop.state': 'active' };
const IDLE = { 'nodejs.eventloop.state': 'idle' };

/** Creates the `naming: 'otel'` instruments. */
export function createOtelRecorder(meter: Meter, sources: RuntimeSources): RuntimeRecorder {
  const { reader, eventLoop } = sources;
  const bytes = (name: string, description: string) =>
    meter.createObservableUpDownCounter(name, { unit: 'By', description });
  const delay = Object.fromEntries(
    DELAY_KEYS.map((key) => [
      key,
      meter.createObservableGauge(eventLoopDelayMetricName(key), {
        unit: 's',
        description: `Event loop delay ${key} since the previous collection.`,
      }),
    ]),
  ) as Record<keyof EventLoopDelayStats, ObservableGauge>;
  const utilization = meter.createObservableGauge(METRIC_NODEJS_EVENTLOOP_UTILIZATION, {
    unit: '1',
    description: 'Event loop utilization since the previous collection.',
  });
  const loopTime = meter.createObservableCounter('nodejs.eventloop.time', {
    unit: 's',
    description: 'Cumulative time the event loop has been in each state.',
  });
  const heapUsed = bytes(METRIC_V8JS_MEMORY_HEAP_USED, 'Heap memory used, per heap space.');
  const spaceSize = bytes(METRIC_V8JS_MEMORY_HEAP_SPACE_SIZE, 'Heap memory reserved, per heap space.');
  const spaceAvailable = bytes('v8js.memory.heap.space.available_size', 'Heap space available size.');
  const spacePhysical = bytes('v8js.memory.heap.space.physical_size', 'Committed size of a heap space.');
  const heapLimit = bytes(METRIC_NODEJS_MEMORY_HEAP_LIMIT, 'V8 heap size limit (heap_size_limit).');
  const external = bytes(METRIC_NODEJS_MEMORY_EXTERNAL, 'Memory of C++ objects bound to JavaScript objects.');
  const rss = bytes(METRIC_PROCESS_MEMORY_USAGE, 'Resident set size of the process.');
  const resources = meter.createObservableGauge(METRIC_V8JS_RESOURCE_ACTIVE, {
    unit: '{resource}',
    description: 'Active resources keeping the event loop alive, by type.',
  });
  const cpu = meter.createObservableCounter(METRIC_PROCESS_CPU_TIME, {
    unit: 's',
    description: 'CPU time by mode.',
  });
  const uptime = meter.createObservableGauge(METRIC_PROCESS_UPTIME, {
    unit: 's',
    description: 'Process uptime.',
  });
  const startTime = meter.createObservableGauge('process.start_time', {
    unit: 's',
    description: 'Process start time, seconds since the Unix epoch.',
  });
  const versionInfo = meter.createObservableGauge('nodejs.version_info', {
    description: 'Node.js version; always 1.',
  });
  const observables: Observable[] = [
    ...Object.values(delay),
    utilization,
    loopTime,
    heapUsed,
    spaceSize,
    spaceAvailable,
    spacePhysical,
    heapLimit,
    external,
    rss,
    resources,
    cpu,
    uptime,
    startTime,
    versionInfo,
  ];
  const fdCount = sources.hasProcfs
    ? meter.createObservableUpDownCounter('process.unix.file_descriptor.open', {
        unit: '{file_descriptor}',
        description: 'Open file descriptors.',
      })
    : undefined;
  const fdLimit =
    sources.maxFds === undefined
      ? undefined
      : meter.createObservableUpDownCounter('process.unix.file_descriptor.limit', {
          unit: '{file_descriptor}',
          description: 'Soft limit on open file descriptors.',
        });
  if (fdCount) observables.push(fdCount);
  if (fdLimit) observables.push(fdLimit);

  const gcHistogram = meter.createHistogram(METRIC_V8JS_GC_DURATION, {
    unit: 's',
    description: 'Garbage collection duration.',
    advice: { explicitBucketBoundaries: [...sources.options.gcDurationBuckets] },
  });
  const resourceCounts = new TypeCounts();
  const startSeconds = performance.timeOrigin / 1e3;
  const version = { 'nodejs.version': nodeVersionParts().version };
  const spaceAttrs = attributeCache((name) => ({ [SPACE]: name }));

  const observe = (result: BatchObservableResult): void => {
    const stats = reader.read('event loop delay', () => eventLoop.takeDelay());
    if (stats) for (const key of DELAY_KEYS) result.observe(delay[key], stats[key]);
    const usage = reader.read('event loop utilization', () => eventLoop.takeUsage());
    if (usage) {
      result.observe(utilization, usage.utilization);
      result.observe(loopTime, usage.activeSeconds, ACTIVE);
      result.observe(loopTime, usage.idleSeconds, IDLE);
    }
    const spaces = reader.read('v8 heap spaces', () => nodeV8().getHeapSpaceStatistics()) ?? [];
    for (const space of spaces) {
      const attrs = spaceAttrs(space.space_name);
      result.observe(heapUsed, space.space_used_size, attrs);
      result.observe(spaceSize, space.space_size, attrs);
      result.observe(spaceAvailable, space.space_available_size, attrs);
      result.observe(spacePhysical, space.physical_space_size, attrs);
    }
    const limit = reader.read('v8 heap statistics', () => nodeV8().getHeapStatistics().heap_size_limit);
    if (limit !== undefined) result.observe(heapLimit, limit);
    const memory = reader.read('process.memoryUsage', () => process.memoryUsage());
    if (memory) {
      result.observe(external, memory.external);
      result.observe(rss, memory.rss);
    }
    const active = reader.read('active resources', () => process.getActiveResourcesInfo());
    if (active) {
      for (const [type, n] of resourceCounts.count(active))
        result.observe(resources, n, { 'v8js.resource.type': type });
    }
    const usageMicros = reader.read('process.cpuUsage', () => process.cpuUsage());
    if (usageMicros) {
      result.observe(cpu, usageMicros.user / 1e6, USER);
      result.observe(cpu, usageMicros.system / 1e6, SYSTEM);
    }
    result.observe(uptime, process.uptime());
    result.observe(startTime, startSeconds);
    result.observe(versionInfo, 1, version);
    if (fdCount) {
      const open = reader.read('/proc/self/fd', () => countOpenFds());
      if (open !== undefined) result.observe(fdCount, open);
    }
    if (fdLimit && sources.maxFds !== undefined) result.observe(fdLimit, sources.maxFds);
  };

  return { observables, gcHistogram, gcKindAttribute: 'v8js.gc.type', observe };
}
