import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const FIXTURE = join(__dirname, 'fixtures', 'start-and-leave.ts');

function runChild(
  naming: string,
): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=otelkit-source', '--import', 'tsx', FIXTURE, naming],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // A child kept alive by a handle would never exit: kill it after a generous bound.
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

describe('startRuntimeMetrics process lifetime', () => {
  for (const naming of ['otel', 'prom-client']) {
    it(`lets the process exit on its own while running, without stop() (naming: ${naming})`, async () => {
      const result = await runChild(naming);
      assert.equal(result.signal, null, `child was killed: still alive. stderr: ${result.stderr}`);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /collected \d{2} metrics/);
    });
  }
});
