import { diag } from '@opentelemetry/api';

/**
 * Runs the reads of one collection so that a failing source (no `/proc`, a Node.js API that throws on
 * this platform) only drops its own metrics: the error is reported once per source with `diag.debug`
 * and never reaches the application or the other metrics.
 */
export class SafeReader {
  private readonly reported = new Set<string>();

  /** Returns `read()`'s value, or `undefined` when it throws (logged once per `source`). */
  read<T>(source: string, read: () => T): T | undefined {
    try {
      return read();
    } catch (error) {
      this.fail(source, error);
      return undefined;
    }
  }

  /** Records that `source` could not be read; logs only the first time. */
  fail(source: string, error: unknown): void {
    if (this.reported.has(source)) return;
    this.reported.add(source);
    const reason = error instanceof Error ? error.message : String(error);
    diag.debug(`otelkit runtime metrics: cannot read ${source}, skipping its metrics: ${reason}`);
  }
}
