'use strict';
// Seed 001: the conductor loop. A producer drops intent files into a watched directory; an fs.watch
// watcher feeds a bounded queue (waiting, and counting a backpressure event, when it is full); a pool
// of workers validates each file, runs the "porch" command with retries and a timeout, and writes a
// status file. Instrumented only through otelkit's public API.
//
// Intent n (1-based) is deterministic: n % 10 == 3 invalid JSON, n % 10 == 7 a missing field,
// n % 10 == 5 porch fails once then succeeds on retry, n % 20 == 9 porch always fails (3 attempts),
// n % 20 == 19 porch hangs past the timeout (not retried). Everything else succeeds.
// CONDUCTOR_DIR: the watched directory (required). CONDUCTOR_BATCH: intents per batch (40).
// SIGUSR2: slow mode (each porch run takes CONDUCTOR_SLOW_MS) and a batch every second: the queue fills.
// Prints {"otelkit_url": "..."} on stdout once /metrics is served.
const fs = require('node:fs');
const fsp = require('node:fs/promises');
const path = require('node:path');
const { createOperationMonitor, startTelemetry } = require('@otelkit/core');
const { lastSuccessCheck, startHealth } = require('@otelkit/health');

const DIR = process.env.CONDUCTOR_DIR;
const STATUS_DIR = path.join(DIR, 'status');
const BATCH = Number(process.env.CONDUCTOR_BATCH ?? 40);
const MAX_WORKERS = 4;
const QUEUE_MAX = 16;
const WORK_MS = 10;
const SLOW_MS = Number(process.env.CONDUCTOR_SLOW_MS ?? 400);
const TIMEOUT_MS = 150;
const MAX_ATTEMPTS = 3;

const telemetry = startTelemetry({ serviceName: 'conductor-loop' });
const health = startHealth(telemetry, { handleSignals: true, sampleIntervalMs: 500 });
const monitor = createOperationMonitor({ namespace: 'conductor_loop' });
const retries = monitor.counter('retry.attempts', { description: 'porch runs after the first' }).bind({});
const backpressure = monitor
  .counter('backpressure.events', { description: 'times the watcher waited for queue room' })
  .bind({});
monitor.gauge('workers.max', { unit: '{worker}' }).bind({}).record(MAX_WORKERS);
const dirSize = monitor
  .gauge('directory.size', { unit: 'By', description: 'bytes in the watched directory' })
  .bind({});

class ValidationError extends Error {}
class InvalidJsonError extends ValidationError {
  name = 'InvalidJsonError';
}
class MissingFieldError extends ValidationError {
  name = 'MissingFieldError';
}
class PorchCommandError extends Error {
  name = 'PorchCommandError';
}
class TimeoutError extends Error {
  name = 'TimeoutError';
}

// --- the producer -------------------------------------------------------------------------------
let produced = 0;
async function produceBatch() {
  for (let i = 0; i < BATCH; i++) {
    const n = ++produced;
    const body =
      n % 10 === 3
        ? '{"intent": '
        : JSON.stringify(n % 10 === 7 ? { id: n } : { id: n, action: 'scale', target: `nf-${n}` });
    const file = path.join(DIR, `intent-${String(n).padStart(4, '0')}.json`);
    await fsp.writeFile(`${file}.tmp`, body);
    await fsp.rename(`${file}.tmp`, file); // atomic: the watcher never sees a half-written file
    if (i % 4 === 3) await new Promise((r) => setTimeout(r, 50));
  }
}

// --- the loop ----------------------------------------------------------------------------------
const queue = [];
const seen = new Set();
let slow = false;
let waiting = Promise.resolve();

function enqueue(name) {
  if (!name.endsWith('.json') || seen.has(name)) return;
  seen.add(name);
  waiting = waiting.then(async () => {
    while (queue.length >= QUEUE_MAX) {
      backpressure.add(1);
      await new Promise((r) => setTimeout(r, 20));
    }
    queue.push(name);
    monitor.setQueueDepth('intake', queue.length);
    kick();
  });
}

