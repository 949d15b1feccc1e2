// Takes docs/status-page.png for the README: a demo service with checks, operations, a breaker.
// The history (charts) is filled with a synthetic 15-minute series, since a fresh process has none;
// everything else on the page is the live status of this process.
// Run: node --conditions=otelkit-source --import tsx packages/health/docs/screenshot.ts
import { join } from 'node:path';
import { createOperationMonitor, startTelemetry } from '@otelkit/core';
import { chromium } from 'playwright-core';
import { eventLoopDelayCheck, heapCheck, type StatusModel, startHealth } from '../src';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const telemetry = startTelemetry({
    host: '127.0.0.1',
    port: 0,
    serviceName: 'orders-api',
    serviceVersion: '2.4.1',
    environment: 'production',
    runtimeMetrics: false,
    env: {},
  });
  const address = await telemetry.ready;
  const health = startHealth(telemetry, { sampleIntervalMs: 0 });
  health.markReady();
  health.registerCheck('eventloop:delay', eventLoopDelayCheck({ warnMs: 100, failMs: 500 }), {
    kind: 'liveness',
  });
  health.registerCheck('memory:heap', heapCheck(), { kind: 'liveness' });
  health.registerCheck(
    'postgres:connections',
    () => ({ status: 'pass', observedValue: 12, observedUnit: 'connections' }),
    {
      componentType: 'datastore',
    },
  );
  health.registerCheck('payments:responseTime', () => ({
    status: 'warn',
    observedValue: 812,
    observedUnit: 'ms',
    output: 'https://payments.internal/healthz took 812 ms (status 200)',
  }));
  health.registerCheck(
    'search:ping',
    () => ({ status: 'fail', output: 'connect ECONNREFUSED 10.0.4.7:9200' }),
    {
      critical: false,
      componentType: 'component',
    },
  );
  const breakers = telemetry.getMeter('demo').createGauge('otelkit.circuit_breaker.state');
  for (const [name, current] of [
    ['payments', 'half_open'],
    ['search', 'open'],
    ['inventory', 'closed'],
  ] as const) {
    for (const state of ['closed', 'open', 'half_open'])
      breakers.record(state === current ? 1 : 0, { name, state });
  }
  const monitor = createOperationMonitor({ namespace: 'orders', meter: telemetry.getMeter('demo') });
  const work = (operation: string, ms: number, failRate: number) =>
    monitor
      .track(operation, async () => {
        await sleep(ms * (0.5 + Math.random()));
        if (Math.random() < failRate) throw new Error('boom');
      })
      .catch(() => undefined);
  const jobs: Promise<unknown>[] = [];
  for (let i = 0; i < 120; i++) jobs.push(work('create_order', 40, 0.01), work('list_orders', 12, 0));
  for (let i = 0; i < 30; i++) jobs.push(work('sync_inventory', 180, 0.1));
  await Promise.all(jobs);

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  await page.route('**/health/status.json', async (route) => {
    const response = await route.fetch();
    const model = (await response.json()) as StatusModel;
    const now = Date.parse(model.time);
    const points = Array.from({ length: 90 }, (_, i) => {
      const wave = Math.sin(i / 9) * 0.5 + 0.5;
      return {
        t: now - (89 - i) * 10_000,
        throughput: 38 + 22 * wave + 6 * Math.random(),
        errorRatio: i > 60 && i < 70 ? 0.04 + 0.02 * Math.random() : 0.004 * Math.random(),
        p95Ms: 70 + 50 * wave + 15 * Math.random(),
        eventLoopDelayP99Ms: 11 + 4 * Math.random() + (i > 60 && i < 70 ? 25 : 0),
        heapUsedBytes: (48 + i * 0.2 + 6 * Math.random()) * 1048576,
      };
    });
    await route.fulfill({ response, json: { ...model, history: { ...model.history, points } } });
  });
  await page.goto(`${address!.url}/`);
  await page.locator('tr[data-check="search:ping"]').waitFor();
  await page.locator('#charts svg path').first().waitFor();
  await page.screenshot({ path: join(__dirname, 'status-page.png'), fullPage: true });
  await browser.close();
  health.close();
  await telemetry.shutdown();
}

void main();
