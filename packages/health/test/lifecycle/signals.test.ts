import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const FIXTURE = join(__dirname, '..', 'fixtures', 'signal-app.cjs');

interface Child {
  readonly child: ChildProcess;
  readonly lines: string[];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitFor(pattern: RegExp): Promise<string>;
}

/** Starts the fixture (built dist/, as users run it) and waits until it serves. */
async function start(mode: string): Promise<Child> {
  const child = spawn(process.execPath, [FIXTURE], {
    env: { PATH: process.env.PATH, MODE: mode },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    let nl = buffered.indexOf('\n');
    while (nl >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      lines.push(line);
      for (const w of waiters.filter((x) => x.pattern.test(line))) w.resolve(line);
      nl = buffered.indexOf('\n');
    }
  });
  const exited = once(child, 'exit').then(
    ([code, signal]) => ({ code, signal }) as { code: number | null; signal: NodeJS.Signals | null },
  );
  const waitFor = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const seen = lines.find((l) => pattern.test(l));
      if (seen !== undefined) return resolve(seen);
      waiters.push({ pattern, resolve });
      exited.then(({ code }) => reject(new Error(`child exited (${code}) before printing ${pattern}`)));
    });
  await waitFor(/^ready /);
  return { child, lines, exited, waitFor };
}

describe('signal handling (child process)', () => {
  it('exits 0 after a clean shutdown when only otelkit listens for SIGTERM', async () => {
    const app = await start('plain');
    app.child.kill('SIGTERM');
    assert.deepEqual(await app.exited, { code: 0, signal: null });
  });

  it('exits 1 when a shutdown step fails', async () => {
    const app = await start('failing-hook');
    app.child.kill('SIGINT');
    assert.deepEqual(await app.exited, { code: 1, signal: null });
  });

  it('forces exit 143 on a second SIGTERM and 130 on a second SIGINT while shutdown hangs', async () => {
    const term = await start('hang');
    term.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 100));
    term.child.kill('SIGTERM');
    assert.deepEqual(await term.exited, { code: 143, signal: null });
    const int = await start('hang');
    int.child.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 100));
    int.child.kill('SIGINT');
    assert.deepEqual(await int.exited, { code: 130, signal: null });
  });

  it('never exits a process whose app handles SIGTERM itself', async () => {
    const app = await start('app-handler');
    app.child.kill('SIGTERM');
    assert.equal(await app.waitFor(/^drained /), 'drained true');
    const outcome = await Promise.race([app.exited, new Promise((r) => setTimeout(() => r('alive'), 300))]);
    assert.equal(outcome, 'alive');
    app.child.kill('SIGKILL');
    await app.exited;
  });
});
