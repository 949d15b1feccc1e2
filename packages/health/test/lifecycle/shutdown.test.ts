import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { setImmediate as tick } from 'node:timers/promises';
import { DiagLogLevel, diag } from '@opentelemetry/api';
import FakeTimers from '@sinonjs/fake-timers';

type InstalledClock = ReturnType<typeof FakeTimers.install>;

import { Lifecycle } from '../../src/lifecycle/lifecycle';
import { runShutdown, type ShutdownHook, type ShutdownPlan } from '../../src/lifecycle/shutdown';

describe('runShutdown', () => {
  let clock: InstalledClock;
  beforeEach(() => {
    clock = FakeTimers.install({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
  });
  afterEach(() => clock.uninstall());

  function plan(steps: string[], hooks: ShutdownHook[], overrides: Partial<ShutdownPlan> = {}): ShutdownPlan {
    const lifecycle = new Lifecycle();
    lifecycle.markReady();
    return {
      lifecycle,
      delayMs: 5_000,
      timeoutMs: 1_000,
      hooks: () => hooks,
      servers: () => [],
      flush: async () => {
        steps.push('flush');
      },
      ...overrides,
    };
  }

  it('drains readiness at once, waits the delay, then runs hooks in order and flushes', async () => {
    const steps: string[] = [];
    const p = plan(steps, [() => void steps.push('hook 1'), async () => void steps.push('hook 2')]);
    const done = runShutdown(p, 'SIGTERM');
    assert.deepEqual(p.lifecycle.state, { phase: 'draining', since: Date.now(), reason: 'SIGTERM' });
    await clock.tickAsync(4_999);
    assert.deepEqual(steps, []);
    await clock.tickAsync(1);
    assert.deepEqual(await done, { ok: true, failures: [] });
    assert.deepEqual(steps, ['hook 1', 'hook 2', 'flush']);
  });

  it('gives up on hooks after the deadline, reports the failure and still flushes', async () => {
    const steps: string[] = [];
    const p = plan(steps, [() => new Promise<void>(() => {})], { delayMs: 0 });
    const done = runShutdown(p, 'SIGINT');
    await clock.tickAsync(1_000);
    const result = await done;
    assert.equal(result.ok, false);
    assert.deepEqual(result.failures, ['beforeShutdown: beforeShutdown timed out after 1000 ms']);
    assert.deepEqual(steps, ['flush']);
  });

  it('reports a hook that throws and a failing flush, and never rejects', async () => {
    const p = plan([], [() => Promise.reject(new Error('queue close failed'))], {
      delayMs: 0,
      flush: () => Promise.reject(new Error('exporter down')),
    });
    const result = await runShutdown(p, 'test');
    assert.deepEqual(result.failures, [
      'beforeShutdown: queue close failed',
      'telemetry flush: exporter down',
    ]);
  });
  it('gives the telemetry flush three times the step deadline', async () => {
    const slowFlush = (ms: number) => () => new Promise<void>((resolve) => setTimeout(resolve, ms));
    const ok = runShutdown(plan([], [], { delayMs: 0, flush: slowFlush(2_999) }), 'test');
    await clock.tickAsync(2_999);
    assert.deepEqual(await ok, { ok: true, failures: [] });
    const late = runShutdown(plan([], [], { delayMs: 0, flush: slowFlush(3_001) }), 'test');
    await clock.tickAsync(3_000);
    assert.deepEqual(await late, {
      ok: false,
      failures: ['telemetry flush: telemetry flush timed out after 3000 ms'],
    });
  });

  it('logs the start of the shutdown and each failed step', async () => {
    const lines: string[] = [];
    const log = (level: string) => (message: string) => void lines.push(`${level} ${message}`);
    diag.setLogger(
      { error: log('error'), warn: log('warn'), info: log('info'), debug: () => {}, verbose: () => {} },
      DiagLogLevel.INFO,
    );
    try {
      await runShutdown(plan([], [() => Promise.reject(new Error('queue'))], { delayMs: 0 }), 'SIGTERM');
    } finally {
      diag.disable();
    }
    assert.deepEqual(lines, [
      'info otelkit health: shutting down (SIGTERM); readiness now fails',
      'warn otelkit health: shutdown step failed: beforeShutdown: queue',
    ]);
  });
});

describe('runShutdown (real HTTP servers on loopback)', () => {
  function listen(server: Server): Promise<number> {
    return new Promise((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
    );
  }

  function get(port: number): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => {
          body += c.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('lets a slow in-flight request finish on a closed server before it flushes telemetry', async () => {
    const steps: string[] = [];
    let arrived: () => void = () => {};
    const inFlight = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    let finish: () => void = () => {};
    const slow = createServer((_req, res) => {
      arrived();
      finish = () => {
        steps.push('response sent');
        res.end('done');
      };
    });
    const idle = createServer((_req, res) => res.end());
    const port = await listen(slow);
    await listen(idle);
    const pending = get(port);
    await inFlight;

    const lifecycle = new Lifecycle();
    lifecycle.markReady();
    const done = runShutdown(
      {
        lifecycle,
        delayMs: 0,
        timeoutMs: 10_000,
        hooks: () => [],
        servers: () => [slow, idle],
        flush: async () => {
          steps.push(`flush (servers listening: ${slow.listening || idle.listening})`);
        },
      },
      'SIGTERM',
    );
    // The slow request ends only once shutdown has either stopped the servers or flushed.
    while (slow.listening && steps.length === 0) await tick();
    finish();

    assert.deepEqual(await pending, { status: 200, body: 'done' });
    assert.deepEqual(await done, { ok: true, failures: [] });
    assert.deepEqual(steps, ['response sent', 'flush (servers listening: false)']);
  });
  it('cuts requests still running at the deadline and names how many servers it cut', async () => {
    const arrivals: Promise<void>[] = [];
    const hung = () => {
      let arrived: () => void = () => {};
      arrivals.push(new Promise<void>((resolve) => (arrived = resolve)));
      return createServer(() => arrived());
    };
    const servers = [hung(), hung(), createServer((_req, res) => res.end())];
    const ports = await Promise.all(servers.map(listen));
    const cut = [get(ports[0]!).catch(() => 'cut'), get(ports[1]!).catch(() => 'cut')];
    await Promise.all(arrivals);
    const lifecycle = new Lifecycle();
    const result = await runShutdown(
      {
        lifecycle,
        delayMs: 0,
        timeoutMs: 50,
        hooks: () => [],
        servers: () => servers,
        flush: async () => {},
      },
      'SIGTERM',
    );
    assert.deepEqual(result, {
      ok: false,
      failures: ['http drain: 2 server(s) still had requests in flight after 50 ms'],
    });
    assert.deepEqual(await Promise.all(cut), ['cut', 'cut']);
    assert.ok(servers.every((s) => !s.listening));
  });
});
