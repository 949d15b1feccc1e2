import type { LogLevelName } from './types';

/** The names `OTELKIT_PRESET` accepts. */
export type PresetName = 'development' | 'staging' | 'production';

/** Every preset name, for validation and docs. */
export const PRESET_NAMES: readonly PresetName[] = ['development', 'staging', 'production'];

/**
 * Coherent defaults per environment. A preset only changes defaults: an option or an explicit
 * environment variable still wins. Other packages read their entries (`tracesSamplerRatio` in
 * @otelkit/tracing, `shutdownDelayMs` and `statusPage` in @otelkit/health).
 */
export interface Preset {
  /** otelkit's diagnostic log level. */
  readonly logLevel: LogLevelName;
  /** OTLP/console metric push interval. */
  readonly exportIntervalMs: number;
  /** Trace sampling ratio, applied as `parentbased_traceidratio` unless a sampler is set. */
  readonly tracesSamplerRatio: number;
  /** Time readiness stays off before draining on SIGTERM. */
  readonly shutdownDelayMs: number;
  /** Whether the status page at `/` is served. */
  readonly statusPage: boolean;
  /** Whether the observability server must be configured with credentials. */
  readonly authRequired: boolean;
}

/** The presets, in one place (documented in the root README). */
export const PRESETS: Readonly<Record<PresetName, Preset>> = {
  development: {
    logLevel: 'debug',
    exportIntervalMs: 5_000,
    tracesSamplerRatio: 1,
    shutdownDelayMs: 0,
    statusPage: true,
    authRequired: false,
  },
  staging: {
    logLevel: 'info',
    exportIntervalMs: 30_000,
    tracesSamplerRatio: 0.5,
    shutdownDelayMs: 5_000,
    statusPage: true,
    authRequired: false,
  },
  production: {
    logLevel: 'warn',
    exportIntervalMs: 60_000,
    tracesSamplerRatio: 0.1,
    shutdownDelayMs: 10_000,
    statusPage: false,
    authRequired: true,
  },
};
