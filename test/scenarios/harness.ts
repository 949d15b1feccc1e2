// Shared tooling of the seed scenarios: start a scenario app (built packages, a child process on
// 127.0.0.1 with OTELKIT_PORT=0), read what an operator reads (/metrics, probes, log lines), generate
// the alert catalogue and dashboards with the built CLI, run promtool, and run a real Prometheus
// scraping the app every second.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseExposition as parseFamilies } from '../../packages/cli/src/exposition';
import { fetchText } from '../helpers/http';
import { prometheusApi, type Vector } from '../helpers/prometheus-api';
import { freePort, waitFor } from '../helpers/wait';

export const ROOT = join(__dirname, '..', '..');
export const CLI_BIN = join(ROOT, 'packages', 'cli', 'dist', 'bin.js');
export const PROMTOOL = '/usr/bin/promtool';
export const PROMETHEUS = '/usr/bin/prometheus';

/** Fails fast with the fix when the built packages or the Debian tools are missing. */
export function assertPrerequisites(): void {
  for (const pkg of ['core', 'tracing', 'health', 'circuit-breaker', 'cli']) {
    assert.ok(
      existsSync(join(ROOT, 'packages', pkg, 'dist', 'index.js')),
      `packages/${pkg}/dist is missing: run npx tsc --build first`,
    );
  }
  for (const tool of [PROMTOOL, PROMETHEUS]) {
    assert.ok(existsSync(tool), `${tool} is missing: apt-get install prometheus`);
  }
}

