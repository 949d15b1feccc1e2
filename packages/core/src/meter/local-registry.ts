import type { InstrumentationScope } from '@opentelemetry/core';
import type { LocalInstrument } from './local-instrument';

/** The in-process instruments of one meter provider, by instrumentation scope. */
export class LocalInstrumentRegistry {
  private readonly scopes = new Map<
    string,
    { scope: InstrumentationScope; instruments: LocalInstrument[] }
  >();

  /** Adds an instrument under its meter's scope. */
  add(scope: InstrumentationScope, instrument: LocalInstrument): void {
    const key = `${scope.name}\u0000${scope.version ?? ''}\u0000${scope.schemaUrl ?? ''}`;
    let entry = this.scopes.get(key);
    if (entry === undefined) {
      entry = { scope, instruments: [] };
      this.scopes.set(key, entry);
    }
    entry.instruments.push(instrument);
  }

  /** Every scope with its instruments. */
  entries(): Iterable<{ scope: InstrumentationScope; instruments: readonly LocalInstrument[] }> {
    return this.scopes.values();
  }
}
