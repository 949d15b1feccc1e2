import { diag } from '@opentelemetry/api';
import type { BoundCounter, OtelkitCounter, Telemetry } from '@otelkit/core';

/** Name of the counter of operator actions (`otelkit_operator_actions_total` on `/metrics`). */
export const OPERATOR_ACTIONS_METRIC = 'otelkit.operator.actions';

/** The `target` attribute when the named check or breaker does not exist (user input stays out of labels). */
export const UNKNOWN_TARGET = '(unknown)';

/** How an operator action ended: done, or nothing of that name. */
export type OperatorOutcome = 'success' | 'not_found';

/** One operator action, as audited. */
export interface OperatorAction {
  /** What was done, e.g. `check.run`, `breaker.isolate`, `breaker.reset`. */
  readonly action: string;
  /** The check or breaker name as requested. */
  readonly target: string;
  readonly outcome: OperatorOutcome;
  /** The authenticated identity (`basic:<user>`, `bearer`), `undefined` when no auth is configured. */
  readonly identity: string | undefined;
  /** A short result to log, e.g. `state isolated`. */
  readonly detail?: string;
}

/** Logs and counts operator actions; get the process's one with {@link operatorAudit}. */
export interface OperatorAudit {
  /** Logs the action with `diag.warn` and adds 1 to `otelkit.operator.actions`. Never throws. */
  record(action: OperatorAction): void;
}

const MAX_LOGGED = 128;
const audits = new WeakMap<Telemetry, OperatorAudit>();

/** Quoted and cut, so a requested name cannot forge a log line. */
function quote(value: string): string {
  return JSON.stringify(value.length > MAX_LOGGED ? `${value.slice(0, MAX_LOGGED)}…` : value);
}

function createAudit(telemetry: Telemetry): OperatorAudit {
  let counter: OtelkitCounter | undefined;
  // One bound series per (action, target, outcome): targets are registered names, so the set is bounded.
  const bound = new Map<string, BoundCounter>();
  const series = (action: string, target: string, outcome: OperatorOutcome): BoundCounter => {
    const key = `${action}\u0000${target}\u0000${outcome}`;
    let found = bound.get(key);
    if (found === undefined) {
      counter ??= telemetry.getMeter('@otelkit/health').createCounter(OPERATOR_ACTIONS_METRIC, {
        description: 'Actions taken through the operator API (check runs, breaker isolate and reset)',
        unit: '{action}',
      });
      found = counter.bind({ action, target, outcome });
      bound.set(key, found);
    }
    return found;
  };
  return {
    record({ action, target, outcome, identity, detail }) {
      try {
        const who = identity ?? 'anonymous';
        // warn, not info: an operator action must stay in the log at the production preset's level
        diag.warn(
          `otelkit operator: ${who} ${action} ${quote(target)}: ${outcome}${detail === undefined ? '' : ` (${detail})`}`,
        );
        series(action, outcome === 'success' ? target : UNKNOWN_TARGET, outcome).add(1);
      } catch (error) {
        diag.warn(`otelkit operator: could not audit ${action}: ${String(error)}`);
      }
    },
  };
}

/**
 * The operator audit of `telemetry` (one per telemetry, shared by every package that mounts operator
 * routes): each action is logged through `diag.warn` (so it survives the production log level) as
 * `otelkit operator: <identity> <action> "<target>": <outcome>` and counted in
 * `otelkit.operator.actions{action,target,outcome}`.
 * @example
 * operatorAudit(telemetry).record({ action: 'breaker.isolate', target: 'tmdb', outcome: 'success', identity: request.identity });
 */
export function operatorAudit(telemetry: Telemetry): OperatorAudit {
  let audit = audits.get(telemetry);
  if (audit === undefined) {
    audit = createAudit(telemetry);
    audits.set(telemetry, audit);
  }
  return audit;
}
