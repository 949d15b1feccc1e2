import type { Server } from 'node:http';
import { diag } from '@opentelemetry/api';
import { invalid, RESOLVED, type Telemetry } from '@otelkit/core/internal';
import { aggregate } from './check/outcome';
import { CheckRegistry } from './check/registry';
import type { CheckFunction, CheckKind, CheckOptions, CheckOutcome, CheckStatus } from './check/types';
import { Lifecycle, type LifecycleState } from './lifecycle/lifecycle';
import { runShutdown, type ShutdownHook, type ShutdownResult } from './lifecycle/shutdown';
import { SignalHandlers } from './lifecycle/signals';
import { HealthMetrics } from './metrics/health-metrics';
import { operatorAudit } from './operator/audit';
import { mountOperatorRoutes } from './operator/routes';
import { type HealthOptions, resolveHealthOptions } from './options';
import { healthReloadTarget } from './reload';
import type { ServiceIdentity } from './report/health-json';
import { type HealthReport, type ProbeName, summarize } from './report/report';
import { mountProbeRoutes } from './report/routes';
import { mountStatusRoutes } from './status/routes';
import { type StatusSection, StatusService } from './status/status-service';

/** What {@link startHealth} returns. */
export interface Health {
  /**
   * Registers a check under `name` (`component:measurement`, e.g. `postgres:connections`) and
   * returns a function that removes it. Registering a name again replaces the check.
   * @throws OtelkitError `OTELKIT_ERR_INVALID_CONFIG` for a bad name or option.
   */
  registerCheck(name: string, check: CheckFunction, options?: CheckOptions): () => void;
  /** Declares the app ready to serve; readiness passes once start-up checks have passed too. */
  markReady(): void;
  /** True after `markReady()` once start-up checks have passed, until shutdown starts. */
  isReady(): boolean;
  /** The serving state: `starting`, `ready` or `draining`. */
  state(): LifecycleState;
  /** Runs the checks of one endpoint (within their cache) and returns the report. Never rejects. */
  check(probe: ProbeName): Promise<HealthReport>;
  /**
   * Runs the check registered as `name` now, bypassing its cache (what
   * `POST /health/checks/{name}/run` does); `undefined` when there is no such check. Never rejects.
   */
  runCheck(name: string): Promise<CheckOutcome | undefined>;
  /**
   * Adds a section `name` to the status document (`/status`, `/health/status.json`), its value the
   * result of `provider` at each request; returns a function that removes it. Adding a name again
   * replaces the section. This is how the preload shows circuit breakers without health knowing them.
   * @throws OtelkitError `OTELKIT_ERR_INVALID_CONFIG` for a name that is not 1-64 letters, digits, `_`, `.`, `-`.
   */
  addStatusSection(name: string, provider: StatusSection): () => void;
  /** Runs `hook` during shutdown, after the delay and before HTTP servers are drained. */
  beforeShutdown(hook: ShutdownHook): void;
  /** Closes `server` gracefully during shutdown: stop accepting, let in-flight requests finish. */
  trackServer(server: Server): void;
  /** Handles SIGTERM and SIGINT (see the README's signal rules). Idempotent. */
  installSignalHandlers(): void;
  /**
   * Runs the graceful shutdown sequence (readiness 503, delay, hooks, drain, telemetry flush) once;
   * later calls return the same promise. Does not exit the process.
   */
  shutdown(reason?: string): Promise<ShutdownResult>;
  /** Stops background sampling, metrics callbacks and signal handlers (routes stay mounted). */
  close(): void;
}

const LIFECYCLE_CHECK = 'lifecycle:ready';
const SECTION_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

const KINDS_OF: Record<ProbeName, readonly CheckKind[]> = {
  livez: ['liveness'],
  readyz: ['readiness', 'startup'],
  healthz: ['liveness', 'readiness', 'startup'],
  detailed: ['liveness', 'readiness', 'startup'],
};

/**
 * Starts health checking on a running telemetry: mounts `/livez`, `/readyz`, `/healthz` (and the
 * `/health*` aliases) with `auth: false`, the status page on `/` and the operator API (`GET /status`,
 * `POST /health/checks/{name}/run`) with the server's auth, registers
 * `otelkit.health.status` and `otelkit.health.check.duration` on the meter `@otelkit/health`.
 * @throws OtelkitError `OTELKIT_ERR_INVALID_CONFIG` for a bad option or environment variable.
 * @example
 * const telemetry = startTelemetry({ serviceName: 'orders' });
 * const health = startHealth(telemetry, { handleSignals: true });
 * health.registerCheck('postgres:connections', async () => (await pool.query('select 1'), true));
 * health.trackServer(app.listen(8080, () => health.markReady()));
 */
