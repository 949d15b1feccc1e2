import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ROOT_CONTEXT, SamplingDecision } from '@opentelemetry/api';
import { TraceIdRatioBasedSampler } from '@opentelemetry/sdk-trace';
import { startTelemetry, type Telemetry } from '@otelkit/core';
import { type OtlpReceiver, startOtlpReceiver } from '../../../test/tracing/helpers/otlp-receiver';
import { startTracing, type Tracing } from '../src/tracing';

const RATIO = 0.5;
/** OTLP's SPAN_KIND_SERVER. */
const SERVER = 2;

/** A trace ID the ratio sampler alone would (or would not) sample at {@link RATIO}. */
function traceIdWhereRatioSays(sampled: boolean): string {
  const ratio = new TraceIdRatioBasedSampler(RATIO);
  for (let i = 1; i < 1_000; i++) {
    const high = (Math.imul(i, 0x9e3779b1) >>> 0).toString(16).padStart(8, '0');
    const traceId = `${high}${'0'.repeat(23)}1`;
    const decision = ratio.shouldSample(ROOT_CONTEXT, traceId).decision;
    if ((decision === SamplingDecision.RECORD_AND_SAMPLED) === sampled) return traceId;
  }
  throw new Error(`no trace ID found that the ratio ${sampled ? 'samples' : 'drops'}`);
}

describe('OTEL_TRACES_SAMPLER=parentbased_traceidratio (incoming requests to a real server)', () => {
  let receiver: OtlpReceiver;
  let telemetry: Telemetry;
  let tracing: Tracing;
  let server: Server;
  let port: number;

  before(async () => {
    receiver = await startOtlpReceiver();
    const env = {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: String(RATIO),
    };
    telemetry = startTelemetry({ serviceName: 'sampler', server: false, runtimeMetrics: false, env });
    tracing = startTracing(telemetry, { env });
    server = createServer((_req, res) => res.end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });

  after(async () => {
    server.close();
    await telemetry.shutdown();
    await receiver.close();
  });

  const serverSpanTraceIds = async () => {
    await tracing.forceFlush();
    return receiver.spans.filter((s) => s.kind === SERVER).map((s) => s.traceId);
  };

  it('follows a sampled parent even where the ratio would drop the trace, and an unsampled parent where it would keep it', async () => {
    const keptByParent = traceIdWhereRatioSays(false);
    const droppedByParent = traceIdWhereRatioSays(true);
    // A raw request, as an upstream service sends it (fetch here would start a client span of its own).
    const call = (traceId: string, flags: string) =>
      new Promise<void>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () =>
          socket.end(
            `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\ntraceparent: 00-${traceId}-00f067aa0ba902b7-${flags}\r\nConnection: close\r\n\r\n`,
          ),
        );
        socket
          .on('error', reject)
          .on('close', () => resolve())
          .resume();
      });
    await call(keptByParent, '01');
    await call(droppedByParent, '00');
    const traceIds = await serverSpanTraceIds();
    assert.ok(traceIds.includes(keptByParent), `sampled parent's trace exported: ${traceIds}`);
    assert.ok(!traceIds.includes(droppedByParent), `unsampled parent's trace not exported: ${traceIds}`);
  });
});
