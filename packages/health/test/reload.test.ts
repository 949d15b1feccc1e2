import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { setImmediate as tick } from 'node:timers/promises';
import { startTelemetry, type Telemetry } from '@otelkit/core';
import { type Health, heapCheck, startHealth } from '../src/index';

let telemetry: Telemetry | undefined;
let health: Health | undefined;
afterEach(async () => {
  health?.close();
  await telemetry?.shutdown();
  health = undefined;
  telemetry = undefined;
});

describe('health.checks in OTELKIT_CONFIG_FILE', () => {
  it('changes a built-in check’s thresholds at run time; a bad file changes nothing', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'otelkit-reload-')), 'otelkit.yaml');
    writeFileSync(path, 'logLevel: none\n');
    telemetry = startTelemetry({ server: false, runtimeMetrics: false, logLevel: 'none', configFile: path });
    health = startHealth(telemetry, { env: {}, routes: false, sampleIntervalMs: 0 });
    health.registerCheck('memory:heap', heapCheck({ warnRatio: 0.9, failRatio: 0.99 }));
    await tick();
    assert.equal((await health.runCheck('memory:heap'))?.status, 'pass');

    writeFileSync(path, "health:\n  checks:\n    'memory:heap': { warnRatio: 0.000001, failRatio: 0.99 }\n");
    assert.equal(telemetry.reload()?.outcome, 'applied');
    assert.equal((await health.runCheck('memory:heap'))?.status, 'warn');

    for (const bad of [
      "health:\n  checks:\n    'memory:heap': { warnRatio: 7 }\n",
      "health:\n  checks:\n    'no:such': { warnRatio: 0.5 }\n",
      'health:\n  thresholds: {}\n',
    ]) {
      writeFileSync(path, bad);
      assert.equal(telemetry.reload()?.outcome, 'rejected', bad);
    }
    assert.equal((await health.runCheck('memory:heap'))?.status, 'warn', 'the applied thresholds stay');
  });
});
