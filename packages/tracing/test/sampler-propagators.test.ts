import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startTelemetry, type Telemetry } from '@otelkit/core';
import { type OtlpReceiver, startOtlpReceiver } from '../../../test/tracing/helpers/otlp-receiver';
import { withCorrelation } from '../src/correlation/context';
import { traced } from '../src/traced';
import { startTracing, type Tracing } from '../src/tracing';

describe('OTEL_TRACES_SAMPLER=always_off and OTEL_PROPAGATORS=tracecontext', () => {
  let receiver: OtlpReceiver;
  let telemetry: Telemetry;
  let tracing: Tracing;
  let url: string;
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    res.end();
  });

  before(async () => {
    receiver = await startOtlpReceiver();
    const env = {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_TRACES_SAMPLER: 'always_off',
      OTEL_PROPAGATORS: 'tracecontext',
    };
    telemetry = startTelemetry({ serviceName: 'sampler', server: false, runtimeMetrics: false, env });
    tracing = startTracing(telemetry, { env, http: { server: false } });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  after(async () => {
    server.close();
    await telemetry.shutdown();
    await receiver.close();
  });

  it('exports no span and sends an unsampled traceparent without baggage', async () => {
    await withCorrelation({ id: 'c-1' }, () =>
      traced(
        'not-sampled',
        () => new Promise<void>((resolve) => request(url, (res) => res.resume().on('end', resolve)).end()),
      ),
    );
    await tracing.forceFlush();
    assert.equal(receiver.spans.length, 0);
    assert.match(String(seen[0]?.traceparent), /^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
    assert.equal(seen[0]?.baggage, undefined);
  });
});