export function startHealth(telemetry: Telemetry, options: HealthOptions = {}): Health {
  const opts =
    options[RESOLVED] ??
    resolveHealthOptions(options, telemetry.config.shutdownTimeoutMs, telemetry.config.preset);
  const lifecycle = new Lifecycle();
  if (opts.initiallyReady) lifecycle.markReady();
  let metrics: HealthMetrics | undefined;
  const registry = new CheckRegistry((outcome) => metrics?.recordRun(outcome));
  if (telemetry.config.configFile !== undefined) {
    telemetry.addReloadTarget(healthReloadTarget(registry, telemetry.config.configFile));
  }
  const hooks: ShutdownHook[] = [];
  const servers = new Set<Server>();

  const isReady = () => lifecycle.state.phase === 'ready' && registry.startupPassed();
  const lifecycleOutcome = (): CheckOutcome => {
    const state = lifecycle.state;
    const output =
      state.phase === 'draining'
        ? `shutting down (${state.reason})`
        : !registry.startupPassed()
          ? 'start-up checks have not passed yet'
          : state.phase === 'starting'
            ? 'waiting for markReady()'
            : undefined;
    return {
      name: LIFECYCLE_CHECK,
      kind: 'readiness',
      critical: true,
      componentType: 'system',
      status: output === undefined ? 'pass' : 'fail',
      ...(output === undefined ? {} : { output }),
      time: Date.now(),
      durationSeconds: 0,
    };
  };

  const evaluate = async (probe: ProbeName): Promise<HealthReport> => {
    const checks = await registry.run(KINDS_OF[probe]);
    if (probe === 'readyz' || probe === 'detailed') checks.push(lifecycleOutcome());
    return { probe, status: aggregate(checks), output: summarize(checks), checks };
  };

  const latest = (kinds: readonly CheckKind[]): CheckOutcome[] => {
    const out: CheckOutcome[] = [];
    for (const check of registry.all()) {
      const last = check.latest();
      if (last !== undefined && kinds.includes(last.kind)) out.push(last);
    }
    return out;
  };
  metrics = new HealthMetrics(telemetry.getMeter('@otelkit/health'), {
    latest: () => latest(['liveness', 'readiness', 'startup']),
    overall: (kind): CheckStatus =>
      kind === 'liveness'
        ? aggregate(latest(['liveness']))
        : aggregate([...latest(['readiness', 'startup']), lifecycleOutcome()]),
  });

  const runCheck = async (name: string): Promise<CheckOutcome | undefined> => registry.get(name)?.run(true);

  const identity = (): ServiceIdentity => ({
    serviceId: telemetry.config.serviceName,
    version: telemetry.config.serviceVersion,
    description: `health of ${telemetry.config.serviceName}`,
  });
  const sections = new Map<string, StatusSection>();
  const status = new StatusService({
    telemetry,
    sections: () => sections,
    evaluate,
    lifecycle: () => lifecycle.state,
    sampleIntervalMs: opts.sampleIntervalMs,
    historySize: opts.historySize,
    refreshMs: opts.statusRefreshMs,
  });
  if (telemetry.server !== undefined) {
    if (opts.routes) mountProbeRoutes(telemetry.server, evaluate, identity);
    if (opts.statusPage) mountStatusRoutes(telemetry.server, status);
    if (opts.operatorRoutes) {
      mountOperatorRoutes(telemetry.server, { status, runCheck, audit: operatorAudit(telemetry) });
    }
  }
  status.start();

  let stopping: Promise<ShutdownResult> | undefined;
  const shutdown = (reason = 'shutdown() called'): Promise<ShutdownResult> => {
    stopping ??= runShutdown(
      {
        lifecycle,
        delayMs: opts.shutdownDelayMs,
        timeoutMs: opts.shutdownTimeoutMs,
        hooks: () => hooks,
        servers: () => [...servers],
        flush: () => telemetry.shutdown(),
      },
      reason,
    );
    return stopping;
  };
  const signals = new SignalHandlers({
    shutdown,
    exitOnSignal: opts.exitOnSignal,
    hardDeadlineMs: opts.shutdownDelayMs + opts.shutdownTimeoutMs * 5 + 1_000,
    exit: (code) => process.exit(code),
  });
  const stopBackground = () => {
    status.stop();
    metrics?.stop();
  };
  telemetry.onShutdown(stopBackground);
  if (opts.handleSignals) signals.install();

  return {
    registerCheck(name, fn, checkOptions) {
      const check = registry.register(name, fn, checkOptions);
      return () => {
        if (registry.unregister(check)) metrics?.forget(check.settings.name, check.settings.kind);
      };
    },
    markReady: () => {
      if (lifecycle.state.phase === 'draining')
        diag.debug('otelkit health: markReady() during shutdown ignored');
      lifecycle.markReady();
    },
    isReady,
    state: () => lifecycle.state,
    check: evaluate,
    runCheck,
    addStatusSection(name, provider) {
      if (typeof name !== 'string' || !SECTION_NAME.test(name)) {
        invalid('addStatusSection name', name, '1-64 characters of A-Z a-z 0-9 _ . -');
      }
      if (typeof provider !== 'function')
        invalid(`addStatusSection ${name} provider`, typeof provider, 'a function');
      sections.set(name, provider);
      return () => {
        if (sections.get(name) === provider) sections.delete(name);
      };
    },
    beforeShutdown(hook) {
      if (typeof hook === 'function') hooks.push(hook);
      else diag.warn('otelkit health: beforeShutdown() needs a function; ignored');
    },
    trackServer(server) {
      if (servers.has(server)) return;
      servers.add(server);
      server.once('close', () => servers.delete(server));
    },
    installSignalHandlers: () => signals.install(),
    shutdown,
    close() {
      stopBackground();
      signals.uninstall();
    },
  };
}
