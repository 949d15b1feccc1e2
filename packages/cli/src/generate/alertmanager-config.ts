import type { GenerateOptions } from './options';
import { SEVERITY_LEVELS, type SeverityLevel, SLACK_URL_FILE } from './options';

type Yaml = Readonly<Record<string, unknown>>;

/** How one severity level notifies: receivers used and how often it repeats. */
interface LevelPolicy {
  readonly email: boolean;
  readonly slack: boolean;
  readonly groupWait?: string;
  readonly groupInterval?: string;
  readonly repeat: string;
}

/** Escalation per level: the higher, the more channels and the sooner it repeats. */
const POLICY: Readonly<Record<SeverityLevel, LevelPolicy>> = {
  info: { email: false, slack: false, repeat: '24h' },
  warning: { email: false, slack: true, repeat: '4h' },
  critical: { email: true, slack: true, groupWait: '10s', repeat: '1h' },
  emergency: { email: true, slack: true, groupWait: '5s', groupInterval: '1m', repeat: '15m' },
};

/** `severity="x"`, or `severity=~"x|y"` for several. */
function severityMatcher(levels: readonly SeverityLevel[]): string {
  return levels.length === 1 ? `severity="${levels[0]}"` : `severity=~"${levels.join('|')}"`;
}

/**
 * `alertmanager.yml`: Alertmanager does what the seeds did by hand. Aggregation is `group_by`
 * (one notification per alert name and instance), deduplication is Alertmanager's own (repeat only
 * after `repeat_interval`), escalation is one route and receiver per `--severities` level: info goes
 * to the webhook daily, warning to Slack and the webhook every 4h, critical to email, Slack and the
 * webhook hourly, emergency to all three every 15m. Inhibition lets a level silence the lower levels
 * of the same alert, instance, operation and `--operation-labels`, and a down target silence
 * everything else from that instance.
 */
export function alertmanagerConfig(options: GenerateOptions): Yaml {
  const r = options.receivers;
  const slack = {
    ...(r.slackWebhookUrl === undefined ? { api_url_file: SLACK_URL_FILE } : { api_url: r.slackWebhookUrl }),
    channel: r.slackChannel,
    send_resolved: true,
    title:
      '[{{ .Status | toUpper }}{{ if eq .Status "firing" }}:{{ .Alerts.Firing | len }}{{ end }}] {{ .CommonLabels.alertname }} ({{ .CommonLabels.severity }})',
    text: '{{ range .Alerts }}*{{ .Annotations.summary }}*\n{{ .Annotations.description }}\nRunbook: {{ .Annotations.runbook }}\n{{ end }}',
  };
  const webhook = { url: r.webhookUrl, send_resolved: true, max_alerts: 50 };
  const email = { to: r.emailTo, send_resolved: true };
  const levels = SEVERITY_LEVELS.filter((l) => options.severities.includes(l));
  const highestFirst = [...levels].reverse();
  return {
    global: {
      resolve_timeout: '5m',
      smtp_smarthost: r.smarthost,
      smtp_from: r.emailFrom,
      smtp_require_tls: false,
    },
    route: {
      receiver: 'default',
      group_by: ['alertname', 'job', 'instance'],
      group_wait: '30s',
      group_interval: '5m',
      repeat_interval: '12h',
      routes: highestFirst.map((level) => {
        const p = POLICY[level];
        return {
          receiver: level,
          matchers: [`severity="${level}"`],
          ...(p.groupWait === undefined ? {} : { group_wait: p.groupWait }),
          ...(p.groupInterval === undefined ? {} : { group_interval: p.groupInterval }),
          repeat_interval: p.repeat,
        };
      }),
    },
    inhibit_rules: [
      ...highestFirst
        .map((level, i) => ({ level, lower: highestFirst.slice(i + 1) }))
        .filter(({ lower }) => lower.length > 0)
        .map(({ level, lower }) => ({
          source_matchers: [`severity="${level}"`],
          target_matchers: [severityMatcher([...lower].reverse())],
          equal: ['alertname', 'job', 'instance', 'operation', ...options.operationLabels],
        })),
      {
        source_matchers: ['alertname="TargetDown"'],
        target_matchers: ['alertname!="TargetDown"'],
        equal: ['job', 'instance'],
      },
    ],
    receivers: [
      { name: 'default', webhook_configs: [webhook] },
      ...highestFirst.map((level) => {
        const p = POLICY[level];
        return {
          name: level,
          ...(p.email ? { email_configs: [email] } : {}),
          ...(p.slack ? { slack_configs: [slack] } : {}),
          webhook_configs: [webhook],
        };
      }),
    ],
  };
}
