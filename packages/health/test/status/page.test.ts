import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createOperationMonitor } from '@otelkit/core';
import { chromium } from 'playwright-core';
import { startHealth } from '../../src';
import { fetchText, startTestTelemetry } from '../helpers';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe('status page (headless Chromium)', () => {
  it('loads without console errors and shows a check failing within one refresh', async () => {
    const { telemetry, url } = await startTestTelemetry();
    const refreshMs = 400;
    const health = startHealth(telemetry, { sampleIntervalMs: 200, statusRefreshMs: refreshMs });
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      health.markReady();
      let db: 'pass' | 'fail' = 'pass';
      health.registerCheck(
        'db:ping',
        () => ({ status: db, output: db === 'fail' ? 'connection refused' : undefined }),
        {
          cacheMs: 0,
        },
      );
      health.registerCheck('evil:check', () => ({
        status: 'warn',
        output: '<img src=x onerror="window.pwned=1">',
      }));
      const monitor = createOperationMonitor({ namespace: 'orders', meter: telemetry.getMeter('test') });
      for (let i = 0; i < 20; i++) monitor.track('checkout', () => i);
      const breakers = telemetry.getMeter('breaker-test').createGauge('otelkit.circuit_breaker.state');
      breakers.record(1, { name: 'payments', state: 'open' });

      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      const response = await page.goto(`${url}/`);
      assert.equal(response?.status(), 200);
      assert.match(response?.headers()['content-security-policy'] ?? '', /default-src 'none'/);

      await page.locator('tr[data-check="db:ping"][data-status="pass"]').waitFor({ timeout: 5_000 });
      assert.equal(await page.locator('#service').textContent(), 'health-test');
      assert.equal(await page.locator('[data-breaker="payments"] .badge').textContent(), 'open');
      const row = page.locator('tr[data-operation="orders/checkout"]');
      await row.waitFor();
      assert.match((await row.textContent()) ?? '', /checkout/);
      assert.ok((await page.locator('#charts svg').count()) >= 5);
      const evil = page.locator('tr[data-check="evil:check"]');
      assert.match((await evil.textContent()) ?? '', /<img src=x onerror=/);
      assert.equal(await evil.locator('img').count(), 0);
      assert.equal(await page.evaluate(() => (globalThis as { pwned?: number }).pwned), undefined);

      db = 'fail';
      const failedAt = Date.now();
      const failing = page.locator('tr[data-check="db:ping"][data-status="fail"]');
      await failing.waitFor({ timeout: refreshMs + 1_000 });
      assert.ok(Date.now() - failedAt <= refreshMs + 1_000);
      assert.match((await failing.textContent()) ?? '', /connection refused/);
      assert.equal(await page.locator('#overall .badge').textContent(), 'fail');
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
      health.close();
      await telemetry.shutdown();
    }
  });

  it('is one self-contained document: no external scripts, styles, images or fonts', async () => {
    const { telemetry, url } = await startTestTelemetry();
    const health = startHealth(telemetry, { sampleIntervalMs: 0 });
    try {
      const html = (await fetchText(`${url}/`)).body;
      assert.match(html, /^<!doctype html>/);
      assert.doesNotMatch(
        html,
        /<script[^>]+src=|<link[^>]+stylesheet|https?:\/\/(?!www\.w3\.org\/2000\/svg)/,
      );
    } finally {
      health.close();
      await telemetry.shutdown();
    }
  });
});
