// Helpers for the CLI's tests that run real processes (the built `otelkit` bin, promtool, amtool,
// Prometheus and the fixture app). Child processes use the built dist/, so `tsc --build` runs first.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitFor } from '../helpers/wait';

export const ROOT = join(__dirname, '..', '..');
export const CLI_BIN = join(ROOT, 'packages', 'cli', 'dist', 'bin.js');
/** The demo service (built): the app the end-to-end test scrapes. */
export const DEMO_APP = join(ROOT, 'packages', 'demo', 'dist', 'main.js');
export const PROMTOOL = '/usr/bin/promtool';
export const AMTOOL = '/usr/bin/amtool';
export const PROMETHEUS = '/usr/bin/prometheus';

/** The outcome of a finished process. */
export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to completion (a hang guard of 120 s: promtool on a loaded 2-core machine takes ~30 s). */
export function run(command: string, args: readonly string[], cwd = ROOT): RunResult {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Runs the built `otelkit` CLI. */
export function otelkit(args: readonly string[], cwd = ROOT): RunResult {
  return run(process.execPath, [CLI_BIN, ...args], cwd);
}

/** A fresh temporary directory. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `otelkit-${prefix}-`));
}

/** `otelkit generate-config` for the tests' `sync-service` (namespace `sync`) into a new temp dir. */
export function generateConfig(prefix: string, extra: readonly string[] = []): RunResult & { dir: string } {
  const dir = tempDir(prefix);
  const result = otelkit([
    'generate-config',
    '--out',
    dir,
    '--service',
    'sync-service',
    '--namespace',
    'sync',
    ...extra,
  ]);
  return { ...result, dir };
}

/**
 * `otelkit generate-config` for a live run against the demo: `job` in namespace `sync` scraping
 * `127.0.0.1:<appPort>` every second, rules evaluated every second, an Alertmanager that is not there.
 */
export function generateLiveConfig(
  dir: string,
  job: string,
  appPort: number,
  extra: readonly string[] = [],
): RunResult {
  return otelkit([
    'generate-config',
    '--out',
    dir,
    '--service',
    job,
    '--namespace',
    'sync',
    '--target',
    `127.0.0.1:${appPort}`,
    '--alertmanager',
    '127.0.0.1:9',
    '--scrape-interval',
    '1s',
    '--evaluation-interval',
    '1s',
    ...extra,
  ]);
}

/** The observability port the demo (started with {@link start}) prints once it serves `/metrics`. */
export function demoMetricsPort(app: { output: () => string }): Promise<number> {
  return waitFor(
    'the demo',
    () => {
      const match = /metrics on http:\/\/[^:/\s]+:(\d+)\/metrics/.exec(app.output());
      return match ? Number(match[1]) : undefined;
    },
    10_000,
  );
}

/** Whether the Debian Prometheus tools are installed. */
export function haveTools(): boolean {
  return [PROMTOOL, AMTOOL, PROMETHEUS].every((p) => existsSync(p)) && existsSync(CLI_BIN);
}

/** Starts a long-running process, collecting its output; `stop()` kills it (SIGTERM, then SIGKILL). */
export function start(
  command: string,
  args: readonly string[],
  env: Record<string, string> = {},
): { child: ChildProcess; output: () => string; stop: () => Promise<void> } {
  const child = spawn(command, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  return { child, output: () => output, stop };
}

export { freePort, waitFor };
