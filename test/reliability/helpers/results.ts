import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RUN } from './profile';

/** One row of the README table: what was tried, for how long, and what held. */
export interface CaseResult {
  /** Stable id, also the file name: `faults-http-app`, `lifecycle-sigterm` … */
  readonly id: string;
  /** What was tried, in a few words. */
  readonly what: string;
  /** Wall time of the case, seconds. */
  readonly durationS: number;
  /** Load applied, e.g. `200 req/s, 10 connections`. */
  readonly load: string;
  /** Worst p99 change against the no-fault phase, percent (undefined when not measured). */
  readonly worstP99ChangePct?: number;
  readonly rssBeforeMb?: number;
  readonly rssAfterMb?: number;
  readonly rssMaxMb?: number;
  /** Items the SDK dropped and counted (spans, data points, measurements). */
  readonly dropsCounted?: number;
  /** Data lost where the design promises none (must be 0). */
  readonly dataLost?: number;
  /** What held, in a sentence. */
  readonly held: string;
  /** Per-phase figures, free form. */
  readonly details?: unknown;
}

const DIR = join(__dirname, '..', 'results', RUN);

/** Writes `results/<short|long>/<id>.json` for the README table (`node scripts/reliability.mjs --table`). */
export function recordResult(result: CaseResult): void {
  mkdirSync(DIR, { recursive: true });
  const row = { run: RUN, date: new Date().toISOString(), node: process.version, ...result };
  writeFileSync(join(DIR, `${result.id}.json`), `${JSON.stringify(row, undefined, 2)}\n`);
}

/** Rounds to one decimal. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Counts tests that ran to the end, so a file records its figures only when every test passed. */
export class Passes {
  count = 0;

  /** Wraps a test body: the count grows when it returns without throwing. */
  wrap<A extends unknown[]>(fn: (...args: A) => void | Promise<void>): (...args: A) => Promise<void> {
    return async (...args: A) => {
      await fn(...args);
      this.count++;
    };
  }
}
