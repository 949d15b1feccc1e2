import assert from 'node:assert/strict';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { FIXTURES, observabilityUrl, preloadEnv, spawnNode } from './helpers/child';
import { FaultBackend } from './helpers/fault-backend';
import { seconds } from './helpers/profile';
import { recordResult, round1 } from './helpers/results';
import { RssSampler } from './helpers/rss';

const LOAD_S = seconds(1.5, 120);
const WORKERS = 8;
const REQUEST_MS = 100;

/** One GET on a fresh connection: the status, or the error code. */
function get(port: number, path: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    req.end();
  });
}

const backend = new FaultBackend();
after(() => backend.stop());

describe('process lifecycle under load (the preload, a plain http app)', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal}: readiness fails first, no accepted request is dropped, every span arrives, exit 0`, async (t) => {
      const endpoint = await backend.start();
      const started = Date.now();
      const app = spawnNode(
        ['--require', '@otelkit/register', join(FIXTURES, 'http-app.cjs')],
        preloadEnv({
          OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
          // Spans leave only at shutdown (or in full batches): the flush on the way out is what is tested.
          OTEL_BSP_SCHEDULE_DELAY: '600000',
          OTELKIT_SHUTDOWN_DELAY_MS: '500',
          REQUEST_MS: String(REQUEST_MS),
        }),
      );
      after(() => app.kill());
      const port = Number((await app.waitFor(/app listening (\d+)/))[1]);
      const base = await observabilityUrl(app);
      assert.equal((await fetch(`${base}/readyz`)).status, 200);
      const rss = new RssSampler(app.pid);
      const prefix = `/${signal.toLowerCase()}-`;

      // A load balancer: workers send requests until it sees readiness fail, then stop.
      let balancerStopped = false;
      let readinessFailedAt = 0;
      let signalledAt = 0;
      const outcomes = new Map<string, number>();
      const answered: string[] = [];
      let firstRefusedAt = 0;
      const worker = async (w: number) => {
        for (let n = 0; !balancerStopped; n++) {
          const path = `${prefix}${w}-${n}`;
          const outcome = await get(port, path);
          outcomes.set(String(outcome), (outcomes.get(String(outcome)) ?? 0) + 1);
          if (outcome === 200) answered.push(path);
          if (outcome === 'ECONNREFUSED' && firstRefusedAt === 0) firstRefusedAt = Date.now();
        }
      };
      const poller = (async () => {
        while (!balancerStopped) {
          const status = await fetch(`${base}/readyz`).then(
            (r) => r.status,
            () => 0,
          );
          if (status !== 200 && signalledAt > 0) {
            readinessFailedAt = Date.now();
            balancerStopped = true;
          }
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      const workers = Array.from({ length: WORKERS }, (_, w) => worker(w));
      await new Promise((r) => setTimeout(r, LOAD_S * 1000));
      const answeredBeforeSignal = answered.length;
      signalledAt = Date.now();
      app.process.kill(signal);
      await poller;
      // The listener is still open after readiness failed: requests routed late are still served.
      const late = await get(port, `${prefix}late`);
      await Promise.all(workers);
      const code = await app.exited;
      rss.stop();

      const failures = [...outcomes].filter(([o]) => o !== '200' && o !== 'ECONNREFUSED');
      const missing = answered.filter((p) => (backend.spansByPath.get(p) ?? 0) === 0);
      const figures = {
        answeredBeforeSignal,
        answered: answered.length,
        outcomes: Object.fromEntries(outcomes),
        readinessFailedAfterMs: readinessFailedAt - signalledAt,
        firstRefusedAfterMs: firstRefusedAt === 0 ? undefined : firstRefusedAt - signalledAt,
        late,
        code,
        spansMissing: missing.length,
      };
      t.diagnostic(JSON.stringify(figures));
      assert.equal(code, 0, 'exit code 0 after a clean shutdown (packages/health/README.md)');
      assert.equal(late, 200, 'the app still served after readiness failed');
      assert.deepEqual(failures, [], 'no accepted request failed');
      assert.ok(
        firstRefusedAt === 0 || firstRefusedAt >= readinessFailedAt,
        'readiness failed before the listener closed',
      );
      assert.ok(answeredBeforeSignal > 0);
      assert.equal(
        missing.length,
        0,
        `every answered request's span reached the backend (missing e.g. ${missing[0]})`,
      );
      recordResult({
        id: `lifecycle-${signal.toLowerCase()}`,
        what: `${signal} during steady load: readiness, drain, flush, exit code`,
        durationS: round1((Date.now() - started) / 1000),
        load: `${WORKERS} closed-loop clients, ${REQUEST_MS} ms handlers, ${LOAD_S} s before the signal`,
        rssBeforeMb: round1(rss.first ?? 0),
        rssAfterMb: round1(rss.last ?? 0),
        rssMaxMb: round1(rss.max),
        dropsCounted: 0,
        dataLost: failures.length + missing.length,
        held: `readiness 503 ${figures.readinessFailedAfterMs} ms after the signal; ${answered.length} requests answered, none dropped; all their spans delivered; exit 0`,
        details: figures,
      });
    });
  }
});

describe('an uncaught error in the app (with and without the preload)', () => {
  for (const crash of ['throw', 'reject'] as const) {
    it(`crashes as it would without otelkit: same exit code, same stderr (${crash})`, async () => {
      const endpoint = await backend.start();
      const fixture = join(FIXTURES, 'crash-app.cjs');
      const plain = spawnNode([fixture], { CRASH: crash });
      const preloaded = spawnNode(
        ['--require', '@otelkit/register', fixture],
        preloadEnv({
          CRASH: crash,
          OTEL_LOG_LEVEL: 'error',
          OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
          // No batch leaves on its own before the crash: the span arrives only if it is sent on the way out.
          OTEL_BSP_SCHEDULE_DELAY: '600000',
        }),
      );
      const [plainCode, preloadedCode] = await Promise.all([plain.exited, preloaded.exited]);
      assert.equal(plainCode, 1);
      assert.equal(preloadedCode, plainCode, preloaded.stderr);
      assert.match(preloaded.stdout, /served before-crash/);
      assert.equal(preloaded.stderr, plain.stderr, 'the same message and stack, nothing swallowed or added');
      const flushed = backend.spansUnder('/before-crash') > 0;
      assert.ok(flushed, 'the span of the request served before the crash reached the backend');
      recordResult({
        id: `lifecycle-uncaught-${crash}`,
        what: `an ${crash === 'throw' ? 'uncaught exception' : 'unhandled rejection'} in the app after it served a request`,
        durationS: 0,
        load: '-',
        held: `exit code ${preloadedCode} and stderr identical to the app without otelkit; span of the earlier request delivered on the way out`,
        dataLost: 0,
      });
    });
  }
});
