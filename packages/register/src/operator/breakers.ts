import { diag } from '@opentelemetry/api';
import type { Telemetry } from '@otelkit/core';
import { type Health, mountOperatorActions, operatorAudit } from '@otelkit/health/internal';

/** Prefix of `POST /circuit-breakers/{name}/isolate` and `/reset`. */
export const BREAKERS_PATH = '/circuit-breakers';
/** Name of the status document section listing every live breaker's snapshot. */
export const BREAKERS_SECTION = 'circuitBreakers';

type BreakerPackage = typeof import('@otelkit/circuit-breaker');
type Breaker = ReturnType<BreakerPackage['listBreakers']>[number];
let loaded: BreakerPackage | undefined;

/**
 * Every live breaker. The package is loaded on the first operator request rather than at preload; its
 * directory is process-wide (on `globalThis`), so this copy sees the breakers of the app's copy too.
 * Should it be missing, there are no breakers to list.
 */
function liveBreakers(): Breaker[] {
  try {
    loaded ??= require('@otelkit/circuit-breaker') as BreakerPackage;
  } catch (error) {
    diag.warn(`otelkit: @otelkit/circuit-breaker could not be loaded: ${String(error)}`);
    return [];
  }
  return loaded.listBreakers();
}

/**
 * Composes the circuit breakers into the operator API: `POST /circuit-breakers/{name}/isolate` and
 * `/reset` on the observability server (behind its auth, audited like every operator action), and a
 * `circuitBreakers` section in `/status`. An action applies to every live breaker of that name; the
 * answer is the newest one's snapshot plus `instances`, how many it applied to.
 */
export function mountBreakerOperator(telemetry: Telemetry, health: Health | undefined): void {
  if (telemetry.server !== undefined) {
    mountOperatorActions(telemetry.server, operatorAudit(telemetry), {
      prefix: BREAKERS_PATH,
      kind: 'breaker',
      verbs: ['isolate', 'reset'],
      perform(name, verb) {
        // Sorted by name, then creation: the last one is the newest, as findBreaker() picks.
        const targets = liveBreakers().filter((b) => b.name === name);
        const newest = targets.at(-1);
        if (newest === undefined) return undefined;
        for (const breaker of targets) {
          if (verb === 'isolate') breaker.isolate();
          else breaker.reset();
        }
        const snapshot = newest.toJSON();
        return { body: { ...snapshot, instances: targets.length }, detail: `state ${snapshot.state}` };
      },
    });
  }
  health?.addStatusSection(BREAKERS_SECTION, () => liveBreakers().map((b) => b.toJSON()));
}
