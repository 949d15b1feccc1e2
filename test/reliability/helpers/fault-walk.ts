import type { Child } from './child';
import type { FaultBackend, FaultMode } from './fault-backend';
import { type LoadResult, steadyLoad } from './load';
import { RssSampler } from './rss';
import { sumOf, timedGet } from './scrape';

/** One phase of a fault walk: a backend mode held for a while under steady load. */
export interface Phase {
  /** `baseline`, `a-refuse`, … also the request path prefix (`/phase-<name>`). */
  readonly name: string;
  readonly mode: FaultMode;
}

/** The walk of the issue: a no-fault baseline, faults (b)–(e), then (a) down and (f) back up. */
export const FAULT_PHASES: readonly Phase[] = [
  { name: 'baseline', mode: 'ok' },
  { name: 'b-hang', mode: 'hang' },
  { name: 'c-500', mode: 'error500' },
  { name: 'd-429', mode: 'throttle429' },
  { name: 'e-reset', mode: 'reset' },
  { name: 'a-refuse', mode: 'refuse' },
  { name: 'f-recovered', mode: 'ok' },
];

/** What one phase measured. */
export interface PhaseResult {
  readonly name: string;
  readonly mode: FaultMode;
  readonly seconds: number;
  readonly load: LoadResult;
  /** The control app's load over the same minutes (when the walk has a control). */
  readonly control: LoadResult | undefined;
  /** Slowest `/metrics` answer during the phase, ms. */
  readonly scrapeMaxMs: number;
  readonly scrapes: number;
  readonly scrapeFailures: number;
  /** RSS at the start and end of the phase and its maximum during the phase, MiB. */
  readonly rssStartMb: number;
  readonly rssEndMb: number;
  readonly rssMaxMb: number;
  /** Growth during the phase of the self-metrics (all signals). */
  readonly exportFailures: number;
  readonly exportSuccesses: number;
  readonly dropped: number;
  /** `otelkit_exporter_last_success_timestamp_seconds{signal="traces"}` at the end of the phase. */
  readonly lastTraceSuccessS: number;
  /** The log signal's figures, when the walk's app logs (see {@link WalkTarget.logStats}). */
  readonly logs: LogsPhase | undefined;
}

/** One signal's self-metrics: growth during a phase, or totals. */
export interface SignalStats {
  /** `otelkit_exporter_exports_total{signal, outcome="failure"}`. */
  readonly failures: number;
  readonly successes: number;
  /** `otelkit_exporter_dropped_total{signal}`: lost by failed exports and full queues. */
  readonly dropped: number;
  /** `otelkit_exporter_last_success_timestamp_seconds{signal}` (at the end of a phase). */
  readonly lastSuccessS: number;
}

/** What a phase measured of the log signal. */
export interface LogsPhase extends SignalStats {
  /** Log calls the app made during the phase. */
  readonly calls: number;
  /** The app's slowest single log call during the phase, ms. */
  readonly maxCallMs: number;
}

/** What the app reports of its own log calls. */
export interface LogCalls {
  /** Log calls since start. */
  readonly calls: number;
  /** The slowest call since the previous report, ms. */
  readonly maxMs: number;
}

/** Where to send load and scrapes. */
export interface WalkTarget {
  readonly app: Child;
  readonly backend: FaultBackend;
  readonly metricsUrl: string;
  /** URL for phase `name` (the load's target). */
  readonly loadUrl: (phase: string) => string;
  readonly seconds: number;
  readonly rate: number;
  /**
   * Spans the backend received for a phase's requests. When given, a phase with a healthy backend
   * waits (up to 10 s) for its spans before the next fault starts, so none are blamed on that fault.
   */
  readonly spansOf?: (phase: string) => number;
  /** Unmeasured load before the baseline (JIT warm-up), seconds. */
  readonly warmupSeconds: number;
  /**
   * A second copy of the app, exporting to a backend that stays healthy, loaded the same way at the same
   * time: each phase's no-fault reference, measured on the same machine in the same minutes.
   */
  readonly control?: { readonly loadUrl: (phase: string) => string };
  /**
   * The app's own count and timing of its log calls (one per request, each also an OTLP log record).
   * When given, each phase records the log signal's self-metrics and the slowest log call.
   */
  readonly logStats?: () => Promise<LogCalls>;
  /** Log records the backend received for a phase's requests (waited for like {@link spansOf}). */
  readonly logsOf?: (phase: string) => number;
}

