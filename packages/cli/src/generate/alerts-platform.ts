import type { AlertDefinition } from './alert-types';
import {
  BREAKER_STATE,
  EXPORTER_DROPPED,
  EXPORTER_EXPORTS,
  eventLoopDelay,
  HEALTH_STATUS,
  HEAP_LIMIT,
  HEAP_USED,
  OVERFLOW_MEASUREMENTS,
} from './metric-names';
import type { GenerateOptions } from './options';
import { num, percent, seconds, selector } from './promql';

const INSTANCE = 'job, instance';

/**
 * Alerts on the process and its otelkit parts: target down, circuit breaker open, health failing
 * or degraded, event-loop delay, heap near its limit, telemetry export failing or dropping, and
 * cardinality overflow.
 */
export function platformAlerts(o: GenerateOptions): AlertDefinition[] {
  const t = o.thresholds;
  const w = o.rateWindow;
  const s = (name: string, extra = '') => selector(o.service, name, extra);
  const pipe = 'job, instance, signal, exporter';
  return [
    {
      alert: 'TargetDown',
      group: 'platform',
      levels: [{ severity: 'critical', threshold: 0, for: '2m' }],
      expr: () => `${s('up')} == 0`,
      summary: '{{ $labels.instance }} of {{ $labels.job }} cannot be scraped',
      description:
        'Prometheus could not scrape {{ $labels.instance }} (job {{ $labels.job }}): the process is down, not listening on its metrics port, or unreachable.',
      runbook:
        'Check the process (systemctl status / kubectl get pods), then curl http://<instance>/metrics from the Prometheus host; OTELKIT_PORT and OTELKIT_HOST must match the scrape target.',
      showThreshold: String,
      fixture: (c) => ({
        firing: [{ series: `up{${c.base}}`, values: `0x${c.samples}` }],
        quiet: [{ series: `up{${c.base}}`, values: `1x${c.samples}` }],
        labels: { job: c.job, instance: c.instance },
      }),
    },
    {
      alert: 'CircuitBreakerOpen',
      group: 'platform',
      levels: [{ severity: 'warning', threshold: 0, for: '1m' }],
      expr: () => `max by (${INSTANCE}, name) (${s(BREAKER_STATE, 'state="open"')}) == 1`,
      summary: 'Circuit breaker {{ $labels.name }} is open on {{ $labels.instance }}',
      description:
        'Calls through circuit breaker {{ $labels.name }} are being rejected (job {{ $labels.job }}): its dependency failed or timed out too often.',
      runbook:
        'Look at the circuit breakers dashboard for the failure/timeout counts that opened it and check the dependency; it closes by itself after a successful half-open trial.',
      showThreshold: String,
      fixture: (c) => {
        const series = `${BREAKER_STATE}{${c.base},name="billing-api",state="open"}`;
        return {
          firing: [{ series, values: `1x${c.samples}` }],
          quiet: [{ series, values: `0x${c.samples}` }],
          labels: { job: c.job, instance: c.instance, name: 'billing-api' },
        };
      },
    },
    {
      alert: 'HealthCheckFailing',
      group: 'platform',
      levels: [{ severity: 'critical', threshold: 0, for: '2m' }],
      expr: () => `min by (${INSTANCE}) (${s(HEALTH_STATUS, 'check="overall"')}) == 0`,
      summary: '{{ $labels.instance }} reports itself unhealthy',
      description:
        'The overall health of {{ $labels.instance }} (job {{ $labels.job }}) is "fail": at least one critical check fails.',
      runbook:
        'Run `otelkit health --url http://<instance>/healthz` to see which check fails and why; the health dashboard shows each check over time.',
      showThreshold: String,
      fixture: (c) => {
        const series = `${HEALTH_STATUS}{${c.base},check="overall",kind="overall"}`;
        return {
          firing: [{ series, values: `0x${c.samples}` }],
          quiet: [{ series, values: `1x${c.samples}` }],
          labels: { job: c.job, instance: c.instance },
        };
      },
    },
    {
      alert: 'HealthCheckDegraded',
      group: 'platform',
      levels: [{ severity: 'warning', threshold: 0.5, for: '10m' }],
      expr: () => `min by (${INSTANCE}) (${s(HEALTH_STATUS, 'check="overall"')}) == 0.5`,
      summary: '{{ $labels.instance }} reports itself degraded',
      description:
        'The overall health of {{ $labels.instance }} (job {{ $labels.job }}) is "warn": a non-critical check fails.',
      runbook: 'Run `otelkit health --url http://<instance>/healthz --json` to see the warning check.',
      showThreshold: String,
      fixture: (c) => {
        const series = `${HEALTH_STATUS}{${c.base},check="overall",kind="overall"}`;
        return {
          firing: [{ series, values: `0.5x${c.samples}` }],
          quiet: [{ series, values: `0x${c.samples}` }],
          labels: { job: c.job, instance: c.instance },
        };
      },
    },
    {
      alert: 'EventLoopDelayHigh',
      group: 'platform',
      levels: [
        { severity: 'warning', threshold: t.eventLoopWarningSeconds, for: '5m' },
        { severity: 'critical', threshold: t.eventLoopCriticalSeconds, for: '5m' },
      ],
      expr: (d) => `max by (${INSTANCE}) (${s(eventLoopDelay('p99'))}) > ${num(d)}`,
      summary: 'Event loop delay p99 above {{ threshold }} on {{ $labels.instance }}',
      description:
        'The Node.js event loop of {{ $labels.instance }} (job {{ $labels.job }}) is blocked: p99 delay above {{ threshold }}. Every request and timer waits that long.',
      runbook:
        'Take a CPU profile (node --cpu-prof or the inspector); look for synchronous work (JSON of large payloads, crypto, regexes) and GC pressure on the runtime dashboard.',
      showThreshold: seconds,
      fixture: (c) => {
        const series = `${eventLoopDelay('p99')}{${c.base},otel_scope_name="@otelkit/core"}`;
        return {
          firing: [{ series, values: `${num(t.eventLoopCriticalSeconds * 2)}x${c.samples}` }],
          quiet: [{ series, values: `${num(t.eventLoopWarningSeconds / 2)}x${c.samples}` }],
          labels: { job: c.job, instance: c.instance },
        };
      },
    },
    {
      alert: 'HeapNearLimit',
      group: 'platform',
      levels: [
        { severity: 'warning', threshold: t.heapWarning, for: '5m' },
        { severity: 'critical', threshold: t.heapCritical, for: '5m' },
      ],
      expr: (h) =>
        `sum by (${INSTANCE}) (${s(HEAP_USED)})\n/ max by (${INSTANCE}) (${s(HEAP_LIMIT)}) > ${num(h)}`,
      summary: 'Heap above {{ threshold }} of its limit on {{ $labels.instance }}',
      description:
        'V8 heap use of {{ $labels.instance }} (job {{ $labels.job }}) is above {{ threshold }} of heap_size_limit; the process will spend its time in GC and then crash out of memory.',
      runbook:
        'Check the heap panel for a steady climb (a leak: take two heap snapshots and compare) versus a plateau (raise --max-old-space-size or reduce batch sizes).',
      showThreshold: percent,
      fixture: (c) => {
        const limit = 1_000_000_000;
        const used = (ratio: number) => Math.round((limit * ratio) / 2);
        const heap = (ratio: number) => [
          {
            series: `${HEAP_USED}{${c.base},v8js_heap_space_name="old_space"}`,
            values: `${used(ratio)}x${c.samples}`,
          },
          {
            series: `${HEAP_USED}{${c.base},v8js_heap_space_name="new_space"}`,
            values: `${used(ratio)}x${c.samples}`,
          },
          { series: `${HEAP_LIMIT}{${c.base}}`, values: `${limit}x${c.samples}` },
        ];
        return {
          firing: heap((1 + t.heapCritical) / 2),
          quiet: heap(t.heapWarning / 2),
          labels: { job: c.job, instance: c.instance },
        };
      },
    },
    {
      alert: 'TelemetryExportFailing',
      group: 'telemetry',
      levels: [{ severity: 'warning', threshold: 0, for: '10m' }],
      expr: () =>
        `sum by (${pipe}) (increase(${s(EXPORTER_EXPORTS, 'outcome="failure"')}[${w}])) > 0\nunless sum by (${pipe}) (increase(${s(EXPORTER_EXPORTS, 'outcome="success"')}[${w}])) > 0`,
      summary: '{{ $labels.signal }} export via {{ $labels.exporter }} failing on {{ $labels.instance }}',
      description: `Every {{ $labels.signal }} export through {{ $labels.exporter }} failed over the last ${w} (job {{ $labels.job }}): telemetry is not reaching the backend.`,
      runbook:
        'Check OTEL_EXPORTER_OTLP_ENDPOINT and that the collector is up (its health_check extension on :13133); otelkit logs the exporter error once per failure streak.',
      showThreshold: String,
      fixture: (c) => {
        const base = `${EXPORTER_EXPORTS}{${c.base},signal="traces",exporter="otlp"`;
        return {
          firing: [
            { series: `${base},outcome="failure"}`, values: `0+1x${c.samples}` },
            { series: `${base},outcome="success"}`, values: `3x${c.samples}` },
          ],
          quiet: [
            { series: `${base},outcome="failure"}`, values: `0+1x${c.samples}` },
            { series: `${base},outcome="success"}`, values: `0+1x${c.samples}` },
          ],
          labels: { job: c.job, instance: c.instance, signal: 'traces', exporter: 'otlp' },
        };
      },
    },
    {
      alert: 'TelemetryDropped',
      group: 'telemetry',
      levels: [{ severity: 'warning', threshold: 0, for: '5m' }],
      expr: () => `sum by (${pipe}) (increase(${s(EXPORTER_DROPPED)}[${w}])) > 0`,
      summary: '{{ $labels.signal }} data dropped by {{ $labels.exporter }} on {{ $labels.instance }}',
      description: `otelkit dropped {{ $labels.signal }} data it could not export through {{ $labels.exporter }} in the last ${w} (job {{ $labels.job }}).`,
      runbook:
        'Usually follows TelemetryExportFailing; otherwise the export queue is too small for the volume (raise the batch size or export interval).',
      showThreshold: String,
      fixture: (c) => {
        const series = `${EXPORTER_DROPPED}{${c.base},signal="traces",exporter="otlp"}`;
        return {
          firing: [{ series, values: `0+10x${c.samples}` }],
          quiet: [{ series, values: `0x${c.samples}` }],
          labels: { job: c.job, instance: c.instance, signal: 'traces', exporter: 'otlp' },
        };
      },
    },
    {
      alert: 'MetricCardinalityOverflow',
      group: 'telemetry',
      levels: [{ severity: 'warning', threshold: 0, for: '1m' }],
      expr: () => `sum by (${INSTANCE}, instrument) (increase(${s(OVERFLOW_MEASUREMENTS)}[${w}])) > 0`,
      summary: 'Instrument {{ $labels.instrument }} exceeds its cardinality limit on {{ $labels.instance }}',
      description:
        'Measurements of {{ $labels.instrument }} (job {{ $labels.job }}) go to the otel.metric.overflow series: an attribute has too many values (IDs, URLs, user input).',
      runbook:
        'Find the attribute with unbounded values on /metrics and replace it with a bounded one (route template, error type); raise OTELKIT_CARDINALITY_LIMIT only for a known, bounded set.',
      showThreshold: String,
      fixture: (c) => {
        const series = `${OVERFLOW_MEASUREMENTS}{${c.base},instrument="app.requests"}`;
        return {
          firing: [{ series, values: `0+5x${c.samples}` }],
          quiet: [{ series, values: `0x${c.samples}` }],
          labels: { job: c.job, instance: c.instance, instrument: 'app.requests' },
        };
      },
    },
  ];
}
