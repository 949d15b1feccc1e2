/**
 * HTTP overhead benchmark: a hello-world `node:http` server under autocannon on loopback, four ways,
 * one child process each, started one after another in the same run:
 *   (a) plain: no instrumentation;
 *   (b) otelkit: startTelemetry() (Prometheus metrics, runtime metrics) + startTracing() with 100% sampling,
 *       spans batched to a local OTLP sink (OTLP built and sent on the app's thread), HTTP server
 *       spans and `http.server.request.duration`;
 *   (b') the same with `exportThread: true` (OTLP built and sent on a worker thread);
 *   (c) `--require @opentelemetry/auto-instrumentations-node/register`, traces to the same sink
 *       (OTEL_TRACES_EXPORTER=otlp), metrics through its Prometheus exporter, default instrumentations.
 * Prints requests/s, p50/p99 latency, ratios against plain, and the server's CPU time per request (whole
 * process, and its main thread: what the app's event loop pays).
 *
 * Run: npx tsc --build packages/tracing && node --import tsx test/bench/http-overhead.bench.ts [--smoke]
 * (default: 3 s warm-up + 10 s per server, 50 connections; --smoke: 1 s each, no warm-up.)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

interface CannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}
type Cannon = (options: { url: string; connections: number; duration: number }) => Promise<CannonResult>;

const require = createRequire(__filename);
const autocannon = require('autocannon') as Cannon;
const smoke = process.argv.includes('--smoke');
const DURATION_S = smoke ? 1 : 10;
const WARMUP_S = smoke ? 0 : 3;
const CONNECTIONS = 50;

// The app of every child: the same hello-world handler; otelkit mode starts otelkit first.
const APP = `
const http = require('node:http');
const server = http.createServer((req, res) => { res.setHeader('content-type', 'text/plain'); res.end('hello world'); });
server.listen(0, '127.0.0.1', () => process.stdout.write('LISTENING ' + server.address().port + '\\n'));
process.on('SIGTERM', () => process.exit(0));
`;
const otelkit = (tracingOptions: string): string => `
const { startTelemetry } = require('@otelkit/core');
const { startTracing } = require('@otelkit/tracing');
const telemetry = startTelemetry({ serviceName: 'bench-otelkit', port: 0, host: '127.0.0.1' });
startTracing(telemetry, ${tracingOptions});
`;

interface Mode {
  readonly name: string;
  readonly args: string[];
  readonly env: Record<string, string>;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function startChild(mode: Mode): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, mode.args, {
    cwd: `${__dirname}/../..`,
    env: { PATH: process.env.PATH ?? '', ...mode.env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8');
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      const match = /LISTENING (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) =>
      reject(new Error(`${mode.name} exited with ${code} before listening: ${out}`)),
    );
  });
  return { child, port };
}

/** CPU time (ms) of a process and of its main thread, from /proc (Linux); undefined elsewhere. */
function cpuMs(pid: number): { total: number; main: number } | undefined {
  const read = (path: string): number => {
    const fields = readFileSync(path, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks (USER_HZ 100)
  };
  try {
    return { total: read(`/proc/${pid}/stat`), main: read(`/proc/${pid}/task/${pid}/stat`) };
  } catch {
    return undefined;
  }
}

interface Measured extends CannonResult {
  /** Server CPU per request, µs: the whole process and its main thread (undefined off Linux). */
  cpu?: { total: number; main: number };
}

async function run(mode: Mode): Promise<Measured> {
  const { child, port } = await startChild(mode);
  const url = `http://127.0.0.1:${port}/`;
  try {
    if (WARMUP_S > 0) await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_S });
    const before = cpuMs(child.pid!);
    const result: Measured = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S });
    const after = cpuMs(child.pid!);
    const requests = result.requests.average * DURATION_S;
    if (before !== undefined && after !== undefined && requests > 0) {
      result.cpu = {
        total: ((after.total - before.total) * 1000) / requests,
        main: ((after.main - before.main) * 1000) / requests,
      };
    }
    return result;
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

async function main(): Promise<void> {
  // The OTLP sink: drains and acknowledges every export, counts spans bytes only.
  let exports = 0;
  const sink = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      exports++;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
  const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
  const promPort = await freePort();

  const modes: Mode[] = [
    { name: 'plain', args: ['-e', APP], env: {} },
    {
      name: 'otelkit',
      args: ['-e', otelkit('{}') + APP],
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: sinkUrl,
        OTEL_TRACES_SAMPLER: 'always_on',
        OTEL_LOG_LEVEL: 'error',
      },
    },
    {
      name: 'otelkit, exportThread: true',
      args: ['-e', otelkit('{ exportThread: true }') + APP],
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: sinkUrl,
        OTEL_TRACES_SAMPLER: 'always_on',
        OTEL_LOG_LEVEL: 'error',
      },
    },
    {
      name: 'auto-instrumentations-node',
      args: ['--require', '@opentelemetry/auto-instrumentations-node/register', '-e', APP],
      env: {
        OTEL_SERVICE_NAME: 'bench-auto',
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_EXPORTER_OTLP_ENDPOINT: sinkUrl,
        OTEL_TRACES_SAMPLER: 'always_on',
        OTEL_METRICS_EXPORTER: 'prometheus',
        OTEL_EXPORTER_PROMETHEUS_HOST: '127.0.0.1',
        OTEL_EXPORTER_PROMETHEUS_PORT: String(promPort),
        OTEL_NODE_RESOURCE_DETECTORS: 'env,host,os,process,serviceinstance',
        OTEL_LOG_LEVEL: 'error',
      },
    },
  ];

  const results: Array<{ mode: string; result: Measured }> = [];
  for (const mode of modes) results.push({ mode: mode.name, result: await run(mode) });
  sink.close();

  const plain = results[0]!.result;
  console.log(
    `http-overhead: ${CONNECTIONS} connections, ${DURATION_S} s per server, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
  );
  console.log(
    '| server | req/s | p50 ms | p99 ms | throughput vs plain | p99 vs plain | server CPU µs/req (main thread) | errors |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const { mode, result } of results) {
    const ratio = result.requests.average / plain.requests.average;
    const p99 = plain.latency.p99 === 0 ? 0 : result.latency.p99 / plain.latency.p99;
    console.log(
      `| ${mode} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} | ` +
        `${(ratio * 100).toFixed(1)}% | ${p99.toFixed(2)}x | ${cpuCell(result.cpu)} | ${result.errors + result.non2xx} |`,
    );
  }
  console.log(`(OTLP sink received ${exports} export requests)`);
}

function cpuCell(cpu: Measured['cpu']): string {
  return cpu === undefined ? '—' : `${cpu.total.toFixed(1)} (${cpu.main.toFixed(1)})`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
