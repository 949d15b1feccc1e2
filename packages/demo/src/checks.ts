import type { BreakerRegistry } from '@otelkit/circuit-breaker';
import type { Telemetry } from '@otelkit/core';
import { eventLoopDelayCheck, type Health, heapCheck, lastSuccessCheck } from '@otelkit/health';

/** The demo's health checks: runtime, the last successful sync of each source, and its breakers. */
export function registerChecks(
  health: Health,
  telemetry: Telemetry,
  breakers: BreakerRegistry,
  cycleMs: number,
): void {
  health.registerCheck('eventloop:delay', eventLoopDelayCheck({ warnMs: 100, failMs: 500 }), {
    kind: 'liveness',
  });
  health.registerCheck('memory:heap', heapCheck({ warnRatio: 0.8, failRatio: 0.95 }), { kind: 'liveness' });
  health.registerCheck(
    'sync:lastSuccess',
    lastSuccessCheck({
      telemetry,
      namespace: 'sync',
      operation: 'sync_cycle',
      warnAfterMs: cycleMs * 5,
      failAfterMs: cycleMs * 20,
    }),
    { kind: 'readiness', critical: false, cacheMs: 1000 },
  );
  for (const [name, check] of Object.entries(breakers.healthChecks({ whenOpen: 'warn' }))) {
    health.registerCheck(`${name}:circuit`, check, {
      kind: 'readiness',
      critical: false,
      componentType: 'component',
    });
  }
}
