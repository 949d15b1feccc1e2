import type { Server } from 'node:http';
import { diag } from '@opentelemetry/api';
import { withTimeout } from '@otelkit/core/internal';
import { errorOutput } from '../check/outcome';
import { drainServer } from './drain';
import type { Lifecycle } from './lifecycle';

/** A `beforeShutdown` hook: close queues, finish a batch, deregister from discovery. */
export type ShutdownHook = () => void | Promise<void>;

/** What `health.shutdown()` resolves with. */
export interface ShutdownResult {
  /** True when every step finished within its deadline without error. */
  readonly ok: boolean;
  /** One line per failed step, e.g. `beforeShutdown: timed out after 5000 ms`. */
  readonly failures: readonly string[];
}

/** Everything the shutdown sequence acts on. */
export interface ShutdownPlan {
  readonly lifecycle: Lifecycle;
  /** Time readiness reports 503 while everything keeps serving, before draining starts. */
  readonly delayMs: number;
  /** Deadline of each step (hooks, server drain, telemetry flush). */
  readonly timeoutMs: number;
  readonly hooks: () => readonly ShutdownHook[];
  readonly servers: () => readonly Server[];
  /** Flushes telemetry (`telemetry.shutdown()`). */
  readonly flush: () => Promise<void>;
}

function sleep(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}

async function runHooks(hooks: readonly ShutdownHook[]): Promise<void> {
  for (const hook of hooks) await hook();
}

/**
 * The graceful shutdown sequence: readiness turns 503 at once; after `delayMs` the `beforeShutdown`
 * hooks run (in order, within `timeoutMs` together); tracked HTTP servers stop accepting and their
 * in-flight requests get `timeoutMs` to finish; telemetry is flushed. A failing step is reported and
 * the sequence goes on. Never rejects.
 */
export async function runShutdown(plan: ShutdownPlan, reason: string): Promise<ShutdownResult> {
  plan.lifecycle.drain(reason);
  diag.info(`otelkit health: shutting down (${reason}); readiness now fails`);
  const failures: string[] = [];
  const step = async (name: string, work: () => Promise<unknown>, deadlineMs: number): Promise<void> => {
    try {
      await withTimeout(Promise.resolve().then(work), deadlineMs, name);
    } catch (error) {
      const line = `${name}: ${errorOutput(error)}`;
      diag.warn(`otelkit health: shutdown step failed: ${line}`);
      failures.push(line);
    }
  };
  await sleep(plan.delayMs);
  await step('beforeShutdown', () => runHooks(plan.hooks()), plan.timeoutMs);
  await step(
    'http drain',
    async () => {
      const drained = await Promise.all(plan.servers().map((s) => drainServer(s, plan.timeoutMs)));
      const cut = drained.filter((d) => !d).length;
      if (cut > 0)
        throw new Error(`${cut} server(s) still had requests in flight after ${plan.timeoutMs} ms`);
    },
    plan.timeoutMs + 1_000,
  );
  await step('telemetry flush', plan.flush, plan.timeoutMs * 3);
  return { ok: failures.length === 0, failures };
}
