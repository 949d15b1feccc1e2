import { createOperationMonitor, isOtelkitError, startTelemetry } from '@otelkit/core';
import { readDemoOptions } from './options';
import { Random } from './random';
import { SyncService } from './sync-service';
import { SourceSystem, TargetSystem } from './systems';

/** Starts the demo: telemetry first, then the sync loop; stops cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const options = readDemoOptions(process.env);
  const telemetry = startTelemetry({
    serviceName: process.env.OTEL_SERVICE_NAME ?? 'otelkit-demo',
    serviceVersion: '0.1.0',
  });
  const address = await telemetry.ready;
  const random = new Random(options.seed);
  const failureRate = () => options.failureRate;
  const service = new SyncService({
    monitor: createOperationMonitor({ namespace: 'sync' }),
    sources: [
      new SourceSystem('github', random, options.latencyMs, failureRate),
      new SourceSystem('gitlab', random, options.latencyMs * 1.5, failureRate),
    ],
    target: new TargetSystem(random, options.latencyMs / 3, failureRate),
    random,
    concurrency: 4,
  });
  process.stdout.write(
    `otelkit demo: syncing every ${options.cycleMs} ms; metrics on ${address === undefined ? '(server not started)' : `${address.url}/metrics`}\n`,
  );

  let stopping = false;
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => service.cycle());
  }, options.cycleMs);
  running = service.cycle();
  const stop = async (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    clearInterval(timer);
    process.stdout.write(`otelkit demo: ${signal}, finishing the current cycle and flushing telemetry\n`);
    await running;
    await telemetry.shutdown();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${isOtelkitError(error) ? error.message : String(error)}\n`);
  process.exit(1);
});
