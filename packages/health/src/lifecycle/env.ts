import { type Env, type PresetName, resolveSection } from '@otelkit/core/internal';
import { defaultShutdownDelayMs, HEALTH_SETTINGS } from '../settings';

export { defaultShutdownDelayMs };

const bare = (path: string) => path;

/**
 * The shutdown delay: the option, else `OTELKIT_SHUTDOWN_DELAY_MS`, else the `OTELKIT_PRESET`'s, else
 * {@link defaultShutdownDelayMs} (the `shutdownDelayMs` setting of {@link HEALTH_SETTINGS}).
 * @throws OtelkitError `OTELKIT_ERR_INVALID_CONFIG` naming the variable (or option) and value.
 */
export function resolveShutdownDelayMs(option: number | undefined, env: Env, preset?: PresetName): number {
  const section = { shutdownDelayMs: HEALTH_SETTINGS.shutdownDelayMs };
  return resolveSection(section, { options: { shutdownDelayMs: option }, env, preset, optionName: bare })
    .values.shutdownDelayMs;
}

/**
 * The deadline of each shutdown step: the option, else `OTELKIT_SHUTDOWN_TIMEOUT_MS` as core
 * resolved it into `telemetry.config.shutdownTimeoutMs`.
 */
export function resolveShutdownTimeoutMs(option: number | undefined, fromTelemetry: number): number {
  const section = { shutdownTimeoutMs: HEALTH_SETTINGS.shutdownTimeoutMs };
  const { values } = resolveSection(section, {
    options: { shutdownTimeoutMs: option },
    env: {},
    optionName: bare,
  });
  return values.shutdownTimeoutMs ?? fromTelemetry;
}
