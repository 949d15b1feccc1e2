import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import { type ReceiverMode, startOtlpReceiver } from './helpers/otlp-receiver';
import { spawnService } from './helpers/spawn-service';

const OTLP_TIMEOUT_MS = 2_000;
const REQUESTS = 300;

interface Stats {
  exports: Array<{ signal: string; exporter: string; successes: number; failures: number; dropped: number }>;
}

/** A loopback port with nothing listening (connections are refused). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

async function exercise(endpoint: string) {
  const service = await spawnService({
    SERVICE_NAME: 'broken-export',
    OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
    OTEL_EXPORTER_OTLP_TIMEOUT: String(OTLP_TIMEOUT_MS),
    OTEL_BSP_SCHEDULE_DELAY: '20',
    OTEL_BSP_MAX_QUEUE_SIZE: '20',
    OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '10',
    OTEL_BSP_EXPORT_TIMEOUT: String(OTLP_TIMEOUT_MS),
    OTEL_LOG_LEVEL: 'none',
  });
  try {
    let slowest = 0;
    for (let i = 0; i < REQUESTS; i += 10) {
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          const started = performance.now();
          const response = await fetch(`${service.url}/work`);
          await response.arrayBuffer();
          assert.equal(response.status, 200);
          slowest = Math.max(slowest, performance.now() - started);
        }),
      );
    }
    // Let the last batches fail before reading the counters.
    let traces: Stats['exports'][number] | undefined;
    for (let i = 0; i < 100; i++) {
      const stats = (await (await fetch(`${service.url}/stats`)).json()) as Stats;
      traces = stats.exports.find((s) => s.signal === 'traces');
      if (traces !== undefined && traces.failures > 0 && traces.dropped > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    return { slowest, traces };
  } finally {
    await service.stop();
  }
}

describe('a broken OTLP endpoint', () => {
  for (const mode of ['refused', 'error', 'hang'] as const) {
    it(`(${mode}) neither slows requests past the export timeout nor queues without bound, and is counted`, async () => {
      const receiver = mode === 'refused' ? undefined : await startOtlpReceiver(mode as ReceiverMode);
      try {
        const endpoint = receiver?.url ?? `http://127.0.0.1:${await closedPort()}`;
        const { slowest, traces } = await exercise(endpoint);
        assert.ok(slowest < OTLP_TIMEOUT_MS, `slowest request took ${slowest} ms`);
        assert.ok(traces, 'no trace export stats');
        assert.equal(traces.exporter, 'otlp');
        assert.equal(traces.successes, 0);
        assert.ok(traces.failures > 0 || mode === 'hang', `failures: ${traces.failures}`);
        // 300 server spans through a queue of 20 that cannot drain: most must have been dropped.
        assert.ok(traces.dropped > 0, `dropped: ${traces.dropped}`);
      } finally {
        await receiver?.close();
      }
    });
  }
});
