import type { AlertingRule } from './alert-rules';
import { anomalyFor, type BaselineSignal, type SignalSeries, signalSeries } from './baseline-names';
import { operationMetrics } from './metric-names';
import { byOperation } from './operation-labels';
import type { GenerateOptions } from './options';
import { num, percent, selector } from './promql';

/** Path of the baselines rules file inside the output directory (also listed in `prometheus.yml`). */
export const BASELINE_RULES_FILE = 'rules/otelkit-baselines.yml';

/**
 * Labels a baseline is kept per: the operation (and the `--operation-labels`) across the job's
 * instances, so restarts keep it.
 */
function baselineBy(o: GenerateOptions): string {
  return byOperation(o, 'job');
}

/**
 * Least standard deviation of p95 duration (seconds) and throughput (ops/s), whatever the relative
 * floor: a baseline at zero must not divide by zero.
 */
export const ABSOLUTE_FLOOR = 0.001;

/** A recording rule as Prometheus reads it. */
export interface RecordingRule {
  readonly record: string;
  readonly expr: string;
}

/** The baselines rules file: one group, recording rules first, then the alerts that read them. */
export interface BaselineRuleFile {
  readonly groups: readonly {
    readonly name: string;
    readonly rules: readonly (RecordingRule | AlertingRule)[];
  }[];
}

/** One anomaly alert: the signal it watches and which way is bad. */
export interface AnomalyAlert {
  readonly alert: string;
  readonly signal: BaselineSignal;
  /** `above`: fires when the value rises out of the band; `below`: when it falls. */
  readonly direction: 'above' | 'below';
  readonly rule: AlertingRule;
}

/** The recording rules of the current values (by job and operation over `--rate-window`). */
function currentRules(o: GenerateOptions): RecordingRule[] {
  const w = o.rateWindow;
  const m = operationMetrics(o.namespace);
  const ops = (extra = '') => selector(o.service, `${m.operations}`, extra);
  const buckets = selector(o.service, `${m.duration}_bucket`);
  const throughput = signalSeries(o, 'throughput').current;
  const BY = baselineBy(o);
  return [
    { record: throughput, expr: `sum by (${BY}) (rate(${ops()}[${w}]))` },
    {
      // No failure series yet counts as 0; no operations at all records nothing (not NaN).
      record: signalSeries(o, 'failureRatio').current,
      expr: `(sum by (${BY}) (rate(${ops('status="failure"')}[${w}])) or 0 * ${throughput})\n/ (${throughput} > 0)`,
    },
    {
      // `>= 0` drops the NaN of a window without operations.
      record: signalSeries(o, 'latency').current,
      expr: `histogram_quantile(0.95, sum by (${BY}, le) (rate(${buckets}[${w}]))) >= 0`,
    },
  ];
}

/** The denominator of a z-score: the baseline's standard deviation, floored. */
function scale(o: GenerateOptions, signal: BaselineSignal, s: SignalSeries): string {
  if (signal === 'failureRatio') return `clamp_min(${s.stddev}, ${num(o.anomaly.failureFloor)})`;
  const relative = `${num(o.anomaly.floor)} * ${s.mean}`;
  return `clamp_min((${s.stddev} >= ${relative}) or ${relative}, ${num(ABSOLUTE_FLOOR)})`;
}

/** Mean, standard deviation and z-score rules of one signal. */
function baselineRules(o: GenerateOptions, signal: BaselineSignal): RecordingRule[] {
  const s = signalSeries(o, signal);
  const range = `${s.current}[${o.anomaly.window}] offset ${o.anomaly.offset}`;
  return [
    { record: s.mean, expr: `avg_over_time(${range})` },
    { record: s.stddev, expr: `stddev_over_time(${range})` },
    { record: s.zscore, expr: `(${s.current} - ${s.mean})\n/ ${scale(o, signal, s)}` },
  ];
}

/** The anomaly alerts, in file order. */
export function anomalyAlerts(o: GenerateOptions): AnomalyAlert[] {
  const a = o.anomaly;
  const ns = o.namespace;
  const z = num(a.z);
  const minRate = num(a.minRate);
  const band = `more than ${z} standard deviations`;
  const baseline = `its mean over ${a.window} ending ${a.offset} ago`;
  const traffic = signalSeries(o, 'throughput');
  const BY = baselineBy(o);
  const busy = `and on (${BY}) ${traffic.current} > ${minRate}`;
  const rule = (
    alert: string,
    expr: string,
    summary: string,
    description: string,
    runbook: string,
  ): AlertingRule => ({
    alert,
    expr,
    for: anomalyFor(o),
    labels: { severity: 'warning' },
    annotations: { summary, description, runbook },
  });
  return [
    {
      alert: 'OperationLatencyAnomaly',
      signal: 'latency',
      direction: 'above',
      rule: rule(
        'OperationLatencyAnomaly',
        `${signalSeries(o, 'latency').zscore} > ${z}\n${busy}`,
        '{{ $labels.operation }} p95 duration far above its baseline ({{ $labels.job }})',
        `The p95 duration of ${ns} operation {{ $labels.operation }} over ${o.rateWindow} is ${band} above ${baseline} (job {{ $labels.job }}).`,
        'Compare with the deploy history and the dependency panels: a step change that lines up with a deploy is a regression; one that lines up with a dependency or load change is an incident upstream. Judged only above the minimum traffic.',
      ),
    },
    {
      alert: 'OperationFailureRatioAnomaly',
      signal: 'failureRatio',
      direction: 'above',
      rule: rule(
        'OperationFailureRatioAnomaly',
        `${signalSeries(o, 'failureRatio').zscore} > ${z}\n${busy}`,
        '{{ $labels.operation }} failure ratio far above its baseline ({{ $labels.job }})',
        `The failure ratio of ${ns} operation {{ $labels.operation }} over ${o.rateWindow} is ${band} (at least ${percent(a.failureFloor)} each) above ${baseline} (job {{ $labels.job }}).`,
        'Open "errors by type" on the operations dashboard: a new error type points at the cause; if the ratio is still low in absolute terms, check whether the baseline was unusually clean.',
      ),
    },
    {
      alert: 'OperationThroughputAnomaly',
      signal: 'throughput',
      direction: 'below',
      rule: rule(
        'OperationThroughputAnomaly',
        `${traffic.zscore} < -${z}\nand on (${BY}) ${traffic.mean} > ${minRate}`,
        '{{ $labels.operation }} throughput far below its baseline ({{ $labels.job }})',
        `The throughput of ${ns} operation {{ $labels.operation }} over ${o.rateWindow} is ${band} below ${baseline} (job {{ $labels.job }}).`,
        'Fewer completions than usual: check whether callers stopped sending (upstream outage, routing), whether the work queue is stuck (in-flight rising) or instances are missing (up, restarts).',
      ),
    },
  ];
}

/**
 * The baselines rules file: current values, baselines and z-scores per job and operation, then the
 * anomaly alerts. One group, so each rule reads the values recorded before it at the same evaluation.
 */
export function baselineRulesFile(options: GenerateOptions): BaselineRuleFile {
  const signals: BaselineSignal[] = ['throughput', 'failureRatio', 'latency'];
  return {
    groups: [
      {
        name: `otelkit-${options.service}-baselines`,
        rules: [
          ...currentRules(options),
          ...signals.flatMap((s) => baselineRules(options, s)),
          ...anomalyAlerts(options).map((a) => a.rule),
        ],
      },
    ],
  };
}
