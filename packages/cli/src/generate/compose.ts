import { COLLECTOR_CONTRIB_VERSION } from './collector-config';
import { DASHBOARDS_PATH } from './grafana/provisioning';
import type { GenerateOptions } from './options';
import { SLACK_URL_FILE } from './options';

/** Image tags the compose file pins. */
export const IMAGES = {
  collector: `otel/opentelemetry-collector-contrib:${COLLECTOR_CONTRIB_VERSION}`,
  prometheus: 'prom/prometheus:v2.55.1',
  alertmanager: 'prom/alertmanager:v0.27.0',
  grafana: 'grafana/grafana:11.3.0',
  jaeger: 'jaegertracing/all-in-one:1.62.0',
} as const;

/**
 * `docker-compose.yml` wiring the app, an agent collector, Prometheus, Alertmanager, Grafana and
 * Jaeger. The app pushes traces over OTLP to the collector (which forwards them to Jaeger) and is
 * scraped by Prometheus on its otelkit port. Generate with `--target app:<port> --alertmanager
 * alertmanager:9093` so that `prometheus.yml` uses the compose service names.
 */
export function composeFile(o: GenerateOptions): Readonly<Record<string, unknown>> {
  const port = o.target.slice(o.target.lastIndexOf(':') + 1);
  return {
    name: `otelkit-${o.service}`,
    services: {
      app: {
        image: `\${APP_IMAGE:-${o.service}:latest}`,
        environment: {
          OTEL_SERVICE_NAME: o.service,
          OTEL_TRACES_EXPORTER: 'otlp',
          OTEL_METRICS_EXPORTER: 'prometheus',
          OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318',
          OTELKIT_PORT: port,
        },
        ports: [`${port}:${port}`],
        depends_on: ['otel-collector'],
      },
      'otel-collector': {
        image: IMAGES.collector,
        command: ['--config=/etc/otelcol-contrib/config.yaml'],
        volumes: ['./otel-collector.yaml:/etc/otelcol-contrib/config.yaml:ro'],
        ports: ['4317:4317', '4318:4318', '13133:13133'],
        depends_on: ['jaeger', 'prometheus'],
      },
      prometheus: {
        image: IMAGES.prometheus,
        command: [
          '--config.file=/etc/prometheus/prometheus.yml',
          '--storage.tsdb.path=/prometheus',
          '--web.enable-remote-write-receiver',
          '--web.enable-lifecycle',
        ],
        volumes: ['./prometheus.yml:/etc/prometheus/prometheus.yml:ro', './rules:/etc/prometheus/rules:ro'],
        ports: ['9090:9090'],
      },
      alertmanager: {
        image: IMAGES.alertmanager,
        command: ['--config.file=/etc/alertmanager/alertmanager.yml'],
        volumes: [
          './alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro',
          `./secrets:${SLACK_URL_FILE.slice(0, SLACK_URL_FILE.lastIndexOf('/'))}:ro`,
        ],
        ports: ['9093:9093'],
      },
      grafana: {
        image: IMAGES.grafana,
        environment: {
          GF_AUTH_ANONYMOUS_ENABLED: 'true',
          GF_AUTH_ANONYMOUS_ORG_ROLE: 'Viewer',
        },
        volumes: [
          './grafana/provisioning:/etc/grafana/provisioning:ro',
          `./grafana/dashboards:${DASHBOARDS_PATH}:ro`,
        ],
        ports: ['3000:3000'],
        depends_on: ['prometheus'],
      },
      jaeger: {
        image: IMAGES.jaeger,
        environment: { COLLECTOR_OTLP_ENABLED: 'true' },
        ports: ['16686:16686'],
      },
    },
  };
}
