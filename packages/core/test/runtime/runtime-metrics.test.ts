import assert from 'node:assert/strict';
import fs, { closeSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterEach, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Meter } from '@opentelemetry/api';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { isOtelkitError } from '../../src/errors';
import { HAS_PROCFS } from '../../src/runtime/proc';
import { startRuntimeMetrics } from '../../src/runtime/runtime-metrics';
import {
  blockEventLoop,
  burnCpu,
  captureDiagDebug,
  forceGc,
  histogramOf,
  nextTurn,
  pointValue,
  type RuntimeFixture,
  startFixture,
} from './helpers';

const fixtures: RuntimeFixture[] = [];
function start(...args: Parameters<typeof startFixture>): RuntimeFixture {
  const fixture = startFixture(...args);
  fixtures.push(fixture);
  return fixture;
}
afterEach(async () => {
  await Promise.all(fixtures.splice(0).map((f) => f.close()));
});

describe('startRuntimeMetrics values', () => {
  it('shows a deliberate 50 ms event loop block in the delay max and p99 of the next collection', async () => {
    const fixture = start();
    await sleep(25);
    await fixture.collect(); // starts a fresh window
    await sleep(25); // the histogram skips its first tick after a reset
    blockEventLoop(50);
    await sleep(25);
    const metrics = await fixture.collect();
    const max = pointValue(metrics, 'nodejs.eventloop.delay.max');
    assert.ok(max >= 0.045 && max < 5, `max ${max}`);
    assert.ok(pointValue(metrics, 'nodejs.eventloop.delay.p99') >= 0.045);
    assert.ok(pointValue(metrics, 'nodejs.eventloop.delay.min') < 0.045);
  });

  it('starts a new delay window at each collection, so the block is gone from the one after', async () => {
    const fixture = start();
    await sleep(25);
    blockEventLoop(50);
    await sleep(25);
    assert.ok(pointValue(await fixture.collect(), 'nodejs.eventloop.delay.max') >= 0.045);
    await sleep(40);
    assert.ok(pointValue(await fixture.collect(), 'nodejs.eventloop.delay.max') < 0.045);
  });

  it('reports event loop utilization of the window since the previous collection', async () => {
    const fixture = start();
    await fixture.collect();
    blockEventLoop(100);
    const busy = pointValue(await fixture.collect(), 'nodejs.eventloop.utilization');
    assert.ok(busy > 0.5, `utilization after a 100 ms block ${busy}`);
    await sleep(100);
    const idle = pointValue(await fixture.collect(), 'nodejs.eventloop.utilization');
    assert.ok(idle < busy, `utilization after 100 ms idle ${idle}`);
  });

  it("measures prom-client's nodejs_eventloop_lag_seconds with a setImmediate probe", async () => {
    const fixture = start({ naming: 'prom-client' });
    await fixture.collect(); // schedules the probe
    blockEventLoop(50); // delays it
    await nextTurn();
    const lag = pointValue(await fixture.collect(), 'nodejs_eventloop_lag_seconds');
    assert.ok(lag >= 0.045 && lag < 5, `lag ${lag}`);
  });

  it('increases CPU time after busy work, in both namings', async () => {
    const otel = start();
    const prom = start({ naming: 'prom-client' });
    const before = pointValue(await otel.collect(), 'process.cpu.time', { 'cpu.mode': 'user' });
    const beforeProm = pointValue(await prom.collect(), 'process_cpu_user_seconds');
    burnCpu(50);
    const after = pointValue(await otel.collect(), 'process.cpu.time', { 'cpu.mode': 'user' });
    const afterProm = await prom.collect();
    assert.ok(after - before >= 0.045, `user cpu grew ${after - before}s`);
    assert.ok(pointValue(afterProm, 'process_cpu_user_seconds') - beforeProm >= 0.045);
    const total = pointValue(afterProm, 'process_cpu_seconds');
    const parts =
      pointValue(afterProm, 'process_cpu_user_seconds') + pointValue(afterProm, 'process_cpu_system_seconds');
    assert.ok(Math.abs(total - parts) < 1e-9);
  });

  it('counts GC pauses by kind in the histogram after gc()', async () => {
    const fixture = start({ gcDurationBuckets: [0.001, 0.1] });
    const before = histogramOf(await fixture.collect(), 'v8js.gc.duration', { 'v8js.gc.type': 'major' });
    await forceGc();
    await forceGc();
    const after = histogramOf(await fixture.collect(), 'v8js.gc.duration', { 'v8js.gc.type': 'major' });
    assert.ok(after, 'no major GC recorded');
    assert.ok(after.count - (before?.count ?? 0) >= 2, `major GCs ${after.count}`);
    assert.deepEqual(after.buckets.boundaries, [0.001, 0.1]);
  });

  it('counts active resources by type and reports 0 for a type that went away', async () => {
    const fixture = start();
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const type = { 'v8js.resource.type': 'TCPServerWrap' };
    assert.equal(pointValue(await fixture.collect(), 'v8js.resource.active', type), 1);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await sleep(5); // libuv finishes closing the handle in a later loop turn
    assert.equal(pointValue(await fixture.collect(), 'v8js.resource.active', type), 0);
  });

  it('counts an opened file descriptor (Linux)', async () => {
    const fixture = start();
    const before = (await fixture.collect()).get('process.unix.file_descriptor.open');
    assert.equal(before !== undefined, HAS_PROCFS);
    if (!HAS_PROCFS) return;
    const open = pointValue(await fixture.collect(), 'process.unix.file_descriptor.open');
    const fd = openSync(__filename, 'r');
    try {
      assert.equal(pointValue(await fixture.collect(), 'process.unix.file_descriptor.open'), open + 1);
    } finally {
      closeSync(fd);
    }
  });
});

