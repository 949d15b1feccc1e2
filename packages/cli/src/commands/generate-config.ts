import {
  durationFlag,
  type FlagSpecs,
  type FlagValues,
  hostPortFlag,
  numberFlag,
  parseFlags,
  renderHelp,
  stringFlag,
  urlFlag,
} from '../args';
import { parseDuration } from '../duration';
import { driftCasesIncluded, driftZScore } from '../generate/baseline-timeline';
import { generateFiles, writeFiles } from '../generate/files';
import { GENERATE_DEFAULTS, type GenerateOptions } from '../generate/options';
import { UsageError } from '../usage-error';
import { ANOMALY_FLAGS, anomalyFromFlags } from './anomaly-flags';
import { EXTRA_FLAGS, extrasFromFlags } from './extra-flags';
import type { CommandIo } from './io';
import { K8S_FLAGS, kubernetesFromFlags } from './k8s-flags';
import { objectivesFromFlags, SLO_FLAGS } from './slo-flags';

const D = GENERATE_DEFAULTS;
const T = D.thresholds;
const R = D.receivers;

/** Flags of `otelkit generate-config`. */
export const GENERATE_FLAGS: FlagSpecs = {
  out: {
    type: 'string',
    value: 'DIR',
    help: 'directory to write into (created if missing; files are overwritten)',
  },
  service: {
    type: 'string',
    value: 'NAME',
    help: 'scrape job name, the job label alerts select',
    default: D.service,
  },
  namespace: {
    type: 'string',
    value: 'NS',
    help: 'operation monitor namespace (NS_operations_total)',
    default: 'the service name',
  },
  target: { type: 'string', value: 'HOST:PORT', help: "the service's metrics endpoint", default: D.target },
  'metrics-path': { type: 'string', value: 'PATH', help: 'metrics path to scrape', default: D.metricsPath },
  alertmanager: {
    type: 'string',
    value: 'HOST:PORT',
    help: 'Alertmanager address for Prometheus',
    default: D.alertmanager,
  },
  'scrape-interval': {
    type: 'string',
    value: 'DUR',
    help: 'Prometheus scrape_interval',
    default: D.scrapeInterval,
  },
  'evaluation-interval': {
    type: 'string',
    value: 'DUR',
    help: 'Prometheus evaluation_interval',
    default: D.evaluationInterval,
  },
  'rate-window': {
    type: 'string',
    value: 'DUR',
    help: 'rate() window of the alert rules (at least 1m)',
    default: D.rateWindow,
  },
  'alert-for': {
    type: 'string',
    value: 'DUR',
    help: "replace every rule's for: (0s fires at once; for demos and tests)",
  },
  'failure-ratio-warning': {
    type: 'string',
    value: 'RATIO',
    help: 'failure ratio for a warning',
    default: String(T.failureRatioWarning),
  },
  'failure-ratio-critical': {
    type: 'string',
    value: 'RATIO',
    help: 'failure ratio for a critical alert',
    default: String(T.failureRatioCritical),
  },
  'min-rate': {
    type: 'string',
    value: 'OPS',
    help: 'operations/s below which the failure ratio is not judged',
    default: String(T.minRate),
  },
  'max-success-age': {
    type: 'string',
    value: 'DUR',
    help: 'no successful operation for this long is critical',
    default: '1h',
  },
  'consecutive-failures': {
    type: 'string',
    value: 'N',
    help: 'failures in a row (15m, no success) that alert',
    default: String(T.consecutiveFailures),
  },
  'p95-seconds': {
    type: 'string',
    value: 'SECONDS',
    help: 'p95 operation duration threshold',
    default: String(T.p95Seconds),
  },
  'errors-min': {
    type: 'string',
    value: 'N',
    help: 'errors of one type per rate window before "errors rising" fires',
    default: String(T.errorsMin),
  },
  'event-loop-warning': {
    type: 'string',
    value: 'SECONDS',
    help: 'event-loop delay p99 for a warning',
    default: String(T.eventLoopWarningSeconds),
  },
  'event-loop-critical': {
    type: 'string',
    value: 'SECONDS',
    help: 'event-loop delay p99 for a critical alert',
    default: String(T.eventLoopCriticalSeconds),
  },
  'heap-warning': {
    type: 'string',
    value: 'RATIO',
    help: 'heap used / heap limit for a warning',
    default: String(T.heapWarning),
  },
  'heap-critical': {
    type: 'string',
    value: 'RATIO',
    help: 'heap used / heap limit for a critical alert',
    default: String(T.heapCritical),
  },
  ...ANOMALY_FLAGS,
  ...EXTRA_FLAGS,
  ...SLO_FLAGS,
  ...K8S_FLAGS,
  'email-to': {
    type: 'string',
    value: 'ADDR',
    help: 'critical alerts by email to (env OTELKIT_ALERT_EMAIL_TO)',
    default: R.emailTo,
  },
  'email-from': {
    type: 'string',
    value: 'ADDR',
    help: 'sender address (env OTELKIT_ALERT_EMAIL_FROM)',
    default: R.emailFrom,
  },
  smarthost: {
    type: 'string',
    value: 'HOST:PORT',
    help: 'SMTP server (env OTELKIT_ALERT_SMARTHOST)',
    default: R.smarthost,
  },
  'slack-webhook-url': {
    type: 'string',
    value: 'URL',
    help: 'Slack incoming webhook (env OTELKIT_ALERT_SLACK_WEBHOOK_URL)',
    default: 'read from /etc/alertmanager/secrets/slack-webhook-url',
  },
  'slack-channel': {
    type: 'string',
    value: 'CHANNEL',
    help: 'Slack channel (env OTELKIT_ALERT_SLACK_CHANNEL)',
    default: R.slackChannel,
  },
  'webhook-url': {
    type: 'string',
    value: 'URL',
    help: 'generic webhook receiver (env OTELKIT_ALERT_WEBHOOK_URL)',
    default: R.webhookUrl,
  },
};

