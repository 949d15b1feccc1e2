import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { trace } from '@opentelemetry/api';
import { startTelemetry } from '@otelkit/core';
import { createLogger, otelkitPinoOptions, startTracing } from '@otelkit/tracing';
import pino from 'pino';

const mode = process.argv[2] ?? 'export';
async function main() {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'logging-sink.ts')], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const port = await new Promise<string>((resolve) => { let out = ''; child.stdout!.on('data', (d: Buffer) => { out += d; const m = out.match(/SINK (\d+)/); if (m) resolve(m[1]!); }); });
  const url = `http://127.0.0.1:${port}`;
  const telemetry = startTelemetry({ serviceName: 'bench', server: false, runtimeMetrics: false, logLevel: 'none', env: {} });
  const tracing = startTracing(telemetry, { exporters: ['none'], http: false, env: {}, logs: { exporters: ['otlp'], endpoint: `${url}/v1/logs`, protocol: 'http/protobuf', maxQueueSize: 20001 } });
  const sink = { bytes: 0, write(l: string) { this.bytes += l.length; } };
  const log = mode === 'export' ? createLogger({ name: 'bench', destination: sink }) : mode === 'options' ? pino({ name: 'bench', ...otelkitPinoOptions() }, sink) : pino({ name: 'bench' }, sink);
  const tracer = trace.getTracer('bench');
  const t0 = process.cpuUsage();
  for (let r = 0; r < 30; r++) {
    await tracer.startActiveSpan('request', async (span) => {
      for (let i = 0; i < 20000; i++) log.info({ i, route: '/orders/:id', status: 200, user: 'u-42' }, 'request handled');
      span.end();
      await tracing.forceFlush();
    });
  }
  const u = process.cpuUsage(t0);
  console.log(mode, ((u.user + u.system) * 1000) / 600000, 'ns/line');
  await telemetry.shutdown();
  child.disconnect();
}
main();
