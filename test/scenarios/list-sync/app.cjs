'use strict';
// Seed 004: list sync jobs (a Radarr-like movie manager importing IMDb, Trakt and Plex watchlists and
// looking movies up on TMDb), every external service behind its own circuit breaker with the
// write-up's per-service settings. Simulated services: one local HTTP server with a path per service.
// TMDb answers 429 to every 5th request (a rate-limit hit, not a breaker failure).
// Instrumented only through otelkit's public API.
//
// LISTSYNC_DOWN: comma list of services answering 503 (the test takes Plex down).
// Prints {"otelkit_url": "..."} on stdout once /metrics is served.
const http = require('node:http');
const { createOperationMonitor, startTelemetry } = require('@otelkit/core');
const { startTracing, withCorrelation, createLogger } = require('@otelkit/tracing');
const { httpCheck, startHealth } = require('@otelkit/health');
const { createBreakerRegistry, isCircuitOpenError } = require('@otelkit/circuit-breaker');

const CYCLE_MS = Number(process.env.LISTSYNC_CYCLE_MS ?? 200);
const DOWN = new Set((process.env.LISTSYNC_DOWN ?? '').split(',').filter(Boolean));
const SOURCES = ['imdb', 'trakt', 'plex'];

// --- the simulated services ----------------------------------------------------------------------
let tmdbRequests = 0;
const services = http.createServer((req, res) => {
  req.resume();
  const [, service, kind, id] = (req.url ?? '').split('/');
  const send = (status, body) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  if (DOWN.has(service)) return send(503, { error: 'unavailable' });
  if (kind === 'health') return send(200, { ok: true });
  if (kind === 'list') {
    // each list holds 4 movies; ids overlap between lists, so the movie cache gets hits
    const base = { imdb: 1, trakt: 3, plex: 5 }[service];
    return send(
      200,
      [0, 1, 2, 3].map((i) => ({ tmdbId: base + i, title: `movie ${base + i}` })),
    );
  }
  if (service === 'tmdb' && kind === 'movie') {
    tmdbRequests++;
    if (tmdbRequests % 5 === 0) return send(429, { status_message: 'rate limit' });
    return send(200, { id: Number(id), runtime: 90 + Number(id) });
  }
  send(404, {});
});

// --- otelkit ----------------------------------------------------------------------------------------
const telemetry = startTelemetry({ serviceName: 'list-sync' });
startTracing(telemetry, { http: { server: false } });
const health = startHealth(telemetry, { handleSignals: true, sampleIntervalMs: 500 });
const monitor = createOperationMonitor({ namespace: 'list_sync' });
const log = createLogger({ name: 'list-sync' });
const cacheHits = monitor.counter('cache.hits').bind({ type: 'movie_cache' });
const cacheMisses = monitor.counter('cache.misses').bind({ type: 'movie_cache' });
const rateLimitHits = monitor.counter('api.rate_limit_hits').bind({ service: 'tmdb' });

class RateLimitError extends Error {
  name = 'RateLimitError';
}
class ServiceError extends Error {
  name = 'ServiceUnavailableError';
}

// The write-up's circuit breaker defaults, per service.
const breakers = createBreakerRegistry({
  defaults: { isFailure: (error) => !(error instanceof RateLimitError) },
  dependencies: {
    imdb: { consecutiveFailures: 5, openDurationMs: 60_000, timeoutMs: 30_000 },
    tmdb: { consecutiveFailures: 3, openDurationMs: 30_000, timeoutMs: 10_000 },
    trakt: { consecutiveFailures: 3, openDurationMs: 45_000, timeoutMs: 15_000 },
    plex: { consecutiveFailures: 2, openDurationMs: 30_000, timeoutMs: 20_000 },
  },
});

let base = '';
async function get(service, path) {
  return breakers.execute(service, async () => {
    const res = await fetch(`${base}/${service}/${path}`);
    if (res.status === 429) throw new RateLimitError(`${service} rate limit`);
    if (res.status >= 500) throw new ServiceError(`${service} answered ${res.status}`);
    return res.json();
  });
}

const CACHE_TTL_MS = 600;
const movieCache = new Map(); // tmdbId -> { movie, at }
const library = new Map();

async function syncList(source) {
  const list = await get(source, 'list');
  let added = 0;
  let updated = 0;
  for (const item of list) {
    const cached = movieCache.get(item.tmdbId);
    let movie = cached !== undefined && Date.now() - cached.at < CACHE_TTL_MS ? cached.movie : undefined;
    if (movie === undefined) {
      cacheMisses.add(1);
      try {
        movie = await get('tmdb', `movie/${item.tmdbId}`);
        movieCache.set(item.tmdbId, { movie, at: Date.now() });
      } catch (error) {
        if (!(error instanceof RateLimitError)) throw error;
        rateLimitHits.add(1);
        continue; // picked up again next run
      }
    } else cacheHits.add(1);
    if (!library.has(movie.id)) added++;
    else if (library.get(movie.id) !== source) updated++;
    library.set(movie.id, source);
  }
  monitor.recordItems('list_sync', 'movie', 'found', list.length, { source });
  monitor.recordItems('list_sync', 'movie', 'added', added, { source });
  monitor.recordItems('list_sync', 'movie', 'updated', updated, { source });
}

async function runJobs() {
  for (const source of SOURCES) {
    await withCorrelation({ operation: 'list_sync', source }, async () => {
      try {
        await monitor.track('list_sync', { source }, () => syncList(source));
      } catch (error) {
        log.warn({ source, err: error, failedFast: isCircuitOpenError(error) }, 'list sync failed');
      }
    });
  }
}

async function main() {
  await new Promise((resolve) => services.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${services.address().port}`;
  for (const service of ['imdb', 'tmdb', 'trakt', 'plex']) {
    // service_up: a dependency being down degrades the job, it does not make it unready
    health.registerCheck(`${service}:api`, httpCheck({ url: `${base}/${service}/health`, timeoutMs: 500 }), {
      critical: false,
      componentType: 'component',
    });
  }
  for (const [service, check] of Object.entries(breakers.healthChecks({ whenOpen: 'warn' })))
    health.registerCheck(`${service}:circuit`, check, { critical: false, cacheMs: 0 });
  let timer;
  const loop = async () => {
    await runJobs();
    timer = setTimeout(loop, CYCLE_MS);
  };
  timer = setTimeout(loop, 0);
  health.beforeShutdown(() => clearTimeout(timer));
  health.markReady();
  const address = await telemetry.ready;
  process.stdout.write(`${JSON.stringify({ otelkit_url: address.url.replace(/\/$/, '') })}\n`);
}

main();
