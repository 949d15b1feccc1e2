/**
 * Logging cost: CPU per log line of plain pino, of pino with otelkit's options (trace and correlation
 * fields, redaction; no export) and of otelkit's `createLogger()` also sending every line as an
 * OpenTelemetry log record over OTLP/protobuf. Target: createLogger with OTLP export at most 1.5x plain
 * pino's CPU per line.
 *
 * Conditions: every logger writes to the same null destination (an object whose `write` only counts
 * bytes, so no I/O is measured); every line is logged inside an active sampled span with four fields;
 * the variants alternate round by round in one process. The figure is the process's own CPU time
 * (`process.cpuUsage()`, user + system, so the batch processor's and the OTLP exporter's work on the
 * main thread is included) over the round's lines; the export rounds end with a flush, so each round
 * pays for its own records' encoding and sending. The sink runs in a child process (its CPU is not
 * counted) and is asked after the run how many records it received: every exported line must be there.
 *
 *   npm run build && node --import tsx test/bench/logging.bench.ts [--smoke]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { trace } from '@opentelemetry/api';
import { startTelemetry } from '@otelkit/core';
import { createLogger, otelkitPinoOptions, startTracing } from '@otelkit/tracing';
import pino from 'pino';
import { median, smoke } from './harness';

const LINES = smoke ? 500 : 20_000;
const ROUNDS = smoke ? 2 : 9;

/** A destination that only counts: no I/O in the measurement. */
const sink = {
  bytes: 0,
  write(line: string) {
    this.bytes += line.length;
  },
};

async function startSink(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'logging-sink.ts')], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/SINK (\d+)/);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`sink exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

interface Variant {
  readonly name: string;
  readonly log: pino.Logger;
  readonly flush: boolean;
}

async function main(): Promise<void> {
  const { url, child } = await startSink();
  const telemetry = startTelemetry({
    serviceName: 'bench',
    server: false,
    runtimeMetrics: false,
    logLevel: 'none',
    env: {},
  });
  const tracing = startTracing(telemetry, {
    exporters: ['none'],
    http: false,
    env: {},
    logs: {
      exporters: ['otlp'],
      endpoint: `${url}/v1/logs`,
      protocol: 'http/protobuf',
      // The whole round fits in the queue: nothing is dropped, every line is exported.
      maxQueueSize: LINES + 1,
    },
  });

  const plain = pino({ name: 'bench' }, sink);
  const withOptions = pino({ name: 'bench', ...otelkitPinoOptions() }, sink);
  const exported = createLogger({ name: 'bench', destination: sink });

  const variants: Variant[] = [
    { name: 'pino, null destination', log: plain, flush: false },
    { name: 'pino + otelkitPinoOptions() (no export)', log: withOptions, flush: false },
    { name: 'createLogger() + OTLP/protobuf export', log: exported, flush: true },
  ];

  const tracer = trace.getTracer('bench');
  async function round(v: Variant, lines: number): Promise<number> {
    const start = process.cpuUsage();
    await tracer.startActiveSpan('request', async (span) => {
      for (let i = 0; i < lines; i++) {
        v.log.info({ i, route: '/orders/:id', status: 200, user: 'u-42' }, 'request handled');
      }
      span.end();
      if (v.flush) await tracing.forceFlush();
    });
    const used = process.cpuUsage(start);
    return ((used.user + used.system) * 1000) / lines; // ns per line
  }

  for (const v of variants) await round(v, Math.min(LINES, 2_000)); // warm-up
  const samples = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (const v of variants) samples.get(v.name)!.push(await round(v, LINES));
  }

  const sent = LINES * ROUNDS + Math.min(LINES, 2_000);
  const received = Number(await (await fetch(`${url}/count`)).text());
  const stats = telemetry.exportStats.snapshot().find((s) => s.signal === 'logs');
  await telemetry.shutdown();
  child.disconnect();

  const base = median(samples.get(variants[0]!.name)!);
  console.log(
    `\nCPU per log line (${LINES} lines x ${ROUNDS} rounds, median and range; Node ${process.version})`,
  );
  console.log(`${'case'.padEnd(44)} ${'ns/line'.padStart(9)}  ${'range'.padStart(15)}  vs plain pino`);
  for (const v of variants) {
    const values = samples.get(v.name)!;
    const m = median(values);
    const range = `${Math.round(Math.min(...values))}-${Math.round(Math.max(...values))}`;
    console.log(
      `${v.name.padEnd(44)} ${m.toFixed(0).padStart(9)}  ${range.padStart(15)}  ${(m / base).toFixed(2)}x`,
    );
  }
  console.log(
    `records received by the sink: ${received} of ${sent} exported (dropped ${stats?.dropped ?? 0})`,
  );
  if (received !== sent || sink.bytes === 0) {
    console.error('the sink did not receive every exported record');
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
