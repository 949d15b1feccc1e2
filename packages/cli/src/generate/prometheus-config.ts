import { RULES_FILE } from './alert-rules';
import { BASELINE_RULES_FILE } from './baseline-rules';
import type { GenerateOptions } from './options';
import { sloRulesFile } from './slo/rules';

/** The generated `prometheus.yml`, as an object to serialize. */
export interface PrometheusConfig {
  readonly global: {
    readonly scrape_interval: string;
    readonly evaluation_interval: string;
    readonly external_labels: Readonly<Record<string, string>>;
  };
  readonly rule_files: readonly string[];
  readonly alerting: {
    readonly alertmanagers: readonly {
      readonly static_configs: readonly { readonly targets: readonly string[] }[];
    }[];
  };
  readonly scrape_configs: readonly {
    readonly job_name: string;
    readonly metrics_path: string;
    readonly static_configs: readonly { readonly targets: readonly string[] }[];
  }[];
}

/**
 * `prometheus.yml`: scrapes the service's `/metrics` at `target` as job `service`, loads the alert
 * rules, the baselines and each objective's SLO rules (relative to the file, so Prometheus is started from any directory) and sends alerts to
 * Alertmanager.
 */
export function prometheusConfig(options: GenerateOptions): PrometheusConfig {
  return {
    global: {
      scrape_interval: options.scrapeInterval,
      evaluation_interval: options.evaluationInterval,
      external_labels: { monitor: 'otelkit' },
    },
    rule_files: [RULES_FILE, BASELINE_RULES_FILE, ...options.objectives.map(sloRulesFile)],
    alerting: { alertmanagers: [{ static_configs: [{ targets: [options.alertmanager] }] }] },
    scrape_configs: [
      {
        job_name: options.service,
        metrics_path: options.metricsPath,
        static_configs: [{ targets: [options.target] }],
      },
    ],
  };
}