const NAME = /^[a-zA-Z_][a-zA-Z0-9_.:-]{0,63}$/;
const NAMESPACE = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Flag, else environment variable, else default. */
function fromEnv(values: FlagValues, env: CommandIo['env'], flag: string, variable: string): FlagValues {
  if (values[flag] !== undefined) return values;
  const raw = env[variable];
  return raw === undefined || raw.trim() === '' ? values : { ...values, [flag]: raw.trim() };
}

function email(values: FlagValues, flag: string, fallback: string): string {
  const value = stringFlag(values, flag, fallback);
  if (!EMAIL.test(value))
    throw new UsageError(`--${flag}=${JSON.stringify(value)} is invalid: expected an email address`);
  return value;
}

/** Turns the flags into {@link GenerateOptions}; every bad value is a {@link UsageError}. */
export function generateOptionsFromFlags(values: FlagValues, env: CommandIo['env']): GenerateOptions {
  let v = values;
  for (const [flag, variable] of [
    ['email-to', 'OTELKIT_ALERT_EMAIL_TO'],
    ['email-from', 'OTELKIT_ALERT_EMAIL_FROM'],
    ['smarthost', 'OTELKIT_ALERT_SMARTHOST'],
    ['slack-webhook-url', 'OTELKIT_ALERT_SLACK_WEBHOOK_URL'],
    ['slack-channel', 'OTELKIT_ALERT_SLACK_CHANNEL'],
    ['webhook-url', 'OTELKIT_ALERT_WEBHOOK_URL'],
  ] as const) {
    v = fromEnv(v, env, flag, variable);
  }
  const service = stringFlag(v, 'service', D.service);
  if (!NAME.test(service)) {
    throw new UsageError(
      `--service=${JSON.stringify(service)} is invalid: expected a name of letters, digits, _ . : -`,
    );
  }
  const namespace = stringFlag(v, 'namespace', service.replace(/[^a-zA-Z0-9_]/g, '_'));
  if (!NAMESPACE.test(namespace)) {
    throw new UsageError(
      `--namespace=${JSON.stringify(namespace)} is invalid: expected a letter then letters, digits or _`,
    );
  }
  const metricsPath = stringFlag(v, 'metrics-path', D.metricsPath);
  if (!metricsPath.startsWith('/'))
    throw new UsageError(`--metrics-path=${JSON.stringify(metricsPath)} is invalid: must start with /`);
  const rateWindow = durationFlag(v, 'rate-window', D.rateWindow);
  if (parseDuration('--rate-window', rateWindow) < 60) {
    throw new UsageError(`--rate-window=${JSON.stringify(rateWindow)} is invalid: must be at least 1m`);
  }
  const alertFor = typeof v['alert-for'] === 'string' ? durationFlag(v, 'alert-for', '0s', true) : undefined;
  const ratioWarning = numberFlag(v, 'failure-ratio-warning', T.failureRatioWarning, 0, 0.99);
  const ratioCritical = numberFlag(v, 'failure-ratio-critical', T.failureRatioCritical, 0, 0.99);
  if (ratioCritical < ratioWarning) {
    throw new UsageError(
      `--failure-ratio-critical=${ratioCritical} is invalid: must be at least --failure-ratio-warning (${ratioWarning})`,
    );
  }
  const loopWarning = numberFlag(v, 'event-loop-warning', T.eventLoopWarningSeconds, 0.001, 3600);
  const loopCritical = numberFlag(v, 'event-loop-critical', T.eventLoopCriticalSeconds, 0.001, 3600);
  const heapWarning = numberFlag(v, 'heap-warning', T.heapWarning, 0.01, 0.99);
  const heapCritical = numberFlag(v, 'heap-critical', T.heapCritical, 0.01, 0.99);
  if (loopCritical < loopWarning)
    throw new UsageError(
      `--event-loop-critical=${loopCritical} is invalid: must be at least --event-loop-warning (${loopWarning})`,
    );
  if (heapCritical < heapWarning)
    throw new UsageError(
      `--heap-critical=${heapCritical} is invalid: must be at least --heap-warning (${heapWarning})`,
    );
  const consecutive = numberFlag(v, 'consecutive-failures', T.consecutiveFailures, 1, 10_000);
  if (!Number.isInteger(consecutive))
    throw new UsageError(`--consecutive-failures=${consecutive} is invalid: expected an integer`);
  return {
    service,
    namespace,
    target: hostPortFlag(v, 'target', D.target),
    metricsPath,
    alertmanager: hostPortFlag(v, 'alertmanager', D.alertmanager),
    scrapeInterval: durationFlag(v, 'scrape-interval', D.scrapeInterval),
    evaluationInterval: durationFlag(v, 'evaluation-interval', D.evaluationInterval),
    rateWindow,
    alertFor,
    thresholds: {
      failureRatioWarning: ratioWarning,
      failureRatioCritical: ratioCritical,
      minRate: numberFlag(v, 'min-rate', T.minRate, 0, 1000),
      maxSuccessAgeSeconds: parseDuration('--max-success-age', durationFlag(v, 'max-success-age', '1h')),
      consecutiveFailures: consecutive,
      p95Seconds: numberFlag(v, 'p95-seconds', T.p95Seconds, 0.001, 86_400),
      errorsMin: numberFlag(v, 'errors-min', T.errorsMin, 1, 1_000_000),
      eventLoopWarningSeconds: loopWarning,
      eventLoopCriticalSeconds: loopCritical,
      heapWarning,
      heapCritical,
    },
    anomaly: anomalyFromFlags(v, rateWindow, alertFor),
    receivers: {
      emailTo: email(v, 'email-to', R.emailTo),
      emailFrom: email(v, 'email-from', R.emailFrom),
      smarthost: hostPortFlag(v, 'smarthost', R.smarthost),
      slackWebhookUrl: urlFlag(v, 'slack-webhook-url'),
      slackChannel: stringFlag(v, 'slack-channel', R.slackChannel),
      webhookUrl: urlFlag(v, 'webhook-url', R.webhookUrl)!,
    },
    ...extrasFromFlags(v),
    objectives: objectivesFromFlags(v, namespace),
    kubernetes: kubernetesFromFlags(v, service, env),
  };
}

