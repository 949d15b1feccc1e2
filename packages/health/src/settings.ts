import {
  booleanSetting,
  defineSetting,
  type Env,
  type IntegerBounds,
  integerSetting,
} from '@otelkit/core/internal';

const OWNER = '@otelkit/health';
const DAY_MS = 86_400_000;
/** Upper bound of the shutdown delay and of a shutdown step, ten minutes. */
const MAX_DELAY_MS = 600_000;
const DELAY: IntegerBounds = { min: 0, max: MAX_DELAY_MS };

/** Default delay before draining: 5 s in Kubernetes (so endpoints are removed first), else 0. */
export function defaultShutdownDelayMs(env: Env): number {
  const k8s = env.KUBERNETES_SERVICE_HOST;
  return k8s !== undefined && k8s !== '' ? 5_000 : 0;
}

function flag(option: string, fallback: boolean, doc: string) {
  return defineSetting({ option, kind: booleanSetting, default: fallback, doc, owner: OWNER });
}

/**
 * Health's settings, declared once. Options are named without the `options.` prefix in errors
 * (`shutdownDelayMs=-1`), as health always did.
 */
export const HEALTH_SETTINGS = {
  routes: flag('routes', true, 'mount the probe endpoints on the observability server'),
  statusPage: defineSetting({
    option: 'statusPage',
    kind: booleanSetting,
    default: true,
    preset: 'statusPage',
    doc: 'mount the status page on `/` and `/health/status.json`',
    owner: OWNER,
  }),
  operatorRoutes: flag('operatorRoutes', true, 'mount `GET /status` and `POST /health/checks/{name}/run`'),
  initiallyReady: flag('initiallyReady', false, 'start ready, without waiting for `markReady()`'),
  handleSignals: flag('handleSignals', false, 'install the SIGTERM/SIGINT handlers at start'),
  exitOnSignal: flag('exitOnSignal', true, 'exit the process once shutdown after a signal is done'),
  shutdownDelayMs: defineSetting({
    option: 'shutdownDelayMs',
    env: ['OTELKIT_SHUTDOWN_DELAY_MS'],
    kind: integerSetting(DELAY),
    default: ({ env }) => defaultShutdownDelayMs(env),
    preset: 'shutdownDelayMs',
    defaultDoc: '`5000` in Kubernetes (`KUBERNETES_SERVICE_HOST` set), else `0`',
    doc: 'how long readiness fails before draining on SIGTERM',
    owner: OWNER,
  }),
  shutdownTimeoutMs: defineSetting<number | undefined>({
    option: 'shutdownTimeoutMs',
    kind: integerSetting({ min: 1, max: MAX_DELAY_MS }),
    default: undefined,
    defaultDoc: "core's `OTELKIT_SHUTDOWN_TIMEOUT_MS`",
    doc: 'deadline of each shutdown step',
    owner: OWNER,
  }),
  sampleIntervalMs: defineSetting({
    option: 'sampleIntervalMs',
    kind: integerSetting({ min: 0, max: DAY_MS }),
    default: 10_000,
    doc: 'how often checks run in the background and the status history is sampled; 0 turns it off',
    owner: OWNER,
  }),
  historySize: defineSetting({
    option: 'historySize',
    kind: integerSetting({ min: 1, max: 100_000 }),
    default: 90,
    doc: 'points kept for the status page charts',
    owner: OWNER,
  }),
  statusRefreshMs: defineSetting({
    option: 'statusRefreshMs',
    kind: integerSetting({ min: 100, max: DAY_MS }),
    default: 5_000,
    doc: 'how often the status page polls',
    owner: OWNER,
  }),
};