/** Steady load on the app and, at the same time, on the control (when there is one). */
async function loadBoth(
  target: WalkTarget,
  phase: string,
  seconds: number,
): Promise<[LoadResult, LoadResult | undefined]> {
  const rate = target.rate;
  return Promise.all([
    steadyLoad({ url: target.loadUrl(phase), seconds, rate }),
    target.control === undefined
      ? undefined
      : steadyLoad({ url: target.control.loadUrl(phase), seconds, rate }),
  ]);
}

/** `signal`'s self-metrics in a `/metrics` exposition. */
function signalStats(text: string, signal: string): SignalStats {
  return {
    failures: sumOf(text, 'otelkit_exporter_exports_total', { signal, outcome: 'failure' }),
    successes: sumOf(text, 'otelkit_exporter_exports_total', { signal, outcome: 'success' }),
    dropped: sumOf(text, 'otelkit_exporter_dropped_total', { signal }),
    lastSuccessS: sumOf(text, 'otelkit_exporter_last_success_timestamp_seconds', { signal }),
  };
}

async function selfMetrics(metricsUrl: string) {
  const text = (await timedGet(metricsUrl, 10_000)).text;
  return {
    logs: signalStats(text, 'logs'),
    failures: sumOf(text, 'otelkit_exporter_exports_total', { outcome: 'failure' }),
    successes: sumOf(text, 'otelkit_exporter_exports_total', { outcome: 'success' }),
    dropped: sumOf(text, 'otelkit_exporter_dropped_total'),
    tracesDropped: sumOf(text, 'otelkit_exporter_dropped_total', { signal: 'traces' }),
    lastTraceSuccessS: sumOf(text, 'otelkit_exporter_last_success_timestamp_seconds', { signal: 'traces' }),
    text,
  };
}

/** Runs `phases` one after another against one app process, switching the backend's mode in between. */
export async function walkFaults(target: WalkTarget, phases: readonly Phase[]): Promise<PhaseResult[]> {
  await loadBoth(target, 'warmup', target.warmupSeconds);
  const rss = new RssSampler(target.app.pid);
  const results: PhaseResult[] = [];
  try {
    for (const phase of phases) {
      await target.backend.setMode(phase.mode);
      const before = await selfMetrics(target.metricsUrl);
      const logsBefore = await target.logStats?.();
      const rssStartMb = rss.sample() ?? 0;
      rss.resetMax();
      let scraping = true;
      let scrapeMaxMs = 0;
      let scrapes = 0;
      let scrapeFailures = 0;
      const scraper = (async () => {
        while (scraping) {
          try {
            const s = await timedGet(target.metricsUrl, 5_000);
            scrapes++;
            if (s.status !== 200) scrapeFailures++;
            scrapeMaxMs = Math.max(scrapeMaxMs, s.ms);
          } catch {
            scrapeFailures++;
          }
          await new Promise((r) => setTimeout(r, 500));
        }
      })();
      const [load, control] = await loadBoth(target, phase.name, target.seconds);
      scraping = false;
      await scraper;
      const logsAfter = await target.logStats?.();
      if (phase.mode === 'ok') {
        const deadline = Date.now() + 10_000;
        const behind = (of: ((phase: string) => number) | undefined) =>
          of !== undefined && of(phase.name) < load.ok;
        while ((behind(target.spansOf) || behind(target.logsOf)) && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 100));
      }
      const after = await selfMetrics(target.metricsUrl);
      rss.sample();
      results.push({
        name: phase.name,
        mode: phase.mode,
        seconds: target.seconds,
        load,
        control,
        scrapeMaxMs,
        scrapes,
        scrapeFailures,
        rssStartMb,
        rssEndMb: rss.last ?? 0,
        rssMaxMb: rss.max,
        exportFailures: after.failures - before.failures,
        exportSuccesses: after.successes - before.successes,
        dropped: after.dropped - before.dropped,
        lastTraceSuccessS: after.lastTraceSuccessS,
        logs:
          logsBefore === undefined || logsAfter === undefined
            ? undefined
            : {
                calls: logsAfter.calls - logsBefore.calls,
                maxCallMs: logsAfter.maxMs,
                failures: after.logs.failures - before.logs.failures,
                successes: after.logs.successes - before.logs.successes,
                dropped: after.logs.dropped - before.logs.dropped,
                lastSuccessS: after.logs.lastSuccessS,
              },
      });
    }
  } finally {
    rss.stop();
  }
  return results;
}

/** Reads the self-metrics now (for checks after the walk). */
export { selfMetrics };
