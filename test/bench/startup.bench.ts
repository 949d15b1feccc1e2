/**
 * Start-up cost of the preload: wall time, CPU time (all threads) and peak RSS of `node -e <exit>`
 * plain, with `--require @otelkit/register`, with `--require @opentelemetry/auto-instrumentations-node/register`
 * and with `--require dd-trace/init`, run alternately so machine noise hits all alike: each round runs
 * plain node first, then the three preloads in an order that rotates from round to round (so no preload
 * always follows the heaviest one), with a short pause between runs for the previous process's exports
 * to the sink to finish. The "+ms" figure is the median over rounds of (the case's wall time minus the
 * same round's plain run). Target (issue 15): otelkit at most +150 ms and +25 MB over plain node.
 *
 *   npm run build && node --import tsx test/bench/startup.bench.ts [--smoke]
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { median, smoke } from './harness';

const root = join(__dirname, '..', '..');
/** Prints the process's peak RSS (KiB) and its CPU time (µs, user + system, every thread) as it exits. */
const probe =
  "process.on('exit',()=>{const u=process.resourceUsage();process.stdout.write(u.maxRSS+' '+(u.userCPUTime+u.systemCPUTime))})";
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
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
  const delta = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  const cpu = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  const rss = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  const [plain, ...preloads] = cases;
  for (let i = 0; i < runs; i++) {
    const order = [plain!, ...preloads.slice(i % preloads.length), ...preloads.slice(0, i % preloads.length)];
    let plainMs = 0;
    for (const c of order) {
      await pause(smoke ? 0 : 200);
      const started = process.hrtime.bigint();
      const r = spawnSync(process.execPath, c.args, { cwd: root, env, encoding: 'utf8' });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (r.status !== 0) throw new Error(`${c.name} exited ${r.status}: ${r.stderr}`);
      const [maxRss, cpuMicros] = r.stdout.trim().split(' ').map(Number);
      if (c === plain) plainMs = ms;
      wall.get(c.name)!.push(ms);
      delta.get(c.name)!.push(ms - plainMs);
      cpu.get(c.name)!.push(cpuMicros! / 1000);
      rss.get(c.name)!.push(maxRss! / 1024);
    }
  }
  const base = plain!.name;
  console.log(
    `\nstart-up, ${runs} rounds (plain first, preloads in rotating order), median (node ${process.version})`,
  );
  console.log(
    `${'case'.padEnd(54)} ${'wall ms'.padStart(9)} ${'+ms'.padStart(8)} ${'CPU ms'.padStart(8)} ${'+CPU'.padStart(7)} ${'peak RSS MB'.padStart(12)} ${'+MB'.padStart(7)}`,
  );
  for (const c of cases) {
    const w = median(wall.get(c.name)!);
    const dw = median(delta.get(c.name)!);
    const t = median(cpu.get(c.name)!);
    const dt = t - median(cpu.get(base)!);
    const m = median(rss.get(c.name)!);
    const dm = m - median(rss.get(base)!);
    console.log(
      `${c.name.padEnd(54)} ${w.toFixed(0).padStart(9)} ${dw.toFixed(0).padStart(8)} ${t.toFixed(0).padStart(8)} ${dt.toFixed(0).padStart(7)} ${m.toFixed(1).padStart(12)} ${dm.toFixed(1).padStart(7)}`,
    );
  }
  console.log('target: otelkit at most +150 ms and +25 MB over plain node');
  sink.kill();
}

void main();
