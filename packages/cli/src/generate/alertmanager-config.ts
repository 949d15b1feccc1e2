import type { GenerateOptions } from './options';
import { SLACK_URL_FILE } from './options';

type Yaml = Readonly<Record<string, unknown>>;

/**
 * `alertmanager.yml`: Alertmanager does what the seeds did by hand. Aggregation is `group_by`
 * (one notification per alert name and instance), deduplication is Alertmanager's own (repeat only
 * after `repeat_interval`), escalation is the severity routes: critical goes to email, Slack and the
 * webhook and repeats hourly; warning goes to Slack and the webhook every 4h. Inhibition lets a critical
 * alert silence the warning of the same name and instance, and a down target silence everything
 * else from that instance.
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
      routes: [
        {
          receiver: 'critical',
          matchers: ['severity="critical"'],
          group_wait: '10s',
          repeat_interval: '1h',
        },
        {
          receiver: 'warning',
          matchers: ['severity="warning"'],
          repeat_interval: '4h',
        },
      ],
    },
    inhibit_rules: [
      {
        source_matchers: ['severity="critical"'],
        target_matchers: ['severity="warning"'],
        equal: ['alertname', 'job', 'instance', 'operation'],
      },
      {
        source_matchers: ['alertname="TargetDown"'],
        target_matchers: ['alertname!="TargetDown"'],
        equal: ['job', 'instance'],
      },
    ],
    receivers: [
      { name: 'default', webhook_configs: [webhook] },
      {
        name: 'critical',
        email_configs: [email],
        slack_configs: [slack],
        webhook_configs: [webhook],
      },
      { name: 'warning', slack_configs: [slack], webhook_configs: [webhook] },
    ],
  };
}
