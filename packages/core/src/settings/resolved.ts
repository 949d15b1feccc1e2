/**
 * Key of the internal option that hands settings already resolved down to `startTelemetry`,
 * `startTracing` and `startHealth`: `register()` resolves every section once, before anything starts,
 * and passes each start function its frozen result, so no section is resolved (or validated) twice.
 * A direct caller leaves it unset and each start function resolves its own section once.
 * @internal
 */
export const RESOLVED: unique symbol = Symbol.for('otelkit.resolvedSettings');
