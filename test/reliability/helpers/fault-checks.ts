import assert from 'node:assert/strict';
import type { PhaseResult } from './fault-walk';
import { LONG } from './profile';

/**
 * Allowed p99 under a fault: the 10% in the long run (plus 2 ms: autocannon reports whole
 * milliseconds). The short run shares two cores with the rest of `npm test`, where one GC pause or a
 * neighbour's burst moves a 3-second p99 by tens of milliseconds, so it only catches a fault that
 * stalls the app (an export blocking the event loop for its timeout would exceed it).
 */
export function p99Bound(baselineP99: number): number {
  return LONG ? baselineP99 * 1.1 + 2 : baselineP99 * 4 + 200;
}

/** Allowed RSS growth over the end of the no-fault phase, MiB: queues are bounded, so this never grows with time. */
export const RSS_GROWTH_MB = 64;
/** Slowest acceptable `/metrics` answer under any fault, ms. */
export const SCRAPE_MAX_MS = 1_000;

/**
 * The no-fault reference p99 of a fault phase: the control app's over the same minutes when the walk
 * has a control (same machine, same moment, healthy backend); otherwise the better of the two no-fault
 * phases of the same process (before the faults, and after the backend came back).
 */
export function noFaultP99(phase: PhaseResult, phases: readonly PhaseResult[]): number {
  if (phase.control !== undefined) return phase.control.p99;
  return Math.min(...phases.filter((p) => p.mode === 'ok').map((p) => p.load.p99));
}

/** Worst p99 change of the fault phases against their no-fault reference, percent. */
export function worstP99ChangePct(phases: readonly PhaseResult[]): number {
  const faults = phases.filter((p) => p.mode !== 'ok');
  return Math.max(
    ...faults.map((p) => {
      const base = noFaultP99(p, phases);
      return ((p.load.p99 - base) / Math.max(base, 1)) * 100;
    }),
  );
}

/**
 * The assertions every fault walk shares: the app's own requests never fail and stay within the p99
 * bound, `/metrics` answers fast, RSS stays bounded, failures show on the self-metrics, and export
 * resumes by itself after the backend comes back.
 */
export function assertFaultWalk(phases: readonly PhaseResult[]): void {
  const [baseline, ...faults] = phases;
  assert.ok(baseline !== undefined && baseline.mode === 'ok');
  for (const p of phases) {
    const where = `phase ${p.name}`;
    assert.equal(
      p.load.errors + p.load.timeouts + p.load.non2xx,
      0,
      `${where}: every app request answered 2xx`,
    );
    assert.ok(p.load.ok > 0, `${where}: load ran`);
    assert.equal(p.scrapeFailures, 0, `${where}: /metrics always answered 200`);
    assert.ok(p.scrapeMaxMs < SCRAPE_MAX_MS, `${where}: slowest /metrics ${p.scrapeMaxMs.toFixed(0)} ms`);
    assert.ok(
      p.rssMaxMb < baseline.rssEndMb + RSS_GROWTH_MB,
      `${where}: RSS ${p.rssMaxMb.toFixed(1)} MiB vs ${baseline.rssEndMb.toFixed(1)} after the baseline`,
    );
  }
  for (const p of faults) {
    if (p.mode === 'ok') continue;
    const reference = noFaultP99(p, phases);
    const against = p.control === undefined ? 'without faults' : 'for the control over the same minutes';
    assert.ok(
      p.load.p99 <= p99Bound(reference),
      `phase ${p.name}: p99 ${p.load.p99} ms vs ${reference} ms ${against}`,
    );
    assert.ok(p.exportFailures > 0, `phase ${p.name}: failures on the self-metrics`);
  }
  const recovered = phases.at(-1)!;
  const down = phases.at(-2)!;
  assert.equal(recovered.mode, 'ok');
  assert.equal(down.mode, 'refuse');
  assert.ok(recovered.exportSuccesses > 0, 'exports succeed again after the backend came back');
  assert.ok(recovered.lastTraceSuccessS > down.lastTraceSuccessS, 'last-success timestamp moves again');
}

/** The app's log export settings that bound what {@link assertLogsWalk} accepts. */
export interface LogBounds {
  /** `OTEL_EXPORTER_OTLP_TIMEOUT`: no log call may take this long, whatever the backend does. */
  readonly exportTimeoutMs: number;
  /** `OTEL_BLRP_MAX_EXPORT_BATCH_SIZE`: the most records one failed export can lose. */
  readonly maxExportBatchSize: number;
}

/**
 * What {@link assertFaultWalk} asserts of the traces and metrics, for the log signal of an app that logs
 * every request through `createLogger` (OTLP log export on): it keeps logging in every phase, no log
 * call ever takes as long as the export timeout, failures show on `otelkit_exporter_*{signal="logs"}`
 * in each fault, the queue is bounded (while the backend hangs, more records are dropped and counted
 * than the failed exports held: the rest were turned away at the full queue), and log export resumes
 * by itself after the backend comes back.
 */
export function assertLogsWalk(phases: readonly PhaseResult[], bounds: LogBounds): void {
  for (const p of phases) {
    const where = `phase ${p.name} (logs)`;
    assert.ok(p.logs !== undefined, `${where}: measured`);
    assert.ok(p.logs.calls >= p.load.ok, `${where}: ${p.logs.calls} log calls for ${p.load.ok} requests`);
    assert.ok(
      p.logs.maxCallMs < bounds.exportTimeoutMs,
      `${where}: slowest log call ${p.logs.maxCallMs.toFixed(1)} ms (export timeout ${bounds.exportTimeoutMs} ms)`,
    );
    if (p.mode !== 'ok') assert.ok(p.logs.failures > 0, `${where}: failures on the self-metrics`);
  }
  const hang = phases.find((p) => p.mode === 'hang')?.logs;
  assert.ok(hang !== undefined, 'the walk has a hang phase');
  assert.ok(
    hang.dropped > hang.failures * bounds.maxExportBatchSize,
    `phase b-hang (logs): ${hang.dropped} records dropped and counted, more than the ${hang.failures} failed exports of at most ${bounds.maxExportBatchSize} held (a bounded queue)`,
  );
  const recovered = phases.at(-1)!.logs!;
  const down = phases.at(-2)!.logs!;
  assert.ok(recovered.successes > 0, 'log exports succeed again after the backend came back');
  assert.ok(recovered.lastSuccessS > down.lastSuccessS, 'logs last-success timestamp moves again');
}
