import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { setImmediate as tick } from 'node:timers/promises';
import { createCircuitBreaker } from '@otelkit/circuit-breaker';
import { startTelemetry, type Telemetry } from '@otelkit/core';
import { breakersReloadTarget } from '../../packages/register/src/reload-breakers';

let telemetry: Telemetry | undefined;
afterEach(async () => {
  await telemetry?.shutdown();
  telemetry = undefined;
});

const fail = () => Promise.reject(new Error('down'));

describe('breakers in OTELKIT_CONFIG_FILE', () => {
  it('changes live breakers’ settings atomically; one bad value rejects the whole file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'otelkit-reload-')), 'otelkit.yaml');
    writeFileSync(path, 'logLevel: none\n');
    telemetry = startTelemetry({ server: false, runtimeMetrics: false, logLevel: 'none', configFile: path });
    telemetry.addReloadTarget(breakersReloadTarget(path));
    const tmdb = createCircuitBreaker('tmdb', { consecutiveFailures: 10 });
    const imdb = createCircuitBreaker('imdb', { consecutiveFailures: 10 });
    await tick();

    // one bad value: neither breaker changes
    writeFileSync(
      path,
      'breakers:\n  tmdb: { consecutiveFailures: 2 }\n  imdb: { consecutiveFailures: -1 }\n',
    );
    const rejected = telemetry.reload();
    assert.equal(rejected?.outcome, 'rejected');
    assert.match(rejected?.detail ?? '', /breakers\.imdb\.consecutiveFailures in .* is invalid/);
    for (let i = 0; i < 2; i++) await tmdb.execute(fail).catch(() => {});
    assert.equal(tmdb.state, 'closed', 'the rejected file changed nothing');

    writeFileSync(
      path,
      'breakers:\n  tmdb: { consecutiveFailures: 2 }\n  imdb: { consecutiveFailures: 1 }\n',
    );
    assert.equal(telemetry.reload()?.outcome, 'applied');
    await imdb.execute(fail).catch(() => {});
    assert.equal(imdb.state, 'open', 'imdb opens at its new threshold');
    tmdb.reset();
    for (let i = 0; i < 2; i++) await tmdb.execute(fail).catch(() => {});
    assert.equal(tmdb.state, 'open');
    tmdb.dispose();
    imdb.dispose();
  });
});
