import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/** Repository root: children run from here so `@otelkit/*` resolve to `dist/`, as users get them. */
export const ROOT = join(__dirname, '..', '..', '..');
/** This suite's fixture apps. */
export const FIXTURES = join(__dirname, '..', 'fixtures');

/** Output kept per stream: enough for every pattern the suite waits for, bounded for 10-minute runs. */
const KEEP_CHARS = 256 * 1024;

/** A child process with its (bounded) output collected. */
export interface Child {
  readonly process: ChildProcess;
  readonly pid: number;
  stdout: string;
  stderr: string;
  /** Resolves with the exit code, or the signal name when killed by one. */
  readonly exited: Promise<number | string>;
  /** Waits until `pattern` matches stdout or stderr; returns the match. */
  waitFor(pattern: RegExp, ms?: number): Promise<RegExpMatchArray>;
  /** SIGKILLs the child if still running. */
  kill(): void;
}

function keepTail(text: string): string {
  return text.length > KEEP_CHARS ? text.slice(-KEEP_CHARS) : text;
}

/** Spawns `node <args>` from the repository root with only PATH and `env` set. */
export function spawnNode(args: readonly string[], env: Record<string, string> = {}): Child {
  const proc = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const child: Child = {
    process: proc,
    pid: proc.pid ?? -1,
    stdout: '',
    stderr: '',
    exited: new Promise((resolve) => proc.on('exit', (code, signal) => resolve(code ?? signal ?? -1))),
    async waitFor(pattern, ms = 15_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const match = `${child.stdout}\n${child.stderr}`.match(pattern);
        if (match) return match;
        if (Date.now() > deadline || proc.exitCode !== null || proc.signalCode !== null) {
          throw new Error(
            `timed out waiting for ${pattern}\nstdout:\n${child.stdout.slice(-4000)}\nstderr:\n${child.stderr.slice(-4000)}`,
          );
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    kill() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    },
  };
  proc.stdout!.on('data', (d: Buffer) => {
    child.stdout = keepTail(child.stdout + d.toString());
  });
  proc.stderr!.on('data', (d: Buffer) => {
    child.stderr = keepTail(child.stderr + d.toString());
  });
  return child;
}

/** Environment for an app under the preload: loopback server on a free port, its URL logged at debug. */
export function preloadEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    OTELKIT_HOST: '127.0.0.1',
    OTELKIT_PORT: '0',
    OTEL_LOG_LEVEL: 'debug',
    ...extra,
  };
}

/** The observability server URL the preload logged at debug level. */
export async function observabilityUrl(child: Child): Promise<string> {
  return (await child.waitFor(/observability server listening on (http:\/\/\S+)/))[1]!;
}
