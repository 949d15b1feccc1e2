import { diag } from '@opentelemetry/api';
import type { ExistingProviders } from './config/types';
import { otelkitError } from './error-codes';

/** The OpenTelemetry API globals a distribution registers. */
export type GlobalKind = 'metrics' | 'trace' | 'propagation';

const LABEL: Record<GlobalKind, string> = {
  metrics: 'MeterProvider',
  trace: 'TracerProvider',
  propagation: 'propagator',
};

/**
 * Which of `kinds` some copy of `@opentelemetry/api` 1.x already holds a global for. Read from the
 * API's cross-copy registry (`Symbol.for('opentelemetry.js.api.1')`, the mechanism that lets copies of
 * one major version share globals) rather than by trying to register, which logs a stack trace.
 */
function registeredGlobals(kinds: readonly GlobalKind[]): GlobalKind[] {
  const registry = (globalThis as Record<symbol, Record<string, unknown> | undefined>)[
    Symbol.for('opentelemetry.js.api.1')
  ];
  return kinds.filter((kind) => registry?.[kind] !== undefined);
}

/**
 * Applies `OTELKIT_EXISTING_PROVIDERS` before otelkit registers any of `kinds`: with `refuse`, throws
 * `OTELKIT_ERR_EXISTING_PROVIDER` naming what is already registered; with `separate`, warns once.
 * @returns the kinds already registered (otelkit leaves them as they are)
 * @throws OtelkitError `OTELKIT_ERR_EXISTING_PROVIDER`
 */
export function checkExistingGlobals(
  kinds: readonly GlobalKind[],
  mode: ExistingProviders,
): readonly GlobalKind[] {
  const found = registeredGlobals(kinds);
  if (found.length === 0) return found;
  const names = found.map((kind) => LABEL[kind]).join(' and ');
  if (mode === 'refuse') throw otelkitError('EXISTING_PROVIDER', { kinds: names });
  diag.warn(
    `otelkit: another OpenTelemetry setup registered a global ${names} before otelkit (OTELKIT_EXISTING_PROVIDERS=separate): otelkit runs its own pipeline beside it; telemetry recorded through the global API goes to the first one`,
  );
  return found;
}
