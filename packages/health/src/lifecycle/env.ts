import { invalid, PRESETS, type PresetName, parseInteger } from '@otelkit/core';

type Env = Readonly<Record<string, string | undefined>>;

/** Upper bound of the shutdown delay, ten minutes. */
const MAX_DELAY_MS = 600_000;

/** Default delay before draining: 5 s in Kubernetes (so endpoints are removed first), else 0. */
export function defaultShutdownDelayMs(env: Env): number {
  const k8s = env.KUBERNETES_SERVICE_HOST;
  return k8s !== undefined && k8s !== '' ? 5_000 : 0;
}

/**
 * The shutdown delay: the option, else `OTELKIT_SHUTDOWN_DELAY_MS`, else the `OTELKIT_PRESET`'s, else
 * {@link defaultShutdownDelayMs}.
 * @throws OtelkitError `OTELKIT_ERR_INVALID_CONFIG` naming the variable (or option) and value.
 */
export function resolveShutdownDelayMs(option: number | undefined, env: Env, preset?: PresetName): number {
  if (option !== undefined) {
    if (!Number.isInteger(option) || option < 0 || option > MAX_DELAY_MS) {
      invalid('shutdownDelayMs', option, `an integer from 0 to ${MAX_DELAY_MS}`);
    }
    return option;
  }
  const raw = env.OTELKIT_SHUTDOWN_DELAY_MS;
  if (raw !== undefined && raw.trim() !== '') {
    return parseInteger('OTELKIT_SHUTDOWN_DELAY_MS', raw, { min: 0, max: MAX_DELAY_MS });
  }
  return preset === undefined ? defaultShutdownDelayMs(env) : PRESETS[preset].shutdownDelayMs;
}

/**
 * The deadline of each shutdown step: the option, else `OTELKIT_SHUTDOWN_TIMEOUT_MS` as core
 * resolved it into `telemetry.config.shutdownTimeoutMs`.
 */
export function resolveShutdownTimeoutMs(option: number | undefined, fromTelemetry: number): number {
  if (option === undefined) return fromTelemetry;
  if (!Number.isInteger(option) || option < 1 || option > MAX_DELAY_MS) {
    invalid('shutdownTimeoutMs', option, `an integer from 1 to ${MAX_DELAY_MS}`);
  }
  return option;
}
