import { CircuitBreaker } from './breaker';
import type { BreakerHealthOptions, BreakerHealthResult } from './health-check';
import { type CircuitBreakerOptions, resolveBreakerOptions } from './options';
import type { BreakerSnapshot } from './snapshot';

/** Options of {@link createBreakerRegistry}. */
export interface BreakerRegistryOptions {
  /** Options every breaker starts from. */
  defaults?: CircuitBreakerOptions;
  /** Per-dependency options, laid over `defaults` (a shallow merge: a nested object replaces the default's). */
  dependencies?: Record<string, CircuitBreakerOptions>;
}

/**
 * Breakers by dependency name, configured in one place. Every configuration is validated when the
 * registry is created, so a bad value stops start-up rather than the first call.
 */
export class BreakerRegistry {
  private readonly defaults: CircuitBreakerOptions;
  private readonly dependencies: Record<string, CircuitBreakerOptions>;
  private readonly created = new Map<string, CircuitBreaker>();

  constructor(options: BreakerRegistryOptions = {}) {
    this.defaults = { ...options.defaults };
    this.dependencies = { ...options.dependencies };
    for (const [name, dependency] of Object.entries(this.dependencies)) {
      resolveBreakerOptions(name, { ...this.defaults, ...dependency });
    }
  }

  /** The breaker for `name`, created on first use from the defaults and its dependency options. */
  get(name: string): CircuitBreaker {
    let breaker = this.created.get(name);
    if (breaker === undefined) {
      breaker = new CircuitBreaker(name, this.optionsFor(name));
      this.created.set(name, breaker);
    }
    return breaker;
  }

  /** The merged options `get(name)` uses. */
  optionsFor(name: string): CircuitBreakerOptions {
    return { ...this.defaults, ...this.dependencies[name] };
  }

  /** Runs `fn` through the breaker for `dependency`. */
  execute<T>(
    dependency: string,
    fn: (signal: AbortSignal) => T | PromiseLike<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    return this.get(dependency).execute(fn, signal);
  }

  /** Names of the configured dependencies and of every breaker created so far. */
  names(): string[] {
    return [...new Set([...Object.keys(this.dependencies), ...this.created.keys()])];
  }

  /** One health check per dependency name (creating the breakers that do not exist yet). */
  healthChecks(options?: BreakerHealthOptions): Record<string, () => BreakerHealthResult> {
    const checks: Record<string, () => BreakerHealthResult> = {};
    for (const name of this.names()) checks[name] = this.get(name).healthCheck(options);
    return checks;
  }

  /** Snapshots of the breakers created so far, by name. */
  toJSON(): Record<string, BreakerSnapshot> {
    const out: Record<string, BreakerSnapshot> = {};
    for (const [name, breaker] of this.created) out[name] = breaker.toJSON();
    return out;
  }

  /** Disposes every breaker created so far and forgets them. */
  dispose(): void {
    for (const breaker of this.created.values()) breaker.dispose();
    this.created.clear();
  }
}

/**
 * Creates a {@link BreakerRegistry}.
 * @example
 * const breakers = createBreakerRegistry({
 *   defaults: { consecutiveFailures: 3, openDurationMs: 30_000, timeoutMs: 10_000 },
 *   dependencies: { imdb: { consecutiveFailures: 5, openDurationMs: 60_000, timeoutMs: 30_000 } },
 * });
 * await breakers.execute('imdb', (signal) => fetchList(signal));
 */
export function createBreakerRegistry(options?: BreakerRegistryOptions): BreakerRegistry {
  return new BreakerRegistry(options);
}
