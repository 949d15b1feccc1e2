import type { CircuitBreaker } from './breaker';

/**
 * The process-wide directory of live breakers, for operator tooling (an admin endpoint, a REPL) that
 * must find a breaker by name without holding it. It is kept on `globalThis` under a registered
 * symbol, so two copies of this package (the app's and a preload's) share one directory.
 *
 * Breakers are held weakly: `dispose()` removes one at once; the handles of garbage-collected ones
 * are swept at the next listing, or when the set has doubled since the last sweep (amortised O(1),
 * cheaper than a FinalizationRegistry per breaker), so a breaker per request does not grow it.
 */
interface Directory {
  readonly live: Set<WeakRef<CircuitBreaker>>;
  /** Set size at which `enlist` sweeps collected handles. */
  sweepAt: number;
}

const MIN_SWEEP = 1_024;

const KEY = Symbol.for('otelkit.circuit-breaker.directory.v1');

function directory(): Directory {
  const g = globalThis as { [KEY]?: Directory };
  if (g[KEY] === undefined) {
    g[KEY] = { live: new Set(), sweepAt: MIN_SWEEP };
  }
  return g[KEY];
}

/** Lists `breaker`; returns the handle to pass to {@link delist}. @internal */
export function enlist(breaker: CircuitBreaker): WeakRef<CircuitBreaker> {
  const dir = directory();
  const ref = new WeakRef(breaker);
  dir.live.add(ref);
  if (dir.live.size >= dir.sweepAt) {
    sweep(dir.live);
    dir.sweepAt = Math.max(MIN_SWEEP, dir.live.size * 2);
  }
  return ref;
}

/** Drops the handles of collected breakers. */
function sweep(refs: Set<WeakRef<CircuitBreaker>>): void {
  for (const ref of refs) if (ref.deref() === undefined) refs.delete(ref);
}

/** Removes the breaker behind `ref` from the directory. @internal */
export function delist(ref: WeakRef<CircuitBreaker>): void {
  directory().live.delete(ref);
}

/** Live breakers in creation order (dropping collected ones on the way). */
function live(): CircuitBreaker[] {
  const { live: refs } = directory();
  const out: CircuitBreaker[] = [];
  for (const ref of refs) {
    const breaker = ref.deref();
    if (breaker === undefined) refs.delete(ref);
    else out.push(breaker);
  }
  return out;
}

/**
 * Every breaker of the process that has not been disposed, sorted by name (creation order among
 * breakers that share a name). Includes breakers created through a `BreakerRegistry`.
 * @example
 * for (const b of listBreakers()) console.log(b.name, b.state);
 */
export function listBreakers(): CircuitBreaker[] {
  return live().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The live breaker named `name` (the most recently created one when several share the name), or
 * `undefined`.
 * @example
 * findBreaker('tmdb')?.isolate();
 */
export function findBreaker(name: string): CircuitBreaker | undefined {
  let found: CircuitBreaker | undefined;
  for (const breaker of live()) if (breaker.name === name) found = breaker;
  return found;
}
