import type * as NodeV8 from 'node:v8';
import type { BatchObservableResult, Meter, Observable, ObservableGauge } from '@opentelemetry/api';
import type { EventLoopDelayStats } from './event-loop';
import { countOpenFds, readProcStatusMemory } from './proc';
import { attributeCache, nodeVersionParts, type RuntimeRecorder, type RuntimeSources } from './recorder';
import { constructorNames, TypeCounts } from './type-counts';

/** `node:v8`, loaded on first use: start-up does not need it. */
let v8: typeof NodeV8 | undefined;
const nodeV8 = (): typeof NodeV8 => (v8 ??= require('node:v8') as typeof NodeV8);

// naming: 'prom-client' — instrument names are prom-client 15's collectDefaultMetrics() names themselves
// (without the `_total` a Prometheus exporter appends to counters), each with the unit its suffix spells
// (`s` for `_seconds`, `By` for `_bytes`). A converter that appends unit suffixes only when missing, or
// none at all, yields the same Prometheus names:
//
// | Prometheus name (= instrument name)         | kind      | unit | attributes                  |
// | ------------------------------------------- | --------- | ---- | --------------------------- |
// | process_cpu_user_seconds_total              | counter   | s    |                             |
// | process_cpu_system_seconds_total            | counter   | s    |                             |
// | process_cpu_seconds_total                   | counter   | s    |                             |
// | process_start_time_seconds                  | gauge     | s    |                             |
// | process_resident_memory_bytes               | gauge     | By   |                             |
// | process_virtual_memory_bytes (Linux)        | gauge     | By   |                             |
// | process_heap_bytes (Linux)                  | gauge     | By   |                             |
// | process_open_fds (Linux)                    | gauge     |      |                             |
// | process_max_fds (Linux)                     | gauge     |      |                             |
// | nodejs_eventloop_lag_seconds                | gauge     | s    |                             |
// | nodejs_eventloop_lag_{min,max,mean,stddev,p50,p90,p99}_seconds | gauge | s |                 |
// | nodejs_active_resources / _total            | gauge     |      | type / —                    |
// | nodejs_active_handles / _total              | gauge     |      | type / —                    |
// | nodejs_active_requests / _total             | gauge     |      | type / —                    |
// | nodejs_heap_size_total_bytes, nodejs_heap_size_used_bytes, nodejs_external_memory_bytes | gauge | By | |
// | nodejs_heap_space_size_{total,used,available}_bytes | gauge | By | space (new, old, code, …) |
// | nodejs_version_info                         | gauge (1) |      | version, major, minor, patch |
// | nodejs_gc_duration_seconds                  | histogram | s    | kind                        |
//
// The `*_total` gauges are prom-client's names; `promtool check metrics` flags non-counters ending in
// `_total`, which is accepted in this compatibility mode only (naming: 'otel' has no such name). They get
// no unit so no converter appends anything to them. Handles and requests come from the same
// process._getActiveHandles()/_getActiveRequests() prom-client uses (labels are constructor names);
// process_heap_bytes (VmData) and process_virtual_memory_bytes (VmSize) need one /proc/self/status read
// per collection, as in prom-client.

const DELAY_KEYS = ['min', 'max', 'mean', 'stddev', 'p50', 'p90', 'p99'] as const;

type ListFn = () => unknown[];

function privateLister(name: '_getActiveHandles' | '_getActiveRequests'): ListFn | undefined {
  const fn: unknown = Reflect.get(process, name);
  return typeof fn === 'function' ? () => Reflect.apply(fn, process, []) as unknown[] : undefined;
}

