import assert from 'node:assert/strict';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Child, FIXTURES, observabilityUrl, preloadEnv, spawnNode } from './helpers/child';
import { seconds } from './helpers/profile';
import { recordResult, round1 } from './helpers/results';
import { RssSampler } from './helpers/rss';

const USER = 'scraper';
const PASSWORD = 's3cret-password';
const AUTH = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
const HALF_OPEN = 500;
const SCRAPERS = 10;
const DURATION_S = seconds(30, 300);
const PROBE_BOUND_MS = 1_000;
/** How soon the attacker reopens a connection the server closed. */
const RECONNECT_MS = 500;

/** One GET on a fresh connection (as the kubelet probes), timed; status 0 when refused or too slow. */
function probe(url: string, timeoutMs: number, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; ms: number }>((resolve) => {
    const started = performance.now();
    const done = (status: number) => resolve({ status, ms: performance.now() - started });
    const req = request(url, { agent: false, headers, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
      res.on('error', () => done(0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => done(0));
    req.end();
  });
}

let app: Child;
let abuser: Child | undefined;
let base: string;
let appUrl: string;
let rss: RssSampler;

before(async () => {
  app = spawnNode(
    ['--require', '@otelkit/register', join(FIXTURES, 'http-app.cjs')],
    preloadEnv({
      OTELKIT_AUTH_USERNAME: USER,
      OTELKIT_AUTH_PASSWORD: PASSWORD,
      OTEL_TRACES_EXPORTER: 'none',
      OTEL_LOG_LEVEL: 'debug',
    }),
  );
  appUrl = `http://127.0.0.1:${(await app.waitFor(/app listening (\d+)/))[1]}`;
  base = await observabilityUrl(app);
  rss = new RssSampler(app.pid);
});

after(() => {
  rss.stop();
  abuser?.kill();
  app.kill();
});

describe('probes under abuse of the observability port (through the preload)', () => {
  it(`/livez and /readyz answer within ${PROBE_BOUND_MS} ms every second for ${DURATION_S} s with ${HALF_OPEN} half-open connections and ${SCRAPERS} scrapers`, {
    timeout: (DURATION_S + 60) * 1_000,
  }, async () => {
    const started = Date.now();
    // The abuse runs in its own process, so this one only times the probes.
    abuser = spawnNode([join(FIXTURES, 'port-abuser.cjs')], {
      PORT: new URL(base).port,
      HALF_OPEN: String(HALF_OPEN),
      RECONNECT_MS: String(RECONNECT_MS),
      SCRAPERS: String(SCRAPERS),
      AUTHORIZATION: AUTH,
    });
    await abuser.waitFor(/abusing/);
    // Let the attack reach the connection cap before the first probe.
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    const samples: Array<{ path: string; status: number; ms: number }> = [];
    const appMs: number[] = [];
    for (let second = 0; second < DURATION_S; second++) {
      const tick = performance.now();
      const [live, ready, request] = await Promise.all([
        probe(`${base}/livez`, PROBE_BOUND_MS),
        probe(`${base}/readyz`, PROBE_BOUND_MS),
        probe(`${appUrl}/`, 10_000),
      ]);
      samples.push({ path: '/livez', ...live }, { path: '/readyz', ...ready });
      appMs.push(request.ms);
      const wait = 1_000 - (performance.now() - tick);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const running = abuser;
    running.process.kill('SIGTERM');
    await running.exited;
    const abuse = JSON.parse(running.stdout.trim().split('\n').at(-1)!) as {
      opened: number;
      scrapesOk: number;
      scrapesFailed: number;
    };

    const failed = samples.filter((s) => s.status !== 200 || s.ms >= PROBE_BOUND_MS);
    const probeMs = samples.map((s) => s.ms).sort((a, b) => a - b);
    const worstProbeMs = probeMs.at(-1) ?? 0;
    const sortedApp = [...appMs].sort((a, b) => a - b);
    const figures = {
      seconds: DURATION_S,
      probes: samples.length,
      probesFailed: failed.length,
      probeP50Ms: round1(probeMs[Math.floor(probeMs.length / 2)] ?? 0),
      probeP95Ms: round1(probeMs[Math.floor(probeMs.length * 0.95)] ?? 0),
      worstProbeMs: round1(worstProbeMs),
      attackConnectionsOpened: abuse.opened,
      scrapesOk: abuse.scrapesOk,
      scrapesFailed: abuse.scrapesFailed,
      appRequestP50Ms: round1(sortedApp[Math.floor(sortedApp.length / 2)] ?? 0),
      appRequestMaxMs: round1(sortedApp.at(-1) ?? 0),
    };
    assert.deepEqual(failed, [], `every probe 200 within ${PROBE_BOUND_MS} ms: ${JSON.stringify(figures)}`);
    assert.ok(abuse.scrapesOk > 0, 'the scrape storm was served');
    assert.equal(
      (await probe(`${base}/livez`, PROBE_BOUND_MS)).status,
      200,
      'still serving after the attack',
    );
    recordResult({
      id: 'hostile-probes',
      what: `observability port under abuse: ${HALF_OPEN} half-open connections (reopened 500 ms after the server closes one) and ${SCRAPERS} scrapers in a loop`,
      durationS: round1((Date.now() - started) / 1000),
      load: `${HALF_OPEN} half-open sockets (${abuse.opened} opened in all), ${SCRAPERS} concurrent scrape loops (${abuse.scrapesOk} scrapes), probes every second on fresh connections`,
      rssBeforeMb: round1(rss.first ?? 0),
      rssAfterMb: round1(rss.last ?? 0),
      rssMaxMb: round1(rss.max),
      dataLost: 0,
      held: `every /livez and /readyz 200 within ${PROBE_BOUND_MS} ms (worst ${Math.round(worstProbeMs)} ms); app requests max ${Math.round(figures.appRequestMaxMs)} ms`,
      details: figures,
    });
  });
});
