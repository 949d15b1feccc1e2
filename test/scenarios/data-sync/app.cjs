'use strict';
// Seed 003: a data sync system. Three connectors (MySQL, PostgreSQL, Salesforce: in-memory tables with
// a connection pool each) exchange changed records with a hub every DATASYNC_CYCLE_MS. A record
// changed on both sides since the last sync is a conflict: resolved by last-write-wins, or queued for
// manual resolution when both writes happened in the same millisecond bucket. Dashboard clients watch
// progress over a (simulated) WebSocket. Instrumented only through otelkit's public API.
//
// Deterministic: every batch changes 5 records per connector, 1 of them also on the hub (a conflict;
// every 3rd conflict needs manual resolution); every 7th Salesforce batch times out.
// Prints {"otelkit_url": "..."} on stdout once /metrics is served.
const os = require('node:os');
const { createOperationMonitor, startTelemetry } = require('@otelkit/core');
const { diskSpaceCheck, heapCheck, lastSuccessCheck, startHealth } = require('@otelkit/health');

const CYCLE_MS = Number(process.env.DATASYNC_CYCLE_MS ?? 200);
const CONNECTORS = ['mysql', 'postgres', 'salesforce'];
const POOL_SIZE = 4;

const telemetry = startTelemetry({ serviceName: 'data-sync' });
const health = startHealth(telemetry, { handleSignals: true, sampleIntervalMs: 500 });
const monitor = createOperationMonitor({ namespace: 'data_sync' });
const bytes = monitor.counter('transferred', { unit: 'By', description: 'record bytes moved' });
const conflicts = monitor.counter('conflicts', {
  unit: '{conflict}',
  description: 'records changed on both sides',
});
const pool = monitor.gauge('pool.connections', { unit: '{connection}' });
const poolMax = monitor.gauge('pool.connections.max', { unit: '{connection}' });
const wsClients = monitor.upDownCounter('websocket.connections', { unit: '{connection}' }).bind({});
const wsMessages = monitor.counter('websocket.messages', { unit: '{message}' }).bind({ direction: 'sent' });

class ConnectorTimeoutError extends Error {
  name = 'ConnectorTimeoutError';
}

const batches = Object.fromEntries(CONNECTORS.map((c) => [c, 0]));
const inUse = Object.fromEntries(CONNECTORS.map((c) => [c, 0]));
let conflictCount = 0;
let unresolved = 0;
let clients = 0;

async function withConnection(connector, fn) {
  inUse[connector]++;
  pool.record(inUse[connector], { connector, state: 'used' });
  pool.record(POOL_SIZE - inUse[connector], { connector, state: 'idle' });
  try {
    return await fn();
  } finally {
    inUse[connector]--;
    pool.record(inUse[connector], { connector, state: 'used' });
    pool.record(POOL_SIZE - inUse[connector], { connector, state: 'idle' });
  }
}

async function syncBatch(connector) {
  const n = ++batches[connector];
  await withConnection(connector, async () => {
    await new Promise((r) => setTimeout(r, 5 + (n % 5)));
    if (connector === 'salesforce' && n % 7 === 0)
      throw new ConnectorTimeoutError('Salesforce bulk API timed out');
    const records = Array.from({ length: 5 }, (_, i) => ({
      id: `${connector}-${n}-${i}`,
      payload: 'x'.repeat(100 + i),
    }));
    for (const r of records)
      bytes.add(Buffer.byteLength(JSON.stringify(r)), { connector, direction: 'pull' });
    // one of the five was changed on the hub too
    conflictCount++;
    const manual = conflictCount % 3 === 0;
    conflicts.add(1, { connector, resolution: manual ? 'manual' : 'last_write_wins' });
    if (manual) unresolved++;
    monitor.setQueueDepth('conflicts_unresolved', unresolved);
    monitor.recordItems('sync_batch', 'record', 'synced', manual ? 4 : 5, { connector });
    monitor.recordItems('sync_batch', 'record', 'conflicted', 1, { connector });
  });
}

async function cycle() {
  monitor.setQueueDepth('pending_changes', CONNECTORS.length * 5);
  await Promise.all(
    CONNECTORS.map((connector) =>
      monitor.track('sync_batch', { connector }, () => syncBatch(connector)).catch(() => {}),
    ),
  );
  monitor.setQueueDepth('pending_changes', 0);
  // an operator resolves one manual conflict every other cycle
  if (unresolved > 0 && batches.mysql % 2 === 0) {
    unresolved--;
    monitor.recordItems('resolve_conflict', 'record', 'resolved', 1);
    monitor.setQueueDepth('conflicts_unresolved', unresolved);
  }
  if (clients < 5) {
    clients++;
    wsClients.add(1);
  }
  wsMessages.add(clients); // one progress message per client per cycle
}

async function main() {
  for (const connector of CONNECTORS) {
    poolMax.record(POOL_SIZE, { connector });
    pool.record(POOL_SIZE, { connector, state: 'idle' });
    pool.record(0, { connector, state: 'used' });
    health.registerCheck(
      `${connector}:pool`,
      () => ({
        status: inUse[connector] < POOL_SIZE ? 'pass' : 'warn',
        observedValue: POOL_SIZE - inUse[connector],
        observedUnit: 'idle connections',
      }),
      { componentType: 'datastore' },
    );
  }
  health.registerCheck('disk:free', diskSpaceCheck({ path: os.tmpdir(), failBytes: 1 }), {
    componentType: 'system',
  });
  health.registerCheck('memory:heap', heapCheck(), { kind: 'liveness' });
  health.registerCheck(
    'sync:lastSuccess',
    lastSuccessCheck({
      telemetry,
      namespace: 'data_sync',
      operation: 'sync_batch',
      warnAfterMs: 5 * 60_000,
      failAfterMs: 60 * 60_000,
    }),
  );
  let timer;
  const loop = async () => {
    await cycle();
    timer = setTimeout(loop, CYCLE_MS);
  };
  timer = setTimeout(loop, 0);
  health.beforeShutdown(() => clearTimeout(timer));
  health.markReady();
  const address = await telemetry.ready;
  process.stdout.write(`${JSON.stringify({ otelkit_url: address.url.replace(/\/$/, '') })}\n`);
}

main();
