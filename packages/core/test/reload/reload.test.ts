import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it, mock } from 'node:test';
import { setImmediate as tick } from 'node:timers/promises';
import { diag } from '@opentelemetry/api';
import {
  createOperationMonitor,
  serializeMetrics,
  startTelemetry,
  type Telemetry,
} from '@otelkit/core/internal';

let telemetry: Telemetry | undefined;
afterEach(async () => {
  await telemetry?.shutdown();
  telemetry = undefined;
  mock.restoreAll();
});

/** Captures otelkit's diagnostic lines (written to stderr). */
function captureStderr(): string[] {
  const lines: string[] = [];
  mock.method(process.stderr, 'write', (chunk: unknown) => {
    lines.push(String(chunk));
    return true;
  });
  return lines;
}

function settingsFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'otelkit-reload-')), name);
  writeFileSync(path, text);
  return path;
}

async function start(configFile: string): Promise<Telemetry> {
  telemetry = startTelemetry({ server: false, runtimeMetrics: false, logLevel: 'info', configFile });
  await tick(); // the first read happens once the app has composed its packages
  return telemetry;
}

async function reloads(t: Telemetry): Promise<string> {
  const text = serializeMetrics((await t.collect())!, { format: 'prometheus' });
  return text
    .split('\n')
    .filter((l) => l.startsWith('otelkit_config_reloads_total{'))
    .map((l) => l.replace(/,otel_scope_name="[^"]*"/, ''))
    .sort()
    .join('\n');
}

describe('OTELKIT_CONFIG_FILE reload', () => {
  it('applies the log level from a YAML file at start and again after the file changes', async () => {
    const lines = captureStderr();
    const path = settingsFile('otelkit.yaml', 'logLevel: debug\n');
    const t = await start(path);
    diag.debug('visible at debug');
    assert.ok(lines.some((l) => l.includes('visible at debug')));
    writeFileSync(path, 'logLevel: error\n');
    assert.equal(t.reload()?.outcome, 'applied');
    diag.debug('hidden at error');
    assert.ok(!lines.some((l) => l.includes('hidden at error')));
    assert.match(await reloads(t), /outcome="applied"\} 2/);
  });

  it('keeps the settings in force when the new file is invalid, with one error line', async () => {
    const stderr = captureStderr();
    const path = settingsFile('otelkit.json', '{"logLevel":"warn"}');
    const t = await start(path);
    for (const bad of ['{"logLevel": "loud"}', '{ not json', '{"tracng": {"samplerRatio": 1}}', '[1,2]']) {
      writeFileSync(path, bad);
      const result = t.reload();
      assert.equal(result?.outcome, 'rejected', bad);
    }
    const lines = stderr.filter((l) => l.includes('not applied'));
    assert.ok(
      lines.some((l) => l.includes('logLevel in') && l.includes('"loud"')),
      lines.join(''),
    );
    assert.ok(lines.some((l) => l.includes('unknown setting "tracng"')));
    assert.ok(
      lines.every((l) => l.indexOf('\n') === l.length - 1),
      'one line each',
    );
    assert.match(await reloads(t), /outcome="rejected"\} 4/);
    // still at warn: info is not logged
    diag.info('hidden at warn');
    assert.ok(!stderr.some((l) => l.includes('hidden at warn')));
  });

  it('reports settings that need a restart instead of applying them', async () => {
    const stderr = captureStderr();
    const path = settingsFile('otelkit.yaml', 'logLevel: info\nport: 9999\n');
    const t = await start(path);
    assert.equal(t.config.port, 9464, 'the port in force is unchanged');
    assert.ok(stderr.some((l) => /port in .* take effect only after a restart/.test(l)));
  });

  it('re-reads the file on SIGHUP', async () => {
    const path = settingsFile('otelkit.yaml', 'logLevel: info\n');
    const t = await start(path);
    writeFileSync(path, 'logLevel: warn\n');
    process.emit('SIGHUP');
    assert.match(await reloads(t), /outcome="applied"\} 2/);
  });

  it('reloads under load without disturbing recording', async () => {
    const path = settingsFile('otelkit.yaml', 'logLevel: info\n');
    const t = await start(path);
    const monitor = createOperationMonitor({ namespace: 'load' });
    let done = 0;
    for (let i = 0; i < 200; i++) {
      writeFileSync(path, `logLevel: ${i % 2 === 0 ? 'warn' : 'info'}\n`);
      t.reload();
      for (let j = 0; j < 100; j++) await monitor.track('op', async () => void done++);
    }
    assert.equal(done, 20_000);
    const text = serializeMetrics((await t.collect())!, { format: 'prometheus' });
    assert.match(text, /load_operations_total\{operation="op",status="success"[^}]*\} 20000/);
    assert.match(await reloads(t), /outcome="applied"\} 201/);
  });
});
