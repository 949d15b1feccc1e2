/** Which telemetry signal an exporter carries. */
export type Signal = 'metrics' | 'traces' | 'logs';

interface Stat {
  readonly signal: Signal;
  readonly exporter: string;
  successes: number;
  failures: number;
  dropped: number;
  lastSuccessMs: number | undefined;
}

/**
 * Counts export attempts of every push exporter (metrics here, spans from @otelkit/tracing), so that a
 * broken pipeline shows on `/metrics` as `otelkit_exporter_exports_total{outcome="failure"}`,
 * `otelkit_exporter_dropped_total` and a stale `otelkit_exporter_last_success_timestamp_seconds`.
 */
export class ExportStats {
  private readonly stats = new Map<string, Stat>();

  private stat(signal: Signal, exporter: string): Stat {
    const key = `${signal}\u0000${exporter}`;
    let stat = this.stats.get(key);
    if (stat === undefined) {
      stat = { signal, exporter, successes: 0, failures: 0, dropped: 0, lastSuccessMs: undefined };
      this.stats.set(key, stat);
    }
    return stat;
  }

  /** Declares an exporter, so its series are reported (at 0) before its first export. */
  register(signal: Signal, exporter: string): void {
    this.stat(signal, exporter);
  }

  /** Records a successful export. */
  success(signal: Signal, exporter: string): void {
    const stat = this.stat(signal, exporter);
    stat.successes++;
    stat.lastSuccessMs = Date.now();
  }

  /** Records a failed export and the items (data points, spans) it lost. */
  failure(signal: Signal, exporter: string, lostItems: number): void {
    const stat = this.stat(signal, exporter);
    stat.failures++;
    stat.dropped += lostItems;
  }

  /** Records items dropped before export (a full queue). */
  dropped(signal: Signal, exporter: string, items: number): void {
    this.stat(signal, exporter).dropped += items;
  }

  /** A copy of the current counts. */
  snapshot(): ReadonlyArray<Readonly<Stat>> {
    return [...this.stats.values()].map((s) => ({ ...s }));
  }
}
