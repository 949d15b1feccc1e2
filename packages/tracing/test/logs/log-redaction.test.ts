import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { startTelemetry, type Telemetry } from '@otelkit/core';
import fc from 'fast-check';
import { type OtlpReceiver, startOtlpReceiver } from '../../../../test/tracing/helpers/otlp-receiver';
import { createLogger } from '../../src/logs/logger';
import { traced } from '../../src/traced';
import { startTracing, type Tracing } from '../../src/tracing';
import { inText, nested, secret } from '../redact/secret-shapes';

const sink = new Writable({
  write(_chunk, _enc, cb) {
    cb();
  },
});

describe('redaction of exported log records (property, OTLP payload at a real receiver)', () => {
  let receiver: OtlpReceiver;
  let telemetry: Telemetry;
  let tracing: Tracing;

  before(async () => {
    receiver = await startOtlpReceiver();
    telemetry = startTelemetry({ serviceName: 'redact-logs', server: false, runtimeMetrics: false, env: {} });
    tracing = startTracing(telemetry, {
      exporters: ['none'],
      http: false,
      env: {},
      logs: { exporters: ['otlp'], endpoint: `${receiver.url}/v1/logs`, scheduledDelayMs: 600_000 },
    });
  });

  after(async () => {
    await telemetry.shutdown();
    await receiver.close();
  });

  it('lets no generated secret reach the OTLP logs payload: fields, message, format args, errors, child bindings', async () => {
    await fc.assert(
      fc.asyncProperty(
        secret.chain((s) => fc.tuple(fc.constant(s), nested(s), inText(s))),
        async ([s, obj, text]) => {
          const first = receiver.logBodies.length;
          const records = receiver.logs.length;
          const log = createLogger({ name: 'prop', destination: sink });
          traced('work', () => {
            log.info(obj as object, text);
            log.error(new Error(text), 'failed');
            log.child({ session_token: s, user: 'u' }).warn({ err: new Error(`db ${text}`) }, 'child');
            log.info('plain %s and %j', text, obj as object);
          });
          await tracing.forceFlush();
          assert.equal(receiver.logs.length - records, 4, 'four records exported');
          const payload = Buffer.concat(receiver.logBodies.slice(first)).toString('latin1');
          assert.ok(!payload.includes(s), `secret in the OTLP payload: ${payload}`);
          assert.ok(!JSON.stringify(receiver.logs.slice(records)).includes(s));
          assert.ok(payload.includes('visible'), 'the rest of the fields is there');
        },
      ),
      { numRuns: 60 },
    );
  });
});
