import type { KubernetesSettings } from './k8s/settings';
import type { SloObjective } from './slo/objective';

/** Alert thresholds of the generated rules. Every one has a `generate-config` flag. */
export interface AlertThresholds {
  /** Failure ratio (0..1) of an operation over the rate window for a warning (`--failure-ratio-warning`). */
  readonly failureRatioWarning: number;
  /** Failure ratio for a critical alert (`--failure-ratio-critical`). */
  readonly failureRatioCritical: number;
  /** Operations per second below which the failure ratio is not judged (`--min-rate`). */
  readonly minRate: number;
  /** Age of the last success, in seconds, that is "too long" (`--max-success-age`). */
  readonly maxSuccessAgeSeconds: number;
  /** Failures in a row (no success between them, within 15m) that alert (`--consecutive-failures`). */
  readonly consecutiveFailures: number;
  /** p95 duration, in seconds, above which an operation is slow (`--p95-seconds`). */
  readonly p95Seconds: number;
  /** Errors of one type in the rate window before "errors rising" can fire (`--errors-min`). */
  readonly errorsMin: number;
  /** Event-loop delay p99 seconds for a warning / critical (`--event-loop-warning`, `--event-loop-critical`). */
  readonly eventLoopWarningSeconds: number;
  readonly eventLoopCriticalSeconds: number;
  /** Heap used / heap limit for a warning / critical (`--heap-warning`, `--heap-critical`). */
  readonly heapWarning: number;
  readonly heapCritical: number;
}

/** Where Alertmanager sends notifications. Unset values get documented placeholders. */
export interface ReceiverSettings {
  readonly emailTo: string;
  readonly emailFrom: string;
  readonly smarthost: string;
  /** Slack incoming-webhook URL; when unset the config reads it from {@link SLACK_URL_FILE}. */
  readonly slackWebhookUrl: string | undefined;
  readonly slackChannel: string;
  readonly webhookUrl: string;
}

/**
 * Baselines and anomaly alerts (`rules/otelkit-baselines.yml`): per operation, the mean and standard
 * deviation of p95 duration, failure ratio and throughput over `window`, `offset` in the past, and
 * alerts on the z-score. Every field has a `generate-config` flag.
 */
export interface AnomalySettings {
  /** Range the baseline is computed over (`--anomaly-window`). */
  readonly window: string;
  /** How far in the past the baseline window ends, so a change is not in its own baseline (`--anomaly-offset`). */
  readonly offset: string;
  /** z-score (standard deviations from the baseline mean) that alerts (`--anomaly-z`). */
  readonly z: number;
  /** `for:` of the anomaly alerts (`--anomaly-for`; else `--alert-for`; else 10m). */
  readonly for: string | undefined;
  /** Operations per second below which an operation is not judged (`--anomaly-min-rate`). */
  readonly minRate: number;
  /** Least standard deviation of p95 duration and throughput, as a fraction of their mean (`--anomaly-floor`). */
  readonly floor: number;
  /** Least standard deviation of the failure ratio, absolute (`--anomaly-failure-floor`). */
  readonly failureFloor: number;
}

/** Options of every generator; see {@link GENERATE_DEFAULTS}. */
export interface GenerateOptions {
  /** Scrape job name, also the `job` label the rules select (`--service`). */
  readonly service: string;
  /** Operation-monitor namespace: `ns` in `ns_operations_total` (`--namespace`). */
  readonly namespace: string;
  /** The service's metrics endpoint, `HOST:PORT` (`--target`). */
  readonly target: string;
  readonly metricsPath: string;
  /** Alertmanager `HOST:PORT` (`--alertmanager`). */
  readonly alertmanager: string;
  /** Prometheus `scrape_interval` / `evaluation_interval` (`--scrape-interval`, `--evaluation-interval`). */
  readonly scrapeInterval: string;
  readonly evaluationInterval: string;
  /** Window of `rate()` in the rules (`--rate-window`). */
  readonly rateWindow: string;
  /** Replaces every rule's `for:` when set (`--alert-for`; `0s` fires at once, for tests and demos). */
  readonly alertFor: string | undefined;
  readonly thresholds: AlertThresholds;
  readonly anomaly: AnomalySettings;
  readonly receivers: ReceiverSettings;
  /**
   * Attributes of `track(operation, attributes)` that the operation rules keep apart (`--operation-labels`):
   * added to every operation alert's, baseline's and dashboard's `by (…)`, e.g. `['source']` so that
   * one failing source among healthy ones alerts on its own.
   */
  readonly operationLabels: readonly string[];
  /** Extra panels of a `service` dashboard over the service's own instruments (`--panel`). */
  readonly panels: readonly CustomPanel[];
  /**
   * Severity levels Alertmanager routes, lowest first (`--severities`): one route and receiver each;
   * a higher level inhibits the lower ones of the same alert. Must include `warning` and `critical`.
   */
  readonly severities: readonly SeverityLevel[];
  /**
   * Service-level objectives (`--slo FILE`, `--objective`): each gets error-ratio recording rules,
   * four burn-rate alerts with promtool tests (`rules/otelkit-slo*.yml`) and a row of the SLO dashboard.
   */
  readonly objectives: readonly SloObjective[];
  /** Kubernetes resources under `k8s/` (`--kubernetes`); none when `undefined`. */
  readonly kubernetes: KubernetesSettings | undefined;
}

