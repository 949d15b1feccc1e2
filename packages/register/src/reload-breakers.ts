import type { ReloadableOption } from '@otelkit/circuit-breaker';
import { invalid, type ReloadTarget } from '@otelkit/core/internal';

type BreakerPackage = typeof import('@otelkit/circuit-breaker');

/**
 * The `breakers` section of `OTELKIT_CONFIG_FILE`: new thresholds per breaker name, for example
 * `breakers: { tmdb: { consecutiveFailures: 3, openDurationMs: 30000 } }`, applied to every live breaker
 * of that name. Every breaker is checked before any changes; a bad value rejects the whole file.
 */
export function breakersReloadTarget(path: string): ReloadTarget {
  return {
    section: 'breakers',
    check: (value) => {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        invalid(`breakers in ${path}`, JSON.stringify(value), 'an object of breaker names to settings');
      }
      const { listBreakers, isInvalidBreakerOptionError } =
        require('@otelkit/circuit-breaker') as BreakerPackage;
      const live = listBreakers();
      const appliers: Array<() => void> = [];
      for (const [name, changes] of Object.entries(value as Record<string, unknown>)) {
        if (changes === null || typeof changes !== 'object' || Array.isArray(changes)) {
          invalid(`breakers.${name} in ${path}`, JSON.stringify(changes), 'an object of breaker settings');
        }
        for (const breaker of live.filter((b) => b.name === name)) {
          try {
            appliers.push(breaker.prepareReconfigure(changes as Partial<Record<ReloadableOption, never>>));
          } catch (error) {
            if (!isInvalidBreakerOptionError(error)) throw error;
            invalid(
              `breakers.${name}.${error.option} in ${path}`,
              error.value,
              error.message.split(': expected ')[1] ?? 'a valid value',
            );
          }
        }
      }
      return () => {
        for (const apply of appliers) apply();
      };
    },
  };
}
