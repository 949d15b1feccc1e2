import type { CheckFunction } from '../check/types';

/**
 * A built-in check whose thresholds can change at run time (the `health.checks` section of
 * `OTELKIT_CONFIG_FILE`): `prepareReconfigure` validates new options and returns the function that
 * applies them, so a reload can check everything before it changes anything.
 */
export interface ReconfigurableCheck<O> extends CheckFunction {
  /** @throws OtelkitError naming the option and the value. */
  prepareReconfigure(options: Partial<O>): () => void;
}

/**
 * Builds a reconfigurable check from a resolver of its options and a run function reading the
 * current resolved thresholds.
 */
export function reconfigurable<O, R>(
  options: O,
  resolve: (options: O) => R,
  run: (current: () => R) => CheckFunction,
): ReconfigurableCheck<O> {
  let given = options;
  let resolved = resolve(options);
  const fn = run(() => resolved);
  return Object.assign(fn, {
    prepareReconfigure(changes: Partial<O>) {
      const next = { ...given, ...changes };
      const nextResolved = resolve(next);
      return () => {
        given = next;
        resolved = nextResolved;
      };
    },
  });
}

/** True for a check function that supports {@link ReconfigurableCheck.prepareReconfigure}. */
export function isReconfigurable(fn: unknown): fn is ReconfigurableCheck<Record<string, unknown>> {
  return (
    typeof fn === 'function' &&
    typeof (fn as { prepareReconfigure?: unknown }).prepareReconfigure === 'function'
  );
}