/** Creates the `naming: 'prom-client'` instruments. */
export function createPromClientRecorder(meter: Meter, sources: RuntimeSources): RuntimeRecorder {
  const { reader, eventLoop, hasProcfs, maxFds } = sources;
  const observables: Observable[] = [];
  const gauge = (name: string, description: string, unit?: string): ObservableGauge => {
    const g = meter.createObservableGauge(name, unit === undefined ? { description } : { description, unit });
    observables.push(g);
    return g;
  };
  const bytes = (name: string, description: string) => gauge(name, description, 'By');
  const seconds = (name: string, description: string) => gauge(name, description, 's');
  const counter = (name: string, description: string) => {
    const c = meter.createObservableCounter(name, { description, unit: 's' });
    observables.push(c);
    return c;
  };
  const cpuUser = counter('process_cpu_user_seconds', 'Total user CPU time spent in seconds.');
  const cpuSystem = counter('process_cpu_system_seconds', 'Total system CPU time spent in seconds.');
  const cpuTotal = counter('process_cpu_seconds', 'Total user and system CPU time spent in seconds.');
  const startTime = seconds(
    'process_start_time_seconds',
    'Start time of the process since unix epoch in seconds.',
  );
  const resident = bytes('process_resident_memory_bytes', 'Resident memory size in bytes.');
  const virtual = hasProcfs
    ? bytes('process_virtual_memory_bytes', 'Virtual memory size in bytes.')
    : undefined;
  const dataSegment = hasProcfs ? bytes('process_heap_bytes', 'Process heap size in bytes.') : undefined;
  const openFds = hasProcfs ? gauge('process_open_fds', 'Number of open file descriptors.') : undefined;
  const maxFdsGauge =
    maxFds === undefined ? undefined : gauge('process_max_fds', 'Maximum number of open file descriptors.');
  const lag = seconds('nodejs_eventloop_lag_seconds', 'Lag of event loop in seconds.');
  const delay = Object.fromEntries(
    DELAY_KEYS.map((k) => [
      k,
      seconds(`nodejs_eventloop_lag_${k}_seconds`, `The ${k} of the recorded event loop delays.`),
    ]),
  ) as Record<keyof EventLoopDelayStats, ObservableGauge>;
  const byType = (
    what: string,
    list: ListFn | undefined,
    toTypes: (items: unknown[]) => Iterable<string>,
  ) => {
    if (list === undefined) return undefined;
    const perType = gauge(`nodejs_active_${what}`, `Number of active ${what} grouped by type.`);
    const total = gauge(`nodejs_active_${what}_total`, `Total number of active ${what}.`);
    const counts = new TypeCounts();
    return (result: BatchObservableResult) => {
      const items = reader.read(`active ${what}`, list);
      if (items === undefined) return;
      for (const [type, n] of counts.count(toTypes(items))) result.observe(perType, n, { type });
      result.observe(total, items.length);
    };
  };
  const observeResources = byType(
    'resources',
    () => process.getActiveResourcesInfo(),
    (i) => i as string[],
  );
  const observeHandles = byType('handles', privateLister('_getActiveHandles'), constructorNames);
  const observeRequests = byType('requests', privateLister('_getActiveRequests'), constructorNames);
  const heapTotal = bytes('nodejs_heap_size_total_bytes', 'Process heap size from Node.js in bytes.');
  const heapUsed = bytes('nodejs_heap_size_used_bytes', 'Process heap size used from Node.js in bytes.');
  const external = bytes('nodejs_external_memory_bytes', 'Node.js external memory size in bytes.');
  const spaceTotal = bytes('nodejs_heap_space_size_total_bytes', 'Process heap space size total in bytes.');
  const spaceUsed = bytes('nodejs_heap_space_size_used_bytes', 'Process heap space size used in bytes.');
  const spaceFree = bytes('nodejs_heap_space_size_available_bytes', 'Process heap space available in bytes.');
  const versionInfo = gauge('nodejs_version_info', 'Node.js version info.');
  const gcHistogram = meter.createHistogram('nodejs_gc_duration_seconds', {
    unit: 's',
    description: 'Garbage collection duration by kind, one of major, minor, incremental or weakcb.',
    advice: { explicitBucketBoundaries: [...sources.options.gcDurationBuckets] },
  });

  eventLoop.takeLag(); // arms the first lag probe, so the first collection already has a value
  // prom-client rounds the start time to whole seconds and strips `_space` from heap space names.
  const startSeconds = Math.round(Date.now() / 1e3 - process.uptime());
  const version = nodeVersionParts();
  const spaceLabel = attributeCache((name) => ({ space: name.replace(/_space$/, '') }));

  const observe = (result: BatchObservableResult): void => {
    const cpu = reader.read('process.cpuUsage', () => process.cpuUsage());
    if (cpu) {
      result.observe(cpuUser, cpu.user / 1e6);
      result.observe(cpuSystem, cpu.system / 1e6);
      result.observe(cpuTotal, (cpu.user + cpu.system) / 1e6);
    }
    result.observe(startTime, startSeconds);
    const memory = reader.read('process.memoryUsage', () => process.memoryUsage());
    if (memory) {
      result.observe(resident, memory.rss);
      result.observe(heapTotal, memory.heapTotal);
      result.observe(heapUsed, memory.heapUsed);
      result.observe(external, memory.external);
    }
    if (virtual && dataSegment) {
      const status = reader.read('/proc/self/status', () => readProcStatusMemory());
      if (status) {
        result.observe(virtual, status.virtualBytes);
        result.observe(dataSegment, status.dataBytes);
      }
    }
    if (openFds) {
      const open = reader.read('/proc/self/fd', () => countOpenFds());
      if (open !== undefined) result.observe(openFds, open);
    }
    if (maxFdsGauge && maxFds !== undefined) result.observe(maxFdsGauge, maxFds);
    const lagSeconds = reader.read('event loop lag', () => eventLoop.takeLag());
    if (lagSeconds !== undefined) result.observe(lag, lagSeconds);
    const stats = reader.read('event loop delay', () => eventLoop.takeDelay());
    if (stats) for (const key of DELAY_KEYS) result.observe(delay[key], stats[key]);
    observeResources?.(result);
    observeHandles?.(result);
    observeRequests?.(result);
    for (const space of reader.read('v8 heap spaces', () => nodeV8().getHeapSpaceStatistics()) ?? []) {
      const labels = spaceLabel(space.space_name);
      result.observe(spaceTotal, space.space_size, labels);
      result.observe(spaceUsed, space.space_used_size, labels);
      result.observe(spaceFree, space.space_available_size, labels);
    }
    result.observe(versionInfo, 1, version);
  };

  return { observables, gcHistogram, gcKindAttribute: 'kind', observe };
}
