import { formatDuration, parseDuration } from '../duration';
import type { AlertDefinition } from './alert-types';
import { operationMetrics } from './metric-names';
import { byOperation } from './operation-labels';
import type { GenerateOptions } from './options';
import { num, percent, seconds, selector } from './promql';

const ERRORS_FOR = '5m';

/**
 * Alerts on the operation monitor's metrics (`<ns>_operations_total` and friends): failure ratio,
 * no recent success, consecutive failures, p95 duration and errors by type rising.
 */
export function operationAlerts(o: GenerateOptions): AlertDefinition[] {
  const t = o.thresholds;
  const ns = o.namespace;
  const m = operationMetrics(ns);
  /** `job, instance, operation` and the `--operation-labels`. */
  const OP = byOperation(o, 'job', 'instance');
  const w = o.rateWindow;
  const ops = (extra = '') => selector(o.service, `${m.operations}`, extra);
  const rate = (extra = '') => `sum by (${OP}) (rate(${ops(extra)}[${w}]))`;
  const baseline = longWindow(w, o.alertFor ?? ERRORS_FOR);
  return [
    {
      alert: 'OperationFailureRatioHigh',
      group: 'operations',
      levels: [
        { severity: 'warning', threshold: t.failureRatioWarning, for: '5m' },
        { severity: 'critical', threshold: t.failureRatioCritical, for: '5m' },
      ],
      expr: (r) => `(${rate('status="failure"')} / ${rate()}) > ${num(r)}\nand ${rate()} > ${num(t.minRate)}`,
      summary: '{{ $labels.operation }} fails too often on {{ $labels.instance }}',
      description: `More than {{ threshold }} of ${ns} operation {{ $labels.operation }} failed over the last ${w} (job {{ $labels.job }}).`,
      runbook:
        'Open the operations dashboard and look at "errors by type" for this operation; check the dependency it calls (credentials, rate limits, network) and recent deploys.',
      showThreshold: percent,
      fixture: (c) => {
        const perStep = 100 * Math.max(1, Math.ceil((t.minRate * c.step) / 50));
        const failures = Math.min(perStep, Math.floor(t.failureRatioCritical * perStep) + 1);
        const labels = `${c.base},${c.operation}`;
        return {
          firing: [
            {
              series: `${m.operations}{${labels},status="success"}`,
              values: `0+${perStep - failures}x${c.samples}`,
            },
            {
              series: `${m.operations}{${labels},status="failure"}`,
              values: `0+${failures}x${c.samples}`,
            },
          ],
          quiet: [
            {
              series: `${m.operations}{${labels},status="success"}`,
              values: `0+${perStep}x${c.samples}`,
            },
            { series: `${m.operations}{${labels},status="failure"}`, values: `0x${c.samples}` },
          ],
          labels: { job: c.job, instance: c.instance, ...c.operationLabels },
        };
      },
    },
    {
      alert: 'OperationNoRecentSuccess',
      group: 'operations',
      levels: [{ severity: 'critical', threshold: t.maxSuccessAgeSeconds, for: '5m' }],
      expr: (age) => `time() - max by (${OP}) (${selector(o.service, `${m.lastSuccess}`)}) > ${num(age)}`,
      summary: 'No successful {{ $labels.operation }} for over {{ threshold }} on {{ $labels.instance }}',
      description: `${ns} operation {{ $labels.operation }} has not succeeded for more than {{ threshold }} (job {{ $labels.job }}).`,
      runbook:
        'Check whether the operation still runs at all (throughput panel) or only fails (failure ratio); a stuck scheduler or a hung call shows as in-flight > 0 with no completions.',
      showThreshold: seconds,
      fixture: (c) => {
        const series = `${m.lastSuccess}{${c.base},${c.operation}}`;
        return {
          firing: [{ series, values: `0x${c.samples}` }],
          quiet: [{ series, values: `0+${c.step}x${c.samples}` }],
          labels: { job: c.job, instance: c.instance, ...c.operationLabels },
        };
      },
    },
    {
      alert: 'OperationConsecutiveFailures',
      group: 'operations',
      levels: [{ severity: 'warning', threshold: t.consecutiveFailures, for: '1m' }],
      expr: (n) =>
        `sum by (${OP}) (increase(${ops('status="failure"')}[15m])) >= ${num(n)}\nunless sum by (${OP}) (increase(${ops('status="success"')}[15m])) > 0`,
      summary: '{{ $labels.operation }} failed {{ threshold }} times in a row on {{ $labels.instance }}',
      description: `${ns} operation {{ $labels.operation }} failed at least {{ threshold }} times in the last 15m with no success in between (job {{ $labels.job }}).`,
      runbook:
        'Every recent attempt failed: read the newest error in the logs (correlation ID), check the errors-by-type panel and the state of circuit breakers on the path.',
      showThreshold: (n) => String(n),
      fixture: (c) => {
        const step = Math.max(1, Math.ceil((2 * t.consecutiveFailures * c.step) / 900));
        const labels = `${c.base},${c.operation}`;
        return {
          firing: [
            {
              series: `${m.operations}{${labels},status="failure"}`,
              values: `0+${step}x${c.samples}`,
            },
            { series: `${m.operations}{${labels},status="success"}`, values: `5x${c.samples}` },
          ],
          quiet: [
            {
              series: `${m.operations}{${labels},status="failure"}`,
              values: `0+${step}x${c.samples}`,
            },
            { series: `${m.operations}{${labels},status="success"}`, values: `0+1x${c.samples}` },
          ],
          labels: { job: c.job, instance: c.instance, ...c.operationLabels },
        };
      },
    },
    {
      alert: 'OperationLatencyHigh',
      group: 'operations',
      levels: [{ severity: 'warning', threshold: t.p95Seconds, for: '10m' }],
      expr: (p) =>
        `histogram_quantile(0.95, sum by (${OP}, le) (rate(${selector(o.service, `${m.duration}_bucket`)}[${w}]))) > ${num(p)}`,
      summary: '{{ $labels.operation }} p95 duration above {{ threshold }} on {{ $labels.instance }}',
      description: `The 95th percentile duration of ${ns} operation {{ $labels.operation }} over ${w} is above {{ threshold }} (job {{ $labels.job }}).`,
      runbook:
        'Compare p50 and p99 on the operations dashboard: a moving p50 means everything is slower (dependency latency, CPU, event loop); only p99 means outliers (retries, timeouts, large items).',
      showThreshold: seconds,
      fixture: (c) => {
        const name = `${m.duration}_bucket{${c.base},${c.operation},status="success"`;
        const low = num(t.p95Seconds / 2);
        const high = num(t.p95Seconds * 2);
        const buckets = (lowValues: string, highValues: string) => [
          { series: `${name},le="${low}"}`, values: lowValues },
          { series: `${name},le="${high}"}`, values: highValues },
          { series: `${name},le="+Inf"}`, values: highValues },
        ];
        return {
          firing: buckets(`0x${c.samples}`, `0+10x${c.samples}`),
          quiet: buckets(`0+10x${c.samples}`, `0+10x${c.samples}`),
          labels: { job: c.job, instance: c.instance, ...c.operationLabels },
        };
      },
    },
    {
      alert: 'OperationErrorsRising',
      group: 'operations',
      levels: [{ severity: 'warning', threshold: t.errorsMin, for: ERRORS_FOR }],
      expr: (n) => {
        const errors = selector(o.service, `${m.errors}`);
        const by = `${OP}, error_type`;
        return `sum by (${by}) (increase(${errors}[${w}])) >= ${num(n)}\nand sum by (${by}) (rate(${errors}[${w}])) > 2 * sum by (${by}) (rate(${errors}[${baseline}]))`;
      },
      summary: '{{ $labels.error_type }} errors rising in {{ $labels.operation }} on {{ $labels.instance }}',
      description: `${ns} operation {{ $labels.operation }} had at least {{ threshold }} errors of type {{ $labels.error_type }} in ${w}, more than twice its rate over ${baseline} (job {{ $labels.job }}).`,
      runbook:
        'A new or growing error type: find its first occurrence in the logs by error.type, correlate with deploys and dependency incidents; a known transient type may need a retry policy.',
      showThreshold: (n) => String(n),
      fixture: (c) => {
        const burst = c.settleSamples + c.windowSamples;
        const per = Math.max(1, Math.ceil((2 * t.errorsMin) / Math.max(1, c.windowSamples - 1)));
        const series = `${m.errors}{${c.base},${c.operation},error_type="TimeoutError"}`;
        return {
          firing: [{ series, values: `0x${c.samples - burst} ${per}+${per}x${burst - 1}` }],
          quiet: [{ series, values: `0+${per}x${c.samples}` }],
          labels: { job: c.job, instance: c.instance, ...c.operationLabels, error_type: 'TimeoutError' },
        };
      },
    },
  ];
}

/**
 * The baseline "errors rising" compares against: twelve rate windows, at least 1h, and at least four
 * times the alert's `for:` (so that a rise still counts as one when it has held that long).
 */
export function longWindow(window: string, forDuration: string): string {
  const w = parseDuration('rate window', window);
  return formatDuration(Math.max(12 * w, 3600, 4 * parseDuration('for', forDuration)));
}
