import { invalid, type ReloadTarget } from '@otelkit/core/internal';
import type { CheckRegistry } from './check/registry';
import { isReconfigurable } from './checks/reconfigurable';

/**
 * The `health` section of `OTELKIT_CONFIG_FILE`: new thresholds for registered built-in checks,
 * `health: { checks: { 'eventloop:delay': { warnMs: 200 } } }`. Every check is validated before any
 * changes; an unknown check, one that cannot be reconfigured or a bad value rejects the whole file.
 */
export function healthReloadTarget(registry: CheckRegistry, path: string): ReloadTarget {
  return {
    section: 'health',
    check: (value) => {
      const checks = (value as { checks?: unknown } | null)?.checks;
      if (
        value === null ||
        typeof value !== 'object' ||
        Array.isArray(value) ||
        Object.keys(value).some((k) => k !== 'checks')
      ) {
        invalid(`health in ${path}`, JSON.stringify(value), 'an object with "checks"');
      }
      if (checks === undefined) return () => {};
      if (checks === null || typeof checks !== 'object' || Array.isArray(checks)) {
        invalid(`health.checks in ${path}`, JSON.stringify(checks), 'an object of check names to thresholds');
      }
      const appliers: Array<() => void> = [];
      for (const [name, options] of Object.entries(checks as Record<string, unknown>)) {
        const fn = registry.get(name)?.fn;
        if (fn === undefined) invalid(`health.checks in ${path}`, name, 'the name of a registered check');
        if (!isReconfigurable(fn))
          invalid(`health.checks.${name} in ${path}`, name, 'a built-in check with thresholds');
        if (options === null || typeof options !== 'object' || Array.isArray(options)) {
          invalid(`health.checks.${name} in ${path}`, JSON.stringify(options), 'an object of thresholds');
        }
        appliers.push(fn.prepareReconfigure(options as Record<string, unknown>));
      }
      return () => {
        for (const apply of appliers) apply();
      };
    },
  };
}