function validate(text) {
  let intent;
  try {
    intent = JSON.parse(text);
  } catch {
    throw new InvalidJsonError('invalid JSON format');
  }
  if (typeof intent.action !== 'string') throw new MissingFieldError('missing required field: action');
  return intent;
}

async function porch(intent, attempt) {
  const n = intent.id;
  if (n % 20 === 19) await new Promise((r) => setTimeout(r, TIMEOUT_MS * 4));
  else await new Promise((r) => setTimeout(r, slow ? SLOW_MS : WORK_MS));
  if (n % 20 === 9 || (n % 10 === 5 && attempt === 1)) throw new PorchCommandError('porch command failed');
}

function withTimeout(promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`porch timed out after ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function processFile(name) {
  const text = await fsp.readFile(path.join(DIR, name), 'utf8');
  const intent = monitor.track('validate', () => validate(text));
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1) retries.add(1);
    try {
      await monitor.track('porch_command', () => withTimeout(porch(intent, attempt)));
      break;
    } catch (error) {
      if (error instanceof TimeoutError || attempt === MAX_ATTEMPTS) throw error;
    }
  }
}

let active = 0;
function kick() {
  while (active < MAX_WORKERS && queue.length > 0) {
    const name = queue.shift();
    monitor.setQueueDepth('intake', queue.length);
    active++;
    monitor
      .track('process_file', () => processFile(name))
      .then(
        () => 'success',
        (error) => `failed: ${error.name}`,
      )
      .then(async (status) => {
        await fsp.writeFile(
          path.join(STATUS_DIR, name.replace(/\.json$/, '.status.json')),
          JSON.stringify({ status }),
        );
        monitor.recordItems('process_file', 'status_file', 'created');
      })
      .finally(() => {
        active--;
        kick();
      });
  }
}

async function measureDirectory() {
  let bytes = 0;
  for (const d of [DIR, STATUS_DIR])
    for (const f of await fsp.readdir(d, { withFileTypes: true }))
      if (f.isFile()) bytes += (await fsp.stat(path.join(d, f.name)).catch(() => ({ size: 0 }))).size;
  dirSize.record(bytes);
}

async function main() {
  await fsp.mkdir(STATUS_DIR, { recursive: true });
  let watcherError;
  const watcher = fs.watch(DIR, (_event, name) => name && enqueue(name));
  watcher.on('error', (error) => {
    watcherError = error;
  });
  for (const name of await fsp.readdir(DIR)) enqueue(name);

  // The write-up's /health components, as checks.
  health.registerCheck('fsnotify_watcher', () =>
    watcherError === undefined ? { status: 'pass' } : { status: 'fail', output: watcherError.message },
  );
  health.registerCheck(
    'worker_pool',
    () => ({
      status: queue.length >= QUEUE_MAX ? 'warn' : 'pass',
      observedValue: Math.round((active / MAX_WORKERS) * 100),
      observedUnit: 'percent',
    }),
    { cacheMs: 0 },
  );
  health.registerCheck('state_manager', () => ({
    status: 'pass',
    observedValue: seen.size,
    observedUnit: 'files',
  }));
  health.registerCheck('file_manager', async () => {
    await fsp.access(STATUS_DIR, fs.constants.W_OK);
    return { status: 'pass' };
  });
  health.registerCheck(
    'metrics',
    lastSuccessCheck({
      telemetry,
      namespace: 'conductor_loop',
      operation: 'process_file',
      failAfterMs: 10 * 60_000,
    }),
    { critical: false },
  );
  const sizer = setInterval(() => measureDirectory().catch(() => {}), 200);
  health.beforeShutdown(() => {
    clearInterval(sizer);
    clearInterval(overload);
    watcher.close();
  });
  let overload;
  process.on('SIGUSR2', () => {
    slow = true;
    overload ??= setInterval(produceBatch, 1000); // about 40 intents a second for 10 a second of capacity
    produceBatch();
  });
  health.markReady();
  const address = await telemetry.ready;
  process.stdout.write(`${JSON.stringify({ otelkit_url: address.url.replace(/\/$/, '') })}\n`);
  await produceBatch();
}

main();