describe('startRuntimeMetrics stop()', () => {
  it('stops updating CPU time and GC counts, and can be called twice', async () => {
    const fixture = start();
    await forceGc();
    const before = await fixture.collect();
    fixture.handle.stop();
    fixture.handle.stop();
    burnCpu(30);
    await forceGc();
    const after = await fixture.collect();
    const cpu = { 'cpu.mode': 'user' };
    assert.equal(pointValue(after, 'process.cpu.time', cpu), pointValue(before, 'process.cpu.time', cpu));
    const gc = { 'v8js.gc.type': 'major' };
    assert.equal(
      histogramOf(after, 'v8js.gc.duration', gc)?.count,
      histogramOf(before, 'v8js.gc.duration', gc)?.count,
    );
  });

  it('removes the one batch callback it added, once', () => {
    const meter = new MeterProvider().getMeter('spy');
    const calls = { add: 0, remove: 0, observables: 0 };
    const spy: Meter = Object.create(meter);
    spy.addBatchObservableCallback = (cb, observables) => {
      calls.add++;
      calls.observables = observables.length;
      meter.addBatchObservableCallback(cb, observables);
    };
    spy.removeBatchObservableCallback = (cb, observables) => {
      calls.remove++;
      assert.equal(observables.length, calls.observables);
      meter.removeBatchObservableCallback(cb, observables);
    };
    const handle = startRuntimeMetrics(spy, { naming: 'prom-client' });
    handle.stop();
    handle.stop();
    assert.deepEqual({ add: calls.add, remove: calls.remove }, { add: 1, remove: 1 });
    assert.ok(calls.observables > 20);
  });
});

describe('startRuntimeMetrics record-time safety', () => {
  it('skips a source that throws, keeps the others, and logs it once with diag.debug', async (t) => {
    const messages = captureDiagDebug(t);
    t.mock.method(process, 'cpuUsage', () => {
      throw new Error('EPERM: simulated');
    });
    for (const naming of ['otel', 'prom-client'] as const) {
      const fixture = start({ naming });
      const first = await fixture.collect();
      const second = await fixture.collect();
      assert.equal(first.has(naming === 'otel' ? 'process.cpu.time' : 'process_cpu_seconds'), false);
      assert.ok(second.has(naming === 'otel' ? 'v8js.memory.heap.used' : 'nodejs_heap_size_used_bytes'));
    }
    const cpuMessages = messages.filter((m) => m.includes('process.cpuUsage'));
    assert.equal(cpuMessages.length, 2, messages.join('\n')); // once per started instance, not per collection
    assert.match(cpuMessages[0]!, /EPERM: simulated/);
  });
});

describe('startRuntimeMetrics without /proc', () => {
  it('omits the open-fd metric when /proc/self/fd cannot be listed, logging once', async (t) => {
    const messages = captureDiagDebug(t);
    t.mock.method(fs, 'readdirSync', () => {
      throw Object.assign(new Error("ENOENT: no such file or directory, scandir '/proc/self/fd'"), {
        code: 'ENOENT',
      });
    });
    const fixture = start({ naming: 'prom-client' });
    await fixture.collect();
    const metrics = await fixture.collect();
    assert.equal(metrics.has('process_open_fds'), false);
    assert.ok(metrics.has('nodejs_heap_size_used_bytes'));
    if (HAS_PROCFS) {
      assert.equal(messages.filter((m) => m.includes('/proc/self/fd')).length, 1, messages.join('\n'));
    }
  });
});

describe('startRuntimeMetrics options', () => {
  const meter = new MeterProvider().getMeter('options');
  const bad: [string, object][] = [
    ['naming', { naming: 'prometheus' }],
    ['eventLoopResolutionMs', { eventLoopResolutionMs: 0 }],
    ['eventLoopResolutionMs', { eventLoopResolutionMs: 2.5 }],
    ['gcDurationBuckets', { gcDurationBuckets: [] }],
    ['gcDurationBuckets', { gcDurationBuckets: [0.1, 0.01] }],
    ['gcDurationBuckets', { gcDurationBuckets: [0.1, Number.NaN] }],
  ];
  for (const [setting, options] of bad) {
    it(`refuses ${JSON.stringify(options)} naming the setting and the value`, () => {
      assert.throws(
        () => startRuntimeMetrics(meter, options),
        (error: unknown) =>
          isOtelkitError(error) &&
          error.code === 'OTELKIT_ERR_INVALID_RUNTIME_METRICS_OPTION' &&
          error.message.includes(`${setting}=`),
      );
    });
  }
});
