import type { InstrumentationScope } from '@opentelemetry/core';
import type { HistogramSource } from './local-histogram';

/** The in-process histograms of one meter provider, by instrumentation scope. */
export class HistogramRegistry {
  private readonly scopes = new Map<string, { scope: InstrumentationScope; histograms: HistogramSource[] }>();

  /** Adds a histogram under its meter's scope. */
  add(scope: InstrumentationScope, histogram: HistogramSource): void {
    const key = `${scope.name}\u0000${scope.version ?? ''}\u0000${scope.schemaUrl ?? ''}`;
    let entry = this.scopes.get(key);
    if (entry === undefined) {
      entry = { scope, histograms: [] };
      this.scopes.set(key, entry);
    }
    entry.histograms.push(histogram);
  }

  /** Every scope with its histograms. */
  entries(): Iterable<{ scope: InstrumentationScope; histograms: readonly HistogramSource[] }> {
    return this.scopes.values();
  }
}
