/**
 * HTTP overhead benchmark: a hello-world `node:http` server under autocannon on loopback, one child
 * process per variant, the variants alternated for several rounds in the same run:
 *   plain (no instrumentation); plain making one outgoing HTTP request a second (a 1 KB POST to the
 *   sink: Node's shared stream and HTTP code runs slower in a server that is also an HTTP client, as
 *   every instrumented server here is once it exports, and as most real services are); otelkit (startTelemetry() with Prometheus and runtime metrics +
 *   startTracing(): HTTP server spans, RED metrics, OTLP/HTTP export to a local sink) at 100% sampling
 *   (OTLP/protobuf, the default, and OTLP/JSON), at 10% (parentbased_traceidratio) and with traces off
 *   (OTEL_TRACES_EXPORTER=none, metrics only);
 *   `--require @opentelemetry/auto-instrumentations-node/register` (traces to the same sink, Prometheus
 *   metrics); `--require dd-trace/init` (traces to the same sink as its agent), all at 100% sampling.
 * The primary figure is the server's CPU time per request (the child's own user+system time over the
 * requests it served, from /proc): throughput and p99 depend on how the two cores are shared. Where
 * `taskset` exists the server runs on CPU 0 and the load generator (this process) on CPU 1.
 * Prints, per variant, the range over rounds of CPU µs/request, its extra over plain, req/s and p99,
 * saturated (autocannon as fast as the server answers); then CPU µs/request and p99 at a fixed rate
 * (BENCH_RATE, default 6,000 requests/s, which every variant sustains): on a VM the saturated CPU figure
 * moves with how busy the host is, while the fixed-rate one compares the code at the same load.
 *
 * Run: npm run build && node --import tsx test/bench/http-overhead.bench.ts [--smoke]
 * (default: 3 rounds of 2 s warm-up + 8 s saturated + 8 s at the fixed rate per server, 20
 * connections; --smoke: 1 round of 1 s each.)
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}
type Cannon = (options: {
  url: string;
  connections: number;
  duration: number;
  overallRate?: number;
}) => Promise<CannonResult>;

const require = createRequire(__filename);
const autocannon = require('autocannon') as Cannon;
const smoke = process.argv.includes('--smoke');
const DURATION_S = smoke ? 1 : 8;
const WARMUP_S = smoke ? 0 : 2;
const ROUNDS = smoke ? 1 : Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 20;
/**
 * The fixed request rate of the second measurement, below what every server here sustains on one core
 * (the slowest, auto-instrumentations, serves about 13,000 a second): CPU per request at a given load,
 * without the feedback of a saturated server (fewer requests per event-loop turn when it is slower).
 */
const FIXED_RATE = smoke ? 1_000 : Number(process.env.BENCH_RATE ?? 6_000);
/** `taskset -c <cpu>` when the machine has it and two CPUs: server and load generator apart. */
const PIN =
  process.env.BENCH_PINNED === '1' || // re-run pinned to CPU 1 (where availableParallelism() is 1)
  (spawnSync('taskset', ['-c', '0', 'true']).status === 0 && availableParallelism() >= 2);

