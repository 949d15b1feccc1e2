import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { FIXTURES, observabilityUrl, preloadEnv, spawnNode } from './helpers/child';
import { FaultBackend } from './helpers/fault-backend';
import { assertFaultWalk, assertLogsWalk, type LogBounds, worstP99ChangePct } from './helpers/fault-checks';
import { FAULT_PHASES, type LogCalls, selfMetrics, walkFaults } from './helpers/fault-walk';
import { seconds } from './helpers/profile';
import { recordResult, round1 } from './helpers/results';
import { sumOf } from './helpers/scrape';

const PHASE_S = seconds(3, 600);
const WARMUP_S = seconds(2, 30);
const RATE = 200;
/**
 * Log export of the app: the OTLP timeout of every signal, and a small queue (half a second of the
 * load) so that a hanging backend fills it and the drops at the full queue show in the short run too.
 */
const LOGS: LogBounds & { readonly maxQueueSize: number } = {
  exportTimeoutMs: 1000,
  maxExportBatchSize: 50,
  maxQueueSize: 100,
};

const backend = new FaultBackend();
/** The control app's backend: healthy throughout. */
const controlBackend = new FaultBackend();
after(() => Promise.all([backend.stop(), controlBackend.stop()]));

/** The app under the preload, exporting to `endpoint`; resolves with it and its ports once it listens. */
async function startApp(endpoint: string, name: string) {
  const app = spawnNode(
    ['--require', '@otelkit/register', join(FIXTURES, 'http-app.cjs')],
    preloadEnv({
      OTEL_SERVICE_NAME: name,
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_BSP_SCHEDULE_DELAY: '200',
      OTEL_EXPORTER_OTLP_TIMEOUT: String(LOGS.exportTimeoutMs),
      OTEL_METRIC_EXPORT_INTERVAL: '1000',
      // Every request is logged through createLogger, and each line is an OTLP log record too.
      APP_LOG: '1',
      OTEL_BLRP_SCHEDULE_DELAY: '200',
      OTEL_BLRP_MAX_QUEUE_SIZE: String(LOGS.maxQueueSize),
      OTEL_BLRP_MAX_EXPORT_BATCH_SIZE: String(LOGS.maxExportBatchSize),
    }),
  );
  after(() => app.kill());
  const port = (await app.waitFor(/app listening (\d+)/))[1];
  const logStats = async (): Promise<LogCalls> =>
    (await (await fetch(`http://127.0.0.1:${port}/log-stats`)).json()) as LogCalls;
  return { app, port, logStats, metricsUrl: `${await observabilityUrl(app)}/metrics` };
}

