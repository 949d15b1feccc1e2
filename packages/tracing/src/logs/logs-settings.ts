import { defineSetting, listSetting, otlpSettings } from '@otelkit/core/internal';
import { batchSettings } from '../batch-settings';
import type { LogsExporterName } from './logs-config';

const OWNER = '@otelkit/tracing';
const EXPORTERS: readonly LogsExporterName[] = ['otlp', 'console', 'none'];

const otlp = otlpSettings('logs', {
  optionPrefix: 'logs.',
  protocolOption: true,
  defaultEndpoint: 'http://localhost:4318/v1/logs',
  owner: OWNER,
});
const batch = batchSettings(
  'OTEL_BLRP',
  'logs.',
  1_000,
  'batch log record processor (records past the queue are dropped and counted)',
);

/**
 * Log record export settings (the `logs` options of tracing), declared once. The exporters default to
 * `otlp` once an OTLP endpoint is set, else `none`: the JSON lines on stdout are written in every case.
 */
export const LOGS_SETTINGS = {
  endpoint: otlp.endpoint,
  exporters: defineSetting<readonly LogsExporterName[]>({
    option: 'logs.exporters',
    env: ['OTEL_LOGS_EXPORTER'],
    kind: listSetting(EXPORTERS),
    default: ({ sources }) => (sources.endpoint?.source === 'default' ? ['none'] : ['otlp']),
    defaultDoc: '`otlp` when an OTLP endpoint is set, else `none`',
    doc: "`otlp`, `console` (JSON on stderr), `none`: `createLogger()` lines (and the pino/winston/bunyan instrumentations' records) as OpenTelemetry log records; the stdout lines are the same in every mode",
    owner: OWNER,
  }),
  headers: otlp.headers,
  timeoutMs: otlp.timeoutMs,
  protocol: otlp.protocol,
  maxQueueSize: batch.maxQueueSize,
  maxExportBatchSize: batch.maxExportBatchSize,
  scheduledDelayMs: batch.scheduledDelayMs,
  exportTimeoutMs: batch.exportTimeoutMs,
};
