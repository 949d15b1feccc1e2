'use strict';
// Seed 000: a Harbor registry replicator. Two simulated Harbor instances (local HTTP servers with the
// v2.0 API paths) hold projects, repositories and robot accounts; every HARBOR_CYCLE_MS the replicator
// lists both sides, creates / updates / deletes on the target what differs from the source, and reports
// replication lag, configuration drift and quota usage. Instrumented only through otelkit's public API.
//
// SIGUSR2 toggles an outage of the target instance (every API call answers 503).
// Prints {"otelkit_url": "..."} on stdout once /metrics is served.
const http = require('node:http');
const { createOperationMonitor, startTelemetry } = require('@otelkit/core');
const { startTracing } = require('@otelkit/tracing');
const { httpCheck, lastSuccessCheck, startHealth } = require('@otelkit/health');

const CYCLE_MS = Number(process.env.HARBOR_CYCLE_MS ?? 200);
const TYPES = ['project', 'repository', 'robot_account'];

// --- the simulated Harbor instances -----------------------------------------------------------------
function harbor(name) {
  const store = Object.fromEntries(TYPES.map((t) => [t, new Map()]));
  const instance = { name, store, down: false, url: '' };
  const paths = { project: 'projects', repository: 'repositories', robot_account: 'robots' };
  instance.server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      if (instance.down) return res.writeHead(503).end('{"errors":[{"code":"UNAVAILABLE"}]}');
      const [, , , collection, id] = (req.url ?? '').split('/'); // /api/v2.0/<collection>/<id>
      if (collection === 'health') return res.writeHead(200).end('{"status":"healthy"}');
      if (collection === 'quotas') {
        const used = store.repository.size;
        return res.writeHead(200).end(JSON.stringify([{ ref: 'library', used, hard: 40 }]));
      }
      const type = TYPES.find((t) => paths[t] === collection);
      if (type === undefined) return res.writeHead(404).end('{}');
      if (req.method === 'GET') return res.writeHead(200).end(JSON.stringify([...store[type].values()]));
      if (req.method === 'PUT') store[type].set(id, JSON.parse(body));
      if (req.method === 'DELETE') store[type].delete(id);
      res.writeHead(200).end('{}');
    });
  });
  instance.api = (type, id) => `${instance.url}/api/v2.0/${paths[type]}${id === undefined ? '' : `/${id}`}`;
  return instance;
}

const source = harbor('harbor-primary');
const target = harbor('harbor-dr');

// Deterministic churn on the source: every cycle adds one resource of each type, every 3rd cycle
// changes one, every 5th deletes one.
let generation = 0;
function churn() {
  generation++;
  const now = Date.now();
  for (const type of TYPES) {
    const store = source.store[type];
    store.set(`${type}-${generation}`, { id: `${type}-${generation}`, rev: 1, changedAt: now });
    if (generation % 3 === 0 && store.size > 1) {
      const first = store.values().next().value;
      store.set(first.id, { ...first, rev: first.rev + 1, changedAt: now });
    }
    if (generation % 5 === 0 && store.size > 2) store.delete(store.keys().next().value);
  }
}

// --- otelkit ----------------------------------------------------------------------------------------
const telemetry = startTelemetry({ serviceName: 'harbor-replicator' });
startTracing(telemetry, { http: { server: false } }); // API call latency: http.client.request.duration
const health = startHealth(telemetry, { handleSignals: true, sampleIntervalMs: 500 });
const monitor = createOperationMonitor({ namespace: 'harbor_replicator' });
const lag = monitor.gauge('replication.lag', {
  unit: 's',
  description: 'age of the oldest change not yet on the target',
});
const drift = monitor.gauge('config.drift', {
  unit: '{resource}',
  description: 'resources that differ between source and target',
});
const quota = monitor.gauge('quota.usage', { unit: '1', description: 'used / hard quota of a project' });