/** A fresh temporary directory, removed by `cleanup()`. */
export function tempDir(prefix: string): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), `otelkit-scenario-${prefix}-`));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** A running scenario app. */
export interface ScenarioApp {
  readonly child: ChildProcess;
  /** Base URL of the app's observability server (`http://127.0.0.1:<port>`). */
  readonly url: string;
  /** Everything the app wrote to stdout, as lines. */
  stdoutLines(): string[];
  /** The JSON lines of stdout (log lines and the app's own announcements). */
  jsonLines(): Record<string, unknown>[];
  /** Everything the app wrote to stderr. */
  stderr(): string;
  /** Sends `signal` and resolves with the exit code (SIGKILL after 8 s). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `node <script>` with `env` added to the environment and waits for the line
 * `{"otelkit_url":"http://127.0.0.1:<port>"}` that every scenario app prints once /metrics is served.
 */
export async function startApp(script: string, env: Record<string, string> = {}): Promise<ScenarioApp> {
  const child = spawn(process.execPath, [script], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, OTELKIT_HOST: '127.0.0.1', OTELKIT_PORT: '0', OTEL_LOG_LEVEL: 'warn', ...env },
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stdoutLines = () => out.split('\n').filter((l) => l !== '');
  const jsonLines = () =>
    stdoutLines().flatMap((l) => {
      try {
        return [JSON.parse(l) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  const url = await waitFor(
    `${script} to print its otelkit_url`,
    () => {
      if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}: ${err}`);
      return jsonLines().find((l) => typeof l.otelkit_url === 'string')?.otelkit_url as string | undefined;
    },
    15_000,
  );
  return {
    child,
    url,
    stdoutLines,
    jsonLines,
    stderr: () => err,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** One sample of the Prometheus text format. */
export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** The samples of a Prometheus text exposition, read with the CLI's parser (`otelkit metrics`). */
export function parseExposition(text: string): Sample[] {
  return parseFamilies(text).flatMap((family) =>
    family.samples.map((s) => ({ name: s.name, labels: s.labels, value: Number(s.value) })),
  );
}

/** GETs `/metrics` of `app` (with optional headers) and parses it. */
export async function scrape(app: ScenarioApp, headers: Record<string, string> = {}): Promise<Metrics> {
  const res = await fetchText(`${app.url}/metrics`, { headers });
  assert.equal(res.status, 200, `/metrics answered ${res.status}`);
  return new Metrics(parseExposition(res.body));
}

/** Query helpers over one scrape, the way an operator reads /metrics. */
export class Metrics {
  constructor(readonly samples: readonly Sample[]) {}

  /** Samples of `name` whose labels include `labels`. */
  select(name: string, labels: Record<string, string> = {}): Sample[] {
    return this.samples.filter(
      (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
    );
  }

  /** Sum of the values of the matching samples; fails when there is none. */
  sum(name: string, labels: Record<string, string> = {}): number {
    const found = this.select(name, labels);
    assert.ok(found.length > 0, `no sample ${name}${JSON.stringify(labels)} on /metrics`);
    return found.reduce((total, s) => total + s.value, 0);
  }

  /** The value of the single matching sample; fails when there is not exactly one. */
  value(name: string, labels: Record<string, string> = {}): number {
    const found = this.select(name, labels);
    assert.equal(
      found.length,
      1,
      `expected one sample ${name}${JSON.stringify(labels)}, found ${found.length}`,
    );
    return found[0]!.value;
  }

  /** Distinct values of `label` among the samples of `name`. */
  labelValues(name: string, label: string, labels: Record<string, string> = {}): string[] {
    return [...new Set(this.select(name, labels).map((s) => s.labels[label] ?? ''))].sort();
  }
}

/** Runs a command to completion (120 s at most). */
export function run(command: string, args: readonly string[]): { code: number | null; out: string } {
  // promtool rule tests take seconds on a quiet machine and far longer on a loaded one: a generous bound.
  const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/** `otelkit generate-config --out <dir> --service <job> --namespace <ns> ...flags` with the built CLI. */
export function generateConfig(
  dir: string,
  job: string,
  namespace: string,
  flags: readonly string[] = [],
): void {
  const r = run(process.execPath, [
    CLI_BIN,
    'generate-config',
    '--out',
    dir,
    '--service',
    job,
    '--namespace',
    namespace,
    ...flags,
  ]);
  assert.equal(r.code, 0, r.out);
}

/** `promtool <args>`; fails with promtool's output unless it exits 0. */
export function promtool(...args: string[]): string {
  const r = run(PROMTOOL, args);
  assert.equal(r.code, 0, `promtool ${args.join(' ')}:\n${r.out}`);
  return r.out;
}

/** A real Prometheus scraping one target every second and evaluating `ruleFiles` every second. */
export interface PrometheusRun {
  readonly api: string;
  /** Runs an instant query; fails unless Prometheus answers `success`. */
  query(expr: string): Promise<Vector>;
  /** Polls `expr` until it returns at least one series. */
  waitForData(expr: string, timeoutMs?: number): Promise<Vector>;
  /** Active alerts (pending or firing). */
  alerts(): Promise<{ labels: Record<string, string>; state: string }[]>;
  stop(): Promise<void>;
}

/** Starts Prometheus with a scrape config written for the test (1 s intervals). */
export async function startPrometheus(options: {
  dir: string;
  job: string;
  target: string;
  ruleFiles: readonly string[];
  basicAuth?: { username: string; password: string };
}): Promise<PrometheusRun> {
  const auth = options.basicAuth
    ? `    basic_auth:\n      username: ${options.basicAuth.username}\n      password: ${options.basicAuth.password}\n`
    : '';
  const config = join(options.dir, 'prometheus-test.yml');
  writeFileSync(
    config,
    [
      'global:',
      '  scrape_interval: 1s',
      '  evaluation_interval: 1s',
      'rule_files:',
      ...options.ruleFiles.map((f) => `  - ${f}`),
      'scrape_configs:',
      `  - job_name: ${options.job}`,
      auth.trimEnd(),
      '    static_configs:',
      `      - targets: ['${options.target}']`,
      '',
    ]
      .filter((l) => l !== '')
      .join('\n'),
  );
  promtool('check', 'config', config);
  const port = await freePort();
  const api = `http://127.0.0.1:${port}`;
  const child = spawn(
    PROMETHEUS,
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${join(options.dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const prometheus = prometheusApi(api);
  await prometheus.ready();
  const query = prometheus.vector;
  return {
    api,
    query,
    waitForData: (expr, timeoutMs = 15_000) =>
      waitFor(
        `data for ${expr}`,
        async () => {
          const r = await query(expr);
          return r.length > 0 ? r : undefined;
        },
        timeoutMs,
      ),
    alerts: prometheus.alerts,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** One panel query of a generated dashboard. */
/** How one scenario runs: its app, the generated configuration, and the Prometheus scraping it. */
export interface ScenarioOptions {
  /** The scenario's app (`app.cjs` beside its test). */
  readonly script: string;
  readonly job: string;
  readonly namespace: string;
  /** Extra environment of the app. */
  readonly env?: Record<string, string>;
  /** Flags for `otelkit generate-config`. */
  readonly flags?: readonly string[];
  /** The scenario's own rules, evaluated beside the generated catalogue. */
  readonly rules: string;
  /** Credentials Prometheus scrapes the app with. */
  readonly basicAuth?: { username: string; password: string };
}

/**
 * Starts a scenario as an operator would run it: the app, `otelkit generate-config` into `dir`, and a
 * real Prometheus scraping the app with the generated alert catalogue and the scenario's own rules.
 */
export async function startScenario(
  dir: string,
  o: ScenarioOptions,
): Promise<{ app: ScenarioApp; prom: PrometheusRun }> {
  assertPrerequisites();
  const app = await startApp(o.script, o.env);
  generateConfig(dir, o.job, o.namespace, o.flags);
  const prom = await startPrometheus({
    dir,
    job: o.job,
    target: new URL(app.url).host,
    ruleFiles: [join(dir, 'rules', 'otelkit-alerts.yml'), o.rules],
    basicAuth: o.basicAuth,
  });
  return { app, prom };
}

/** Stops what {@link startScenario} started (whatever of it did start) and removes `dir`. */
export async function stopScenario(
  dir: { cleanup: () => void },
  app: ScenarioApp | undefined,
  prom: PrometheusRun | undefined,
): Promise<void> {
  await Promise.all([prom?.stop(), app?.stop('SIGKILL')]);
  dir.cleanup();
}

export interface PanelQuery {
  readonly board: string;
  readonly panel: string;
  readonly expr: string;
}

/** Every panel query of the generated dashboards in `<dir>/grafana/dashboards`, variables filled in. */
export function dashboardQueries(dir: string, job: string, rateInterval = '10s'): PanelQuery[] {
  const boards = join(dir, 'grafana', 'dashboards');
  const queries: PanelQuery[] = [];
  for (const file of readdirSync(boards).sort()) {
    const board = JSON.parse(readFileSync(join(boards, file), 'utf8')) as {
      title: string;
      panels: { title: string; targets?: { expr: string }[] }[];
    };
    for (const panel of board.panels) {
      for (const target of panel.targets ?? []) {
        queries.push({
          board: file.replace(/\.json$/, ''),
          panel: panel.title,
          expr: target.expr
            .replaceAll('$__rate_interval', rateInterval)
            .replaceAll('$job', job)
            .replaceAll('$instance', '.*'),
        });
      }
    }
  }
  return queries;
}

/** The queries of `board`'s panel titled `panel`; fails when the generated dashboards have none. */
export function panel(queries: readonly PanelQuery[], board: string, title: string): PanelQuery[] {
  const found = queries.filter((q) => q.board === board && q.panel === title);
  assert.ok(found.length > 0, `the generated ${board} dashboard has no panel "${title}"`);
  return found;
}

export { freePort, waitFor };
