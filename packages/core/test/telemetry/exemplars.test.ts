import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { AlwaysOffSampler, TracerProvider } from '@opentelemetry/sdk-trace';
import { createOperationMonitor, startTelemetry, type Telemetry } from '@otelkit/core';
import { fetchText } from '../../../../test/helpers/http';

let telemetry: Telemetry | undefined;
afterEach(async () => {
  await telemetry?.shutdown();
  telemetry = undefined;
  trace.disable();
  context.disable();
});

async function scrapeOpenMetrics(): Promise<string> {
  const address = await telemetry!.ready;
  const reply = await fetchText(`${address!.url}/metrics`, {
    headers: { accept: 'application/openmetrics-text' },
  });
  return reply.body;
}

describe('trace exemplars on the operation duration histogram', () => {
  it('carry the trace and span IDs of a sampled operation in OpenMetrics', async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(new TracerProvider());
    telemetry = startTelemetry({ host: '127.0.0.1', port: 0, logLevel: 'none', runtimeMetrics: false });
    const monitor = createOperationMonitor({ namespace: 'ex' });
    let traceId = '';
    await monitor.track('cycle', async () => {
      traceId = trace.getActiveSpan()!.spanContext().traceId;
    });
    const text = await scrapeOpenMetrics();
    const bucket = text
      .split('\n')
      .find(
        (l) =>
          l.startsWith('ex_operation_duration_seconds_bucket{') &&
          l.includes('status="success"') &&
          l.includes(' # {'),
      );
    assert.ok(bucket, 'a bucket line with an exemplar');
    assert.match(
      bucket,
      new RegExp(`# \\{trace_id="${traceId}",span_id="[0-9a-f]{16}"\\} [0-9.e-]+ \\d+\\.\\d{3}$`),
    );
    const plain = (await fetchText(`${(await telemetry.ready)!.url}/metrics`)).body;
    assert.doesNotMatch(plain, /trace_id/, 'the Prometheus text format has no exemplars');
  });

  it('are not kept for unsampled operations', async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(new TracerProvider({ sampler: new AlwaysOffSampler() }));
    telemetry = startTelemetry({ host: '127.0.0.1', port: 0, logLevel: 'none', runtimeMetrics: false });
    await createOperationMonitor({ namespace: 'unsampled' }).track('cycle', async () => {});
    const text = await scrapeOpenMetrics();
    assert.match(text, /unsampled_operation_duration_seconds_count/);
    assert.doesNotMatch(text, /unsampled_operation_duration_seconds_bucket\{[^}]*\} \d+ # \{/);
  });
});