/** Severity levels `alertmanager.yml` can route, lowest first. */
export const SEVERITY_LEVELS = ['info', 'warning', 'critical', 'emergency'] as const;

/** One of {@link SEVERITY_LEVELS}. */
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

/** A panel of the generated `service` dashboard (`--panel 'stat:Title=PromQL'`). */
export interface CustomPanel {
  readonly title: string;
  /** PromQL; may use the dashboard variables `$job`, `$instance` and `$__rate_interval`. */
  readonly expr: string;
  /** Grafana panel type [`timeseries`]. */
  readonly type?: 'timeseries' | 'stat';
  /** Grafana unit id [`short`]. */
  readonly unit?: string;
  /** Legend template [Grafana's default, the series labels]. */
  readonly legend?: string;
}

/** Where the generated `alertmanager.yml` reads the Slack webhook URL when none is given. */
export const SLACK_URL_FILE = '/etc/alertmanager/secrets/slack-webhook-url';

/** Every default in one place. */
export const GENERATE_DEFAULTS: GenerateOptions = {
  service: 'app',
  namespace: 'app',
  target: 'localhost:9464',
  metricsPath: '/metrics',
  alertmanager: 'localhost:9093',
  scrapeInterval: '15s',
  evaluationInterval: '15s',
  rateWindow: '5m',
  alertFor: undefined,
  thresholds: {
    failureRatioWarning: 0.05,
    failureRatioCritical: 0.25,
    minRate: 0.001,
    maxSuccessAgeSeconds: 3600,
    consecutiveFailures: 3,
    p95Seconds: 5,
    errorsMin: 5,
    eventLoopWarningSeconds: 0.2,
    eventLoopCriticalSeconds: 1,
    heapWarning: 0.85,
    heapCritical: 0.95,
  },
  anomaly: {
    window: '1d',
    offset: '1h',
    z: 3,
    for: undefined,
    minRate: 0.1,
    floor: 0.1,
    failureFloor: 0.01,
  },
  receivers: {
    emailTo: 'oncall@example.com',
    emailFrom: 'alertmanager@example.com',
    smarthost: 'localhost:25',
    slackWebhookUrl: undefined,
    slackChannel: '#alerts',
    webhookUrl: 'http://localhost:5001/alerts',
  },
  operationLabels: [],
  panels: [],
  severities: ['warning', 'critical'],
  objectives: [],
  kubernetes: undefined,
};

/** Options with thresholds, anomaly settings and receivers merged over the defaults. */
export function withDefaults(
  options: Partial<Omit<GenerateOptions, 'thresholds' | 'anomaly' | 'receivers'>> & {
    thresholds?: Partial<AlertThresholds>;
    anomaly?: Partial<AnomalySettings>;
    receivers?: Partial<ReceiverSettings>;
  } = {},
): GenerateOptions {
  return {
    ...GENERATE_DEFAULTS,
    ...options,
    thresholds: { ...GENERATE_DEFAULTS.thresholds, ...options.thresholds },
    anomaly: { ...GENERATE_DEFAULTS.anomaly, ...options.anomaly },
    receivers: { ...GENERATE_DEFAULTS.receivers, ...options.receivers },
  };
}