describe('backend faults: a plain http app under the preload', () => {
  it('keeps its latency, memory, /metrics and logging through faults (a)–(e), counts every lost span and log record, and resumes after (f)', {
    timeout: (WARMUP_S + PHASE_S * FAULT_PHASES.length + 90) * 1000,
  }, async (t) => {
    const endpoint = await backend.start();
    const started = Date.now();
    // Two copies of the app, loaded the same way at the same time: one exports to the fault backend,
    // the control to a healthy one. Each phase's p99 is held to the control's over the same minutes.
    const [{ app, port, metricsUrl, logStats }, control] = await Promise.all([
      startApp(endpoint, 'reliability-http-app'),
      controlBackend.start().then((url) => startApp(url, 'reliability-http-app-control')),
    ]);

    const phases = await walkFaults(
      {
        app,
        backend,
        metricsUrl,
        loadUrl: (p) => `http://127.0.0.1:${port}/phase-${p}`,
        seconds: PHASE_S,
        rate: RATE,
        warmupSeconds: WARMUP_S,
        spansOf: (p) => backend.spansUnder(`/phase-${p}`),
        logStats,
        logsOf: (p) => backend.logsUnder(`/phase-${p}`),
        control: { loadUrl: (p) => `http://127.0.0.1:${control.port}/phase-${p}` },
      },
      FAULT_PHASES,
    );
    for (const p of phases) t.diagnostic(JSON.stringify({ ...p, load: { ...p.load } }));
    assertFaultWalk(phases);
    assertLogsWalk(phases, LOGS);

    // Every span is either delivered or counted as dropped. The app counts its server requests itself
    // (http.server.request.duration, app requests and /metrics scrapes alike, recorded as each ends):
    // that count = spans the backend received + otelkit_exporter_dropped_total{signal="traces"}.
    // The same for log records: the app's log calls = records received + dropped{signal="logs"}.
    let received = 0;
    let dropped = 0;
    let created = 0;
    let logCalls = 0;
    let logsReceived = 0;
    let logsDropped = 0;
    const deadline = Date.now() + 15_000;
    for (;;) {
      const self = await selfMetrics(metricsUrl);
      dropped = self.tracesDropped;
      created = sumOf(self.text, 'http_server_request_duration_seconds_count');
      received = backend.spansUnder('/');
      logsDropped = self.logs.dropped;
      logCalls = (await logStats()).calls;
      logsReceived = backend.logsUnder('/');
      const balanced = received + dropped === created && logsReceived + logsDropped === logCalls;
      if (balanced || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    t.diagnostic(`spans created ${created}, received ${received}, dropped and counted ${dropped}`);
    t.diagnostic(`log records ${logCalls}, received ${logsReceived}, dropped and counted ${logsDropped}`);
    assert.ok(dropped > 0, 'the faults cost spans, and they were counted');
    assert.equal(
      received + dropped,
      created,
      `created ${created} = received ${received} + dropped ${dropped}`,
    );
    assert.ok(logsDropped > 0, 'the faults cost log records, and they were counted');
    assert.equal(
      logsReceived + logsDropped,
      logCalls,
      `log calls ${logCalls} = received ${logsReceived} + dropped ${logsDropped}`,
    );
    // No loss where none is promised: with the backend up, every answered request's span and log
    // record arrive.
    const baseline = phases[0]!;
    const recovered = phases.at(-1)!;
    const lost = (of: (prefix: string) => number, phase: (typeof phases)[number]) =>
      Math.max(0, phase.load.ok - of(`/phase-${phase.name}`));
    const spans = (prefix: string) => backend.spansUnder(prefix);
    const records = (prefix: string) => backend.logsUnder(prefix);
    const lostBaseline = lost(spans, baseline) + lost(records, baseline);
    // (log records turned away by the full queue when the backend returns are counted drops, below)
    const lostRecovered = lost(spans, recovered);
    assert.equal(lost(spans, baseline), 0, 'no span lost with a healthy backend');
    assert.equal(lost(spans, recovered), 0, 'no span lost once the backend is back');
    assert.equal(lost(records, baseline), 0, 'no log record lost with a healthy backend');
    // The log queue is small on purpose, so the down backend left it full; it turns records away until
    // the export in flight when the backend came back ends, retrying for up to the export timeout: at
    // most that much of the load (plus half again for a busy machine), counted above, and none after.
    // The spans' queue (2048) never fills at this load.
    const lostOnReturn = (RATE * LOGS.exportTimeoutMs * 1.5) / 1000;
    assert.ok(
      lost(records, recovered) <= lostOnReturn,
      `${lost(records, recovered)} log records lost once the backend is back (at most ${lostOnReturn}: one export timeout of load)`,
    );

    recordResult({
      id: 'faults-http-app',
      what: 'plain http app under the preload, logging every request (OTLP log records too); backend (a) refuses, (b) hangs, (c) 500, (d) 429 + Retry-After, (e) resets, (f) comes back',
      durationS: round1((Date.now() - started) / 1000),
      load: `${RATE} req/s steady, 10 connections, ${PHASE_S} s per phase (baseline + 6); the same on a control copy at the same time`,
      worstP99ChangePct: round1(worstP99ChangePct(phases)),
      rssBeforeMb: round1(phases[0]!.rssStartMb),
      rssAfterMb: round1(phases.at(-1)!.rssEndMb),
      rssMaxMb: round1(Math.max(...phases.map((p) => p.rssMaxMb))),
      dropsCounted: dropped + logsDropped,
      dataLost:
        lostBaseline +
        lostRecovered +
        Math.max(0, created - received - dropped) +
        Math.max(0, logCalls - logsReceived - logsDropped),
      held: `p99 of every fault phase within the bound of the control's over the same minutes; no app request failed; /metrics answered every scrape; failures on the self-metrics (spans and logs) in each fault; export resumed without restart; spans created = received + dropped (counted); log calls = records received + dropped (counted: ${logsDropped}, ${dropped} spans), slowest log call ${round1(Math.max(...phases.map((p) => p.logs?.maxCallMs ?? 0)))} ms`,
      details: phases,
    });
  });
});