// The app of every child: the same hello-world handler; otelkit mode starts otelkit first.
const APP = `
const http = require('node:http');
const server = http.createServer((req, res) => { res.setHeader('content-type', 'text/plain'); res.end('hello world'); });
server.listen(0, '127.0.0.1', () => process.stdout.write('LISTENING ' + server.address().port + '\\n'));
process.on('SIGTERM', () => process.exit(0));
`;
/** The plain app, also POSTing 1 KB with `node:http` to BENCH_SINK once a second. */
const APP_WITH_REQUESTS = `
const post = () => require('node:http')
  .request(process.env.BENCH_SINK + '/v1/traces', { method: 'POST' }, (res) => res.resume())
  .on('error', () => {})
  .end('x'.repeat(1000));
setInterval(post, 1000).unref();
${APP}`;
/** The OTLP sink: acknowledges each export with an empty response in its encoding; `GET /count` says how many came. */
const SINK = `
let exports = 0;
const server = require('node:http').createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/count') return res.end(String(exports));
  req.resume();
  req.on('end', () => {
    exports++;
    if ((req.headers['content-type'] || '').includes('protobuf'))
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    else res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
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

async function startChild(mode: Mode, cpu = '0'): Promise<{ child: ChildProcess; port: number }> {
  const [command, args] = PIN
    ? ['taskset', ['-c', cpu, process.execPath, ...mode.args]]
    : [process.execPath, mode.args];
  const child = spawn(command, args, {
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
  /** At {@link FIXED_RATE}: server CPU µs per request (whole process), p99 ms, and the share of the rate served. */
  fixed?: { cpu: number; p99: number; served: number };
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
    const start = cpuMs(child.pid!);
    const paced = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: DURATION_S,
      overallRate: FIXED_RATE,
    });
    const end = cpuMs(child.pid!);
    if (start !== undefined && end !== undefined && paced.requests.total > 0) {
      result.fixed = {
        cpu: ((end.total - start.total) * 1000) / paced.requests.total,
        p99: paced.latency.p99,
        served: paced.requests.total / (FIXED_RATE * DURATION_S),
      };
    }
    return result;
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

async function main(): Promise<void> {
  if (PIN && process.env.BENCH_PINNED !== '1') {
    // the load generator (this process) on the other CPU than the servers
    const self = spawnSync(
      'taskset',
      ['-c', '1', process.execPath, ...process.execArgv, ...process.argv.slice(1)],
      {
        stdio: 'inherit',
        env: { ...process.env, BENCH_PINNED: '1' },
      },
    );
    process.exit(self.status ?? 1);
  }
  // The OTLP sink (and dd-trace's agent) drains and acknowledges every request, in a process of its own
  // on the load generator's CPU: inside this process autocannon's busy event loop would delay the
  // acknowledgements, and the instrumented servers would spend CPU on timed-out and retried exports.
  const sink = await startChild({ name: 'sink', args: ['-e', SINK], env: {} }, '1');
  const sinkUrl = `http://127.0.0.1:${sink.port}`;
  const promPort = await freePort();
  const otelkitEnv = { OTEL_EXPORTER_OTLP_ENDPOINT: sinkUrl, OTEL_LOG_LEVEL: 'error' };

  const modes: Mode[] = [
    { name: 'plain', args: ['-e', APP], env: {} },
    {
      name: 'plain + an outgoing request a second',
      args: ['-e', APP_WITH_REQUESTS],
      env: { BENCH_SINK: sinkUrl },
    },
    {
      name: 'otelkit, 100% sampled (http/protobuf)',
      args: ['-e', otelkit('{}') + APP],
      env: { ...otelkitEnv, OTEL_TRACES_SAMPLER: 'always_on' },
    },
    {
      name: 'otelkit, 100% sampled, http/json',
      args: ['-e', otelkit('{}') + APP],
      env: {
        ...otelkitEnv,
        OTEL_TRACES_SAMPLER: 'always_on',
        OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
      },
    },
    {
      name: 'otelkit, 10% sampled',
      args: ['-e', otelkit('{}') + APP],
      env: { ...otelkitEnv, OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.1' },
    },
    {
      name: 'otelkit, metrics only (traces none)',
      args: ['-e', otelkit('{}') + APP],
      env: { ...otelkitEnv, OTEL_TRACES_EXPORTER: 'none' },
    },
    {
      name: 'auto-instrumentations-node 0.82',
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
    {
      name: 'dd-trace 6',
      args: ['--require', 'dd-trace/init', '-e', APP],
      env: {
        DD_SERVICE: 'bench-dd',
        DD_TRACE_AGENT_URL: sinkUrl,
        DD_TRACE_SAMPLE_RATE: '1',
        DD_TRACE_STARTUP_LOGS: 'false',
        DD_INSTRUMENTATION_TELEMETRY_ENABLED: 'false',
        DD_REMOTE_CONFIGURATION_ENABLED: 'false',
      },
    },
  ];

  const results = new Map<string, Measured[]>(modes.map((m) => [m.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of modes) results.get(mode.name)!.push(await run(mode));
  }
  const exports = Number(await (await fetch(`${sinkUrl}/count`)).text());
  sink.child.kill('SIGTERM');
  await once(sink.child, 'exit');

  const cpuOf = (r: Measured) => r.cpu?.total ?? Number.NaN;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const range = (xs: number[], digits = 1) =>
    xs.length === 1
      ? xs[0]!.toFixed(digits)
      : `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;
  const plain = results.get('plain')!;
  const plainCpu = median(plain.map(cpuOf));
  const plainRps = median(plain.map((r) => r.requests.average));
  const plainP99 = median(plain.map((r) => r.latency.p99));
  console.log(
    `http-overhead: ${ROUNDS} alternating rounds, ${DURATION_S} s per server, ${CONNECTIONS} connections, ` +
      `${PIN ? 'server on CPU 0, load on CPU 1' : 'not pinned'}, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
  );
  console.log(
    '| server | CPU µs/req (range) | + µs over plain (median) | req/s (range) | of plain (median) | p99 ms (range) | p99 vs plain | errors |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [mode, runs] of results) {
    const cpu = runs.map(cpuOf);
    const rps = runs.map((r) => r.requests.average);
    const p99 = runs.map((r) => r.latency.p99);
    const errors = runs.reduce((n, r) => n + r.errors + r.non2xx, 0);
    console.log(
      `| ${mode} | ${range(cpu)} | ${(median(cpu) - plainCpu).toFixed(1)} | ${range(rps, 0)} | ` +
        `${((median(rps) / plainRps) * 100).toFixed(1)}% | ${range(p99, 0)} | ${(median(p99) / Math.max(plainP99, 1)).toFixed(2)}x | ${errors} |`,
    );
  }
  const fixedOf = (r: Measured) => r.fixed?.cpu ?? Number.NaN;
  const plainFixed = median(plain.map(fixedOf));
  console.log(
    `\nAt a fixed ${FIXED_RATE} requests/s (${DURATION_S} s per server, same rounds): server CPU per request`,
  );
  console.log(
    '| server | CPU µs/req (range) | + µs over plain (median) | p99 ms (range) | of the rate served (min) |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [mode, runs] of results) {
    const cpu = runs.map(fixedOf);
    const served = Math.min(...runs.map((r) => r.fixed?.served ?? 0));
    console.log(
      `| ${mode} | ${range(cpu)} | ${(median(cpu) - plainFixed).toFixed(1)} | ` +
        `${range(
          runs.map((r) => r.fixed?.p99 ?? Number.NaN),
          0,
        )} | ${(served * 100).toFixed(0)}% |`,
    );
  }
  if (exports === 0) throw new Error('the sink received no export: the instrumented servers sent nothing');
  console.log(`(the sink received ${exports} export requests)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
