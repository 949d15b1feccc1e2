import { checkInteger, invalid, parseEnum, parseInteger } from '@otelkit/core/internal';

/** Demo settings from the environment (all optional). */
export interface DemoOptions {
  /** Milliseconds between cycles (`DEMO_CYCLE_MS`, default 2000). */
  readonly cycleMs: number;
  /** Probability that a remote call fails, 0..1 (`DEMO_FAILURE_RATE`, default 0.05). */
  readonly failureRate: number;
  /** Seed of the simulation (`DEMO_SEED`, default: time-based). */
  readonly seed: number;
  /** Median latency of source calls in ms (`DEMO_LATENCY_MS`, default 60). */
  readonly latencyMs: number;
  /** Port of the demo's HTTP API (`DEMO_HTTP_PORT`, default 8080; 0 picks a free one). */
  readonly httpPort: number;
  /** Log level of the demo's JSON log lines (`DEMO_LOG_LEVEL`, default info). */
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
}

function parseRate(raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
    invalid('DEMO_FAILURE_RATE', raw, 'a number from 0 to 1');
  }
  return value;
}

/** Reads and validates the demo's environment variables. */
export function readDemoOptions(env: NodeJS.ProcessEnv): DemoOptions {
  const cycle = env.DEMO_CYCLE_MS;
  const seed = env.DEMO_SEED;
  const latency = env.DEMO_LATENCY_MS;
  return {
    cycleMs: cycle === undefined ? 2000 : parseInteger('DEMO_CYCLE_MS', cycle, { min: 10, max: 3_600_000 }),
    failureRate: env.DEMO_FAILURE_RATE === undefined ? 0.05 : parseRate(env.DEMO_FAILURE_RATE),
    seed:
      seed === undefined
        ? checkInteger('seed', Date.now() % 2 ** 31, { min: 0, max: 2 ** 31 })
        : parseInteger('DEMO_SEED', seed, { min: 0, max: 2 ** 31 }),
    latencyMs: latency === undefined ? 60 : parseInteger('DEMO_LATENCY_MS', latency, { min: 0, max: 60_000 }),
    httpPort:
      env.DEMO_HTTP_PORT === undefined
        ? 8080
        : parseInteger('DEMO_HTTP_PORT', env.DEMO_HTTP_PORT, { min: 0, max: 65_535 }),
    logLevel:
      env.DEMO_LOG_LEVEL === undefined
        ? 'info'
        : parseEnum('DEMO_LOG_LEVEL', env.DEMO_LOG_LEVEL, ['debug', 'info', 'warn', 'error'] as const),
  };
}
