import { createBreakerRegistry } from '@otelkit/circuit-breaker';
import { createOperationMonitor, isOtelkitError } from '@otelkit/core';
import { register } from '@otelkit/register/api';
import { createLogger } from '@otelkit/tracing';
import { createApi } from './api';
import { registerChecks } from './checks';
import { readDemoOptions } from './options';
import { Random } from './random';
import { SyncService } from './sync-service';
import { SourceSystem, TargetSystem } from './systems';

/**
 * Starts the demo: all of otelkit (metrics, traces, health, graceful shutdown) through the same
 * composition the preload uses, then the sync loop and a small HTTP API that the loop calls each cycle.
 * SIGUSR2 toggles an outage (every remote call fails) to watch breakers open and alerts fire.
 */
function main(): void {
  const options = readDemoOptions(process.env);
  // Spans are always made (correlation IDs, exemplars); they are exported only when a backend is
  // configured, so `npm start` without a collector does not log failed exports every few seconds.
  const env = process.env;
  const backend =
    env.OTEL_TRACES_EXPORTER !== undefined ||
    env.OTEL_EXPORTER_OTLP_ENDPOINT !== undefined ||
    env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT !== undefined;
  const otel = register({
    serviceName: env.OTEL_SERVICE_NAME ?? 'otelkit-demo',
    serviceVersion: '0.1.0',
    ...(backend ? {} : { tracing: { exporters: ['none'] as const } }),
  });
  if (otel === undefined || otel.health === undefined) {
    process.stderr.write(
      'otelkit demo: OTEL_SDK_DISABLED=true, running without telemetry is not what this demo is for\n',
    );
    process.exit(1);
  }
  const { telemetry, health } = otel;
  const logger = createLogger({ name: 'demo', level: options.logLevel });
  const random = new Random(options.seed);
  let outage = false;
  const failureRate = () => (outage ? 1 : options.failureRate);
  // Configuration of every external dependency in one place (the seeds' per-service breaker settings).
  const breakers = createBreakerRegistry({
    defaults: { consecutiveFailures: 5, openDurationMs: 10_000 },
    dependencies: { gitlab: { consecutiveFailures: 3, openDurationMs: 5_000 } },
  });
  const target = new TargetSystem(random, options.latencyMs / 3, failureRate);
  const service = new SyncService({
    monitor: createOperationMonitor({ namespace: 'sync' }),
    sources: [
      new SourceSystem('github', random, options.latencyMs, failureRate),
      new SourceSystem('gitlab', random, options.latencyMs * 1.5, failureRate),
    ],
    target,
    random,
    concurrency: 4,
    breakers,
    logger,
  });
  registerChecks(health, telemetry, breakers, options.cycleMs);

  const api = createApi(target);
  api.listen(options.httpPort, '127.0.0.1', async () => {
    const address = await telemetry.ready;
    const port = (api.address() as { port: number }).port;
    process.stdout.write(
      `otelkit demo: syncing every ${options.cycleMs} ms; metrics on ${address === undefined ? '(server not started)' : `${address.url}/metrics`}, status page on ${address?.url ?? '-'}/, API on http://127.0.0.1:${port}/items\n`,
    );
  });

  let running: Promise<void> = Promise.resolve();
  const cycle = () => {
    running = running.then(async () => {
      await service.cycle();
      const port = (api.address() as { port: number } | null)?.port;
      if (port !== undefined)
        await fetch(`http://127.0.0.1:${port}/items`).then(
          (r) => r.arrayBuffer(),
          () => undefined,
        );
    });
  };
  const timer = setInterval(cycle, options.cycleMs);
  cycle();
  process.on('SIGUSR2', () => {
    outage = !outage;
    logger.warn({ outage }, outage ? 'outage simulated: every remote call fails' : 'outage over');
  });
  // Graceful shutdown is otelkit's (readiness off, drain, flush, exit 0): stop the loop first.
  health.beforeShutdown(async () => {
    clearInterval(timer);
    await running;
  });
}

try {
  main();
} catch (error) {
  process.stderr.write(`${isOtelkitError(error) ? error.message : String(error)}\n`);
  process.exit(1);
}
