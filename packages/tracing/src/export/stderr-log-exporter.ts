import { type ExportResult, ExportResultCode, hrTimeToMilliseconds } from '@opentelemetry/core';
import type { LogRecordExporter, ReadableLogRecord } from '@opentelemetry/sdk-logs';

/**
 * The `console` log record exporter: one JSON object per record on stderr (timestamp, severity, body,
 * attributes, trace and span id). stderr, not stdout as the SDK's console exporter: stdout carries the
 * app's own JSON log lines, which stay exactly as they are whatever `OTEL_LOGS_EXPORTER` says.
 */
export class StderrLogRecordExporter implements LogRecordExporter {
  export(records: ReadableLogRecord[], resultCallback: (result: ExportResult) => void): void {
    let text = '';
    for (const r of records) {
      text += `${JSON.stringify({
        timestamp: new Date(hrTimeToMilliseconds(r.hrTime)).toISOString(),
        severityNumber: r.severityNumber,
        severityText: r.severityText,
        body: r.body,
        attributes: r.attributes,
        traceId: r.spanContext?.traceId,
        spanId: r.spanContext?.spanId,
        scope: r.instrumentationScope.name,
      })}\n`;
    }
    process.stderr.write(text);
    resultCallback({ code: ExportResultCode.SUCCESS });
  }

  async shutdown(): Promise<void> {}

  async forceFlush(): Promise<void> {}
}
