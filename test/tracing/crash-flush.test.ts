import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ReceivedSpan, startOtlpReceiver } from './helpers/otlp-receiver';
import { spawnService } from './helpers/spawn-service';

/** Long enough that no batch leaves on its own during a test: what arrives was sent on the way out. */
const NO_SCHEDULED_EXPORT = { OTEL_BSP_SCHEDULE_DELAY: '600000', OTEL_BLRP_SCHEDULE_DELAY: '600000' };

async function get(url: string): Promise<void> {
  const response = await fetch(url);
  await response.arrayBuffer();
  assert.equal(response.status, 200);
}

/** Sends GET /crash; the service never answers it (it dies, or its handler is gone). */
function crash(url: string): void {
  fetch(`${url}/crash`).then(
    (response) => response.arrayBuffer(),
    () => {},
  );
}

function serverSpan(spans: ReceivedSpan[], path: string): ReceivedSpan | undefined {
  return spans.find((s) => s.kind === 2 && s.attributes['url.path'] === path);
}

describe('an uncaught error that ends the process', () => {
  for (const [mode, type, message] of [
    ['throw', 'RangeError', 'thrown in a request'],
    ['reject', 'TypeError', 'rejected in a request'],
    ['sync', 'SyntaxError', 'thrown by a request handler'],
  ] as const) {
    it(`sends the buffered spans and the failed request's span before the process exits (${mode})`, async () => {
      const receiver = await startOtlpReceiver();
      try {
        const service = await spawnService(
          { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, CRASH: mode, ...NO_SCHEDULED_EXPORT },
          'crash-service.cjs',
        );
        await get(`${service.url}/ok`);
        crash(service.url);
        const code = await service.exited;
        assert.equal(code, 1, service.stderr());
        assert.match(service.stderr(), new RegExp(`${type}: ${message}`), 'the app error still printed');
        // Everything arrived before the process was gone: nothing is waited for after the exit.
        const spans = receiver.spans;
        assert.ok(serverSpan(spans, '/ok'), `the finished request: ${JSON.stringify(spans)}`);
        assert.ok(
          spans.some((s) => s.name === 'step before the crash'),
          'the finished step',
        );
        const failed = serverSpan(spans, '/crash');
        assert.ok(failed, 'the request that was running when the error came');
        assert.equal(failed.status.code, 2, 'status ERROR');
        assert.equal(failed.status.message, message);
        assert.equal(failed.attributes['error.type'], type);
        const exception = failed.events.find((e) => e.name === 'exception');
        assert.equal(failed.events.filter((e) => e.name === 'exception').length, 1, 'recorded once');
        assert.equal(exception?.attributes['exception.type'], type);
        assert.equal(exception?.attributes['exception.message'], message);
        assert.equal(receiver.requests, 2, 'one OTLP request per signal on the way out');
        // The last log lines too, in the failed request's trace.
        assert.ok(
          receiver.logs.some((l) => l.body === 'ok served'),
          JSON.stringify(receiver.logs),
        );
        const last = receiver.logs.find((l) => l.body === 'last words before the crash');
        assert.ok(last, `the line logged just before the crash: ${JSON.stringify(receiver.logs)}`);
        assert.equal(last.traceId, failed.traceId);
        assert.equal(last.severityText, 'WARN');
        assert.equal(last.attributes.step, 'last');
      } finally {
        await receiver.close();
      }
    });
  }

  it('leaves the spans alone when the app handles the error (an uncaughtException listener)', async () => {
    const receiver = await startOtlpReceiver();
    try {
      const service = await spawnService(
        { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, HANDLED: '1', ...NO_SCHEDULED_EXPORT },
        'crash-service.cjs',
      );
      await get(`${service.url}/ok`);
      crash(service.url);
      for (let i = 0; i < 200 && !service.stdout().includes('HANDLED'); i++) {
        await new Promise((r) => setTimeout(r, 10));
      }
      assert.match(service.stdout(), /HANDLED thrown in a request/);
      await get(`${service.url}/ok`);
      assert.equal(receiver.requests, 0, 'nothing sent early: the process lives on');
      assert.equal(receiver.logs.length, 0);
      assert.equal(await service.stop(), 0);
      const spans = await receiver.waitFor(
        (s) => s.filter((x) => x.attributes['url.path'] === '/ok').length === 2,
      );
      assert.equal(serverSpan(spans, '/crash'), undefined, 'the open request was not ended for the app');
    } finally {
      await receiver.close();
    }
  });

  it('waits no longer than the OTLP timeout for a backend that does not answer', async () => {
    const receiver = await startOtlpReceiver('hang');
    try {
      const service = await spawnService(
        {
          OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
          // long enough for a fresh export thread to start and send on a busy machine
          OTEL_EXPORTER_OTLP_TIMEOUT: '1500',
          CRASH: 'throw',
          ...NO_SCHEDULED_EXPORT,
        },
        'crash-service.cjs',
      );
      await get(`${service.url}/ok`);
      const started = performance.now();
      crash(service.url);
      assert.equal(await service.exited, 1);
      const waited = performance.now() - started;
      assert.ok(waited < 4_500, `exited ${Math.round(waited)} ms after the request`);
      assert.equal(receiver.requests, 2, 'the span and log exports were attempted');
      assert.match(service.stderr(), /RangeError: thrown in a request/);
      assert.match(service.stderr(), /spans lost/, 'the loss is reported');
    } finally {
      await receiver.close();
    }
  });
});
