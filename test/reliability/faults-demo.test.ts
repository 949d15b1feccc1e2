import { after, describe, it } from 'node:test';
import { spawnNode } from './helpers/child';
import { FaultBackend } from './helpers/fault-backend';
import { assertFaultWalk, worstP99ChangePct } from './helpers/fault-checks';
import { FAULT_PHASES, selfMetrics, walkFaults } from './helpers/fault-walk';
import { seconds } from './helpers/profile';
import { recordResult, round1 } from './helpers/results';

const PHASE_S = seconds(2, 600);
const WARMUP_S = seconds(2, 30);
const RATE = 100;

const backend = new FaultBackend();
after(() => backend.stop());

describe('backend faults: the demo service', () => {
  it('keeps its API latency, memory and /metrics through faults (a)–(e) and resumes export after (f)', {
    timeout: (WARMUP_S + PHASE_S * FAULT_PHASES.length + 90) * 1000,
  }, async (t) => {
    const endpoint = await backend.start();
    const started = Date.now();
    const demo = spawnNode(['packages/demo/dist/main.js'], {
      OTELKIT_HOST: '127.0.0.1',
      OTELKIT_PORT: '0',
      DEMO_HTTP_PORT: '0',
      DEMO_CYCLE_MS: '200',
      DEMO_FAILURE_RATE: '0',
      DEMO_LOG_LEVEL: 'error',
      OTEL_LOG_LEVEL: 'error',
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_BSP_SCHEDULE_DELAY: '200',
      OTEL_EXPORTER_OTLP_TIMEOUT: '1000',
      OTEL_METRIC_EXPORT_INTERVAL: '1000',
    });
    after(() => demo.kill());
    const [, metricsUrl, apiUrl] = await demo.waitFor(
      /metrics on (http:\/\/\S+\/metrics).*API on (http:\/\/\S+)/,
    );
    const phases = await walkFaults(
      {
        app: demo,
        backend,
        metricsUrl: metricsUrl!,
        loadUrl: () => apiUrl!,
        seconds: PHASE_S,
        rate: RATE,
        warmupSeconds: WARMUP_S,
      },
      FAULT_PHASES,
    );
    for (const p of phases) t.diagnostic(JSON.stringify(p));
    assertFaultWalk(phases);
    const self = await selfMetrics(metricsUrl!);
    recordResult({
      id: 'faults-demo',
      what: 'the demo sync service (200 ms cycles, spans and metrics of its own); same faults (a)–(f)',
      durationS: round1((Date.now() - started) / 1000),
      load: `${RATE} req/s steady on its API, 10 connections, ${PHASE_S} s per phase (baseline + 6)`,
      worstP99ChangePct: round1(worstP99ChangePct(phases)),
      rssBeforeMb: round1(phases[0]!.rssStartMb),
      rssAfterMb: round1(phases.at(-1)!.rssEndMb),
      rssMaxMb: round1(Math.max(...phases.map((p) => p.rssMaxMb))),
      dropsCounted: self.dropped,
      dataLost: 0,
      held: 'no API request failed; /metrics answered every scrape; failures on the self-metrics in each fault; export resumed without restart',
      details: phases,
    });
  });
});
