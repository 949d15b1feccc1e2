import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export const FIXTURES = join(__dirname, 'fixtures');
export const ROOT = join(__dirname, '..', '..');

/** A child process started under the preload, with its output collected. */
export interface Child {
  readonly process: ChildProcess;
  stdout: string;
  stderr: string;
  /** Resolves with the exit code (or the signal name). */
  readonly exited: Promise<number | string>;
  /** Waits until `pattern` appears in stdout or stderr; returns the match. */
  waitFor(pattern: RegExp, ms?: number): Promise<RegExpMatchArray>;
}

/**
 * Spawns `node <flags> <fixture>` from the repository root (so @otelkit/* resolve to dist/), or from
 * `cwd` for an app with its own node_modules.
 */
export function spawnApp(args: readonly string[], env: Record<string, string> = {}, cwd = ROOT): Child {
  const proc = spawn(process.execPath, args, {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      OTELKIT_HOST: '127.0.0.1',
      OTELKIT_PORT: '0',
      OTEL_LOG_LEVEL: 'debug',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const child: Child = {
    process: proc,
    stdout: '',
    stderr: '',
    exited: new Promise((resolve) => proc.on('exit', (code, signal) => resolve(code ?? signal ?? -1))),
    async waitFor(pattern, ms = 15_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const match = `${child.stdout}\n${child.stderr}`.match(pattern);
        if (match) return match;
        if (Date.now() > deadline || proc.exitCode !== null) {
          throw new Error(
            `timed out waiting for ${pattern}\nstdout:\n${child.stdout}\nstderr:\n${child.stderr}`,
          );
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
  proc.stdout!.on('data', (d: Buffer) => {
    child.stdout += d.toString();
  });
  proc.stderr!.on('data', (d: Buffer) => {
    child.stderr += d.toString();
  });
  return child;
}

/** The observability server URL the child logged at debug level. */
export async function serverUrl(child: Child): Promise<string> {
  return (await child.waitFor(/observability server listening on (http:\/\/\S+)/))[1]!;
}
