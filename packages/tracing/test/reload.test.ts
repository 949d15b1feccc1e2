import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { setImmediate as tick } from 'node:timers/promises';
import { trace } from '@opentelemetry/api';
import { startTelemetry, type Telemetry } from '@otelkit/core';
import { OtlpReceiver } from '../../core/test/helpers/otlp-receiver';
import { startTracing, type Tracing } from '../src/index';

let telemetry: Telemetry | undefined;
let tracing: Tracing | undefined;
let receiver: OtlpReceiver | undefined;
afterEach(async () => {
  await tracing?.shutdown();
  await telemetry?.shutdown();
  await receiver?.stop();
  tracing = undefined;
  telemetry = undefined;
  receiver = undefined;
});

function sampled(count: number): number {
  let n = 0;
  for (let i = 0; i < count; i++) {
    const span = trace.getTracer('reload-test').startSpan('work');
    if (span.isRecording()) n++;
    span.end();
  }
  return n;
}

describe('tracing.samplerRatio in OTELKIT_CONFIG_FILE', () => {
  it('changes the sampling ratio at run time, and a bad ratio changes nothing', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'otelkit-reload-')), 'otelkit.yaml');
    writeFileSync(path, 'tracing:\n  samplerRatio: 0\n');
    telemetry = startTelemetry({ server: false, runtimeMetrics: false, logLevel: 'none', configFile: path });
    // An exporter, so that spans are recorded (with `none` alone no span is built).
    receiver = new OtlpReceiver();
    const endpoint = `${await receiver.start()}/v1/traces`;
    tracing = startTracing(telemetry, { endpoint, sampler: 'traceidratio', http: false, env: {} });
    await tick();
    assert.equal(sampled(200), 0);
    writeFileSync(path, 'tracing:\n  samplerRatio: 1\n');
    assert.equal(telemetry.reload()?.outcome, 'applied');
    assert.equal(sampled(200), 200);
    writeFileSync(path, 'tracing:\n  samplerRatio: 7\n');
    const rejected = telemetry.reload();
    assert.equal(rejected?.outcome, 'rejected');
    assert.match(rejected?.detail ?? '', /tracing\.samplerRatio in .*"?7"? is invalid/);
    assert.equal(sampled(200), 200, 'the previous ratio stays');
  });
});