/** `otelkit generate-config`: writes Prometheus, Alertmanager, Grafana, collector and compose files. */
export async function generateConfigCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const values = parseFlags('generate-config', argv, GENERATE_FLAGS);
  if (values.help) {
    io.out(
      renderHelp(
        'otelkit generate-config --out DIR [options]',
        'Writes prometheus.yml, alert rules and baselines with anomaly alerts, SLO burn-rate rules (--slo, --objective), all with promtool unit tests,\nalertmanager.yml, Grafana dashboards with provisioning, an OpenTelemetry Collector config, a docker-compose.yml and, with --kubernetes,\nKubernetes resources in k8s/. Durations use Prometheus syntax (30s, 5m, 1h).',
        GENERATE_FLAGS,
      ),
    );
    return 0;
  }
  const out = stringFlag(values, 'out');
  if (out === undefined) throw new UsageError('generate-config: --out DIR is required');
  const options = generateOptionsFromFlags(values, io.env);
  const written = writeFiles(out, generateFiles(options));
  if (!driftCasesIncluded(options)) {
    io.err(
      `note: a steady drift reaches z = ${driftZScore(options).toFixed(2)} with --anomaly-window ${options.anomaly.window} and --anomaly-offset ${options.anomaly.offset}, close to --anomaly-z ${options.anomaly.z}: the baseline tests leave out the drift cases (a longer window or a shorter offset keeps drifts silent)`,
    );
  }
  io.out(`wrote ${written.length} files to ${out}:`);
  for (const path of written) io.out(`  ${path}`);
  return 0;
}
