import { diag } from '@opentelemetry/api';
import type { BreakerStateName } from './state';

/** Payload of `stateChange`. */
export interface StateChange {
  readonly name: string;
  readonly from: BreakerStateName;
  readonly to: BreakerStateName;
  /** When it happened (epoch ms). */
  readonly at: number;
}

/** Payload of `success`. */
export interface SuccessEvent {
  readonly name: string;
  readonly durationMs: number;
}

/** Payload of `failure` and `timeout`. */
export interface FailureEvent {
  readonly name: string;
  readonly durationMs: number;
  readonly error: unknown;
}

/** Payload of `rejected`. */
export interface RejectedEvent {
  readonly name: string;
  readonly state: BreakerStateName;
}

/** Payload of `fallback`. */
export interface FallbackEvent {
  readonly name: string;
  readonly error: unknown;
}

/** Events a breaker emits, by name. */
export interface BreakerEvents {
  stateChange: StateChange;
  success: SuccessEvent;
  failure: FailureEvent;
  timeout: FailureEvent;
  rejected: RejectedEvent;
  fallback: FallbackEvent;
}

/** Name of a breaker event. */
export type BreakerEventName = keyof BreakerEvents;

type Listener<E extends BreakerEventName> = (event: BreakerEvents[E]) => void;
type ListenerLists = { [E in BreakerEventName]?: Listener<E>[] };

/**
 * A small typed emitter. `has()` lets the hot path skip building payloads when nobody listens;
 * a listener that throws is reported with `diag.warn` and never breaks the call.
 */
export class Emitter {
  private lists: ListenerLists = {};

  /** Adds a listener; returns a function that removes it. */
  on<E extends BreakerEventName>(event: E, listener: Listener<E>): () => void {
    const list = (this.lists[event] ?? []) as Listener<E>[];
    (this.lists as Record<E, Listener<E>[]>)[event] = [...list, listener];
    return () => this.off(event, listener);
  }

  /** Removes a listener added with `on`. */
  off<E extends BreakerEventName>(event: E, listener: Listener<E>): void {
    const list = this.lists[event] as Listener<E>[] | undefined;
    if (list === undefined) return;
    const next = list.filter((l) => l !== listener);
    (this.lists as Record<E, Listener<E>[] | undefined>)[event] = next.length === 0 ? undefined : next;
  }

  /** Whether anyone listens to `event`. */
  has(event: BreakerEventName): boolean {
    return this.lists[event] !== undefined;
  }

  /** Calls each listener of `event`; exceptions are logged, not thrown. */
  emit<E extends BreakerEventName>(event: E, payload: BreakerEvents[E]): void {
    const list = this.lists[event] as Listener<E>[] | undefined;
    if (list === undefined) return;
    for (const listener of list) {
      try {
        listener(payload);
      } catch (err) {
        diag.warn(`@otelkit/circuit-breaker: a '${event}' listener threw`, err);
      }
    }
  }

  /** Drops every listener. */
  clear(): void {
    this.lists = {};
  }
}
