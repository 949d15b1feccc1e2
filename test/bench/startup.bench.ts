/**
 * Start-up cost of the preload: wall time and peak RSS of `node -e <exit>` plain, with
 * `--require @otelkit/register`, with `--require @opentelemetry/auto-instrumentations-node/register` and with
 * `--require dd-trace/init`,
 * run alternately (A, B, C, A, B, C, …) so machine noise hits all alike. Target (issue 6): otelkit at
 * most +150 ms and +25 MB over plain node.
 *
 *   npm run build && node --import tsx test/bench/startup.bench.ts [--smoke]
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { median, smoke } from './harness';

const root = join(__dirname, '..', '..');
const probe = "process.on('exit',()=>process.stdout.write(String(process.resourceUsage().maxRSS)))";
async function main(): Promise<void> {
  // A local OTLP sink in its own process (spawnSync below blocks this one), so exports succeed at once.
  const sink = spawn(
    process.execPath,
    [
      '-e',
      "const s=require('http').createServer((q,r)=>{q.resume();q.on('end',()=>r.end('{}'))}).listen(0,'127.0.0.1',()=>console.log(s.address().port))",
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const sinkPort = await new Promise<string>((resolve) =>
    sink.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())),
  );
  const env = {
    PATH: process.env.PATH ?? '',
    OTELKIT_PORT: '0',
    OTELKIT_HOST: '127.0.0.1',
    OTEL_TRACES_EXPORTER: 'otlp',
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${sinkPort}`,
    OTEL_LOG_LEVEL: 'none',
    DD_TRACE_AGENT_URL: `http://127.0.0.1:${sinkPort}`,
    DD_TRACE_STARTUP_LOGS: 'false',
    DD_INSTRUMENTATION_TELEMETRY_ENABLED: 'false',
    DD_REMOTE_CONFIGURATION_ENABLED: 'false',
  };
  const cases = [
    { name: 'node (plain)', args: ['-e', probe] },
    { name: 'node --require @otelkit/register', args: ['--require', '@otelkit/register', '-e', probe] },
    {
      name: 'node --require auto-instrumentations-node/register',
      args: ['--require', '@opentelemetry/auto-instrumentations-node/register', '-e', probe],
    },
    { name: 'node --require dd-trace/init', args: ['--require', 'dd-trace/init', '-e', probe] },
  ];
  const runs = smoke ? 1 : 15;
  const wall = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  const rss = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  for (let i = 0; i < runs; i++) {
    for (const c of cases) {
      const started = process.hrtime.bigint();
      const r = spawnSync(process.execPath, c.args, { cwd: root, env, encoding: 'utf8' });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (r.status !== 0) throw new Error(`${c.name} exited ${r.status}: ${r.stderr}`);
      wall.get(c.name)!.push(ms);
      rss.get(c.name)!.push(Number(r.stdout) / 1024);
    }
  }
  const base = cases[0]!.name;
  console.log(`\nstart-up, ${runs} alternating runs each, median (node ${process.version})`);
  console.log(
    `${'case'.padEnd(54)} ${'wall ms'.padStart(9)} ${'+ms'.padStart(8)} ${'peak RSS MB'.padStart(12)} ${'+MB'.padStart(7)}`,
  );
  for (const c of cases) {
    const w = median(wall.get(c.name)!);
    const m = median(rss.get(c.name)!);
    const dw = w - median(wall.get(base)!);
    const dm = m - median(rss.get(base)!);
    console.log(
      `${c.name.padEnd(54)} ${w.toFixed(0).padStart(9)} ${dw.toFixed(0).padStart(8)} ${m.toFixed(1).padStart(12)} ${dm.toFixed(1).padStart(7)}`,
    );
  }
  console.log('target: otelkit at most +150 ms and +25 MB over plain node');
  sink.kill();
}

void main();