class HarborUnavailableError extends Error {
  constructor(instance, status) {
    super(`${instance} answered ${status}`);
    this.name = 'HarborUnavailableError';
  }
}

async function call(instance, url, init) {
  const res = await fetch(url, init);
  if (res.status >= 500) throw new HarborUnavailableError(instance.name, res.status);
  return res.json();
}

// When each resource type last reached the target in full.
const replicatedAt = Object.fromEntries(TYPES.map((t) => [t, 0]));

async function replicate(type) {
  const startedAt = Date.now();
  const wanted = new Map((await call(source, source.api(type))).map((r) => [r.id, r]));
  // Known from the source alone, so they stay right during a target outage: the changes not yet
  // replicated (the queue) and the age of the oldest of them (the replication lag).
  const unreplicated = [...wanted.values()].filter((r) => r.changedAt > replicatedAt[type]);
  const oldest = Math.min(startedAt, ...unreplicated.map((r) => r.changedAt));
  monitor.setQueueDepth(type, unreplicated.length);
  lag.record((startedAt - oldest) / 1000, { source: source.name, target: target.name, resource_type: type });

  const present = new Map((await call(target, target.api(type))).map((r) => [r.id, r]));
  const creates = [...wanted.values()].filter((r) => !present.has(r.id));
  const updates = [...wanted.values()].filter((r) => present.has(r.id) && present.get(r.id).rev !== r.rev);
  const deletes = [...present.keys()].filter((id) => !wanted.has(id));
  drift.record(creates.length + updates.length + deletes.length, {
    target: target.name,
    resource_type: type,
  });
  for (const r of [...creates, ...updates])
    await call(target, target.api(type, r.id), { method: 'PUT', body: JSON.stringify(r) });
  for (const id of deletes) await call(target, target.api(type, id), { method: 'DELETE' });
  const from = { source: source.name };
  monitor.recordItems('replicate', type, 'created', creates.length, from);
  monitor.recordItems('replicate', type, 'updated', updates.length, from);
  monitor.recordItems('replicate', type, 'deleted', deletes.length, from);
  replicatedAt[type] = startedAt;
  drift.record(0, { target: target.name, resource_type: type });
  lag.record(0, { source: source.name, target: target.name, resource_type: type });
  monitor.setQueueDepth(type, 0);
}

async function cycle() {
  churn();
  await monitor.track('sync_cycle', async () => {
    for (const type of TYPES) {
      await monitor.track('replicate', { source: source.name, resource_type: type }, () => replicate(type));
    }
    for (const q of await call(source, `${source.url}/api/v2.0/quotas`))
      quota.record(q.used / q.hard, { 'harbor.instance': source.name, project: q.ref });
  });
}

async function main() {
  for (const instance of [source, target]) {
    await new Promise((resolve) => instance.server.listen(0, '127.0.0.1', resolve));
    instance.url = `http://127.0.0.1:${instance.server.address().port}`;
    health.registerCheck(
      `${instance.name}:api`,
      httpCheck({ url: `${instance.url}/api/v2.0/health`, timeoutMs: 500 }),
      {
        componentType: 'component',
        cacheMs: 0,
      },
    );
  }
  health.registerCheck(
    'sync_cycle:lastSuccess',
    lastSuccessCheck({
      telemetry,
      namespace: 'harbor_replicator',
      operation: 'sync_cycle',
      failAfterMs: 60 * 60_000,
    }),
    { critical: false },
  );
  process.on('SIGUSR2', () => {
    target.down = !target.down;
  });
  const loop = async () => {
    await cycle().catch(() => {}); // counted as a failed sync_cycle by the monitor
    timer = setTimeout(loop, CYCLE_MS);
  };
  let timer = setTimeout(loop, 0);
  health.beforeShutdown(() => clearTimeout(timer));
  health.markReady();
  const address = await telemetry.ready;
  process.stdout.write(`${JSON.stringify({ otelkit_url: address.url.replace(/\/$/, '') })}\n`);
}

main();
