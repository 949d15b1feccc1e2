import { diag } from '@opentelemetry/api';
import type { MetricReader, ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { exemplars } from '../exemplars/store';
import { serializeMetrics, toJsonSnapshot } from '../exposition';
import { contentTypeFor, type ExpositionFormat, negotiateFormat } from '../prometheus/content-type';
import type { RouteRegistry } from '../server/route';
import type { MetricsSnapshot } from '../snapshot/types';
import { shareInFlight } from './in-flight';

/**
 * Pull collection for `/metrics` and `/metrics/json`. Concurrent scrapes share one collection and one
 * serialisation per format, so a burst of scrapers costs one pass over the instruments and one
 * exposition text, not one each (the app's event loop is not held once per scraper).
 */
export class PullCollector {
  private readonly collections = new Map<'collect', Promise<ResourceMetrics>>();
  private readonly texts = new Map<ExpositionFormat | 'json', Promise<string>>();

  constructor(private readonly reader: MetricReader) {}

  /** When the last collection ended, and how long it took (ms, `performance.now()`). */
  private lastEnd = Number.NEGATIVE_INFINITY;
  private lastDuration = 0;

  /**
   * Collects current metrics (sharing a collection already in progress). Back-to-back collections
   * (a scrape storm) are spaced so collecting takes at most half of the event loop's time: a new one
   * starts no sooner than the last one's duration after it ended. A scrape a second or more after
   * the previous one never waits.
   */
  collect(): Promise<ResourceMetrics> {
    return shareInFlight(this.collections, 'collect', async () => {
      const wait = this.lastEnd + this.lastDuration - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const started = performance.now();
      try {
        const { resourceMetrics, errors } = await this.reader.collect();
        for (const error of errors) diag.debug('otelkit: error during metric collection', error);
        exemplars.attach(resourceMetrics);
        return resourceMetrics;
      } finally {
        this.lastEnd = performance.now();
        this.lastDuration = Math.min(1_000, this.lastEnd - started);
      }
    });
  }

  /** The exposition text in `format` (sharing a collection and serialisation already in progress). */
  exposition(format: ExpositionFormat): Promise<string> {
    return shareInFlight(this.texts, format, async () => serializeMetrics(await this.collect(), { format }));
  }

  /** The JSON snapshot behind `/metrics/json`. */
  async snapshot(): Promise<MetricsSnapshot> {
    return toJsonSnapshot(await this.collect());
  }

  /** The `/metrics/json` body (sharing one already in progress). */
  snapshotText(): Promise<string> {
    return shareInFlight(this.texts, 'json', async () => JSON.stringify(await this.snapshot()));
  }
}

/**
 * Adds other processes' metrics to `/metrics` (a cluster primary adds its workers'): given this process's
 * collection, returns the collections to serve together (this one included, each labelled apart with
 * `withAttributes`), or `undefined` to serve this process alone.
 */
export type PeerMetrics = (own: ResourceMetrics) => Promise<readonly ResourceMetrics[] | undefined>;

const peersByServer = new WeakMap<RouteRegistry, PeerMetrics>();

/**
 * Makes the `/metrics` route mounted on `server` serve `peers`' collections with its own, in one
 * exposition in the negotiated format (one metadata block per family, exemplars in OpenMetrics).
 * `/metrics/json` keeps serving this process alone.
 */
export function addPeerMetrics(server: RouteRegistry, peers: PeerMetrics): void {
  peersByServer.set(server, peers);
}

/** The `/metrics` body in `format`: this process's exposition, or its and its peers' when they answer. */
async function metricsBody(server: RouteRegistry, collector: PullCollector, format: ExpositionFormat) {
  const peers = peersByServer.get(server);
  if (peers === undefined) return collector.exposition(format);
  const collections = await peers(await collector.collect());
  if (collections === undefined) return collector.exposition(format);
  return serializeMetrics(collections, { format });
}

/** Mounts `/metrics` (Prometheus text, or OpenMetrics when the Accept header asks) and `/metrics/json`. */
export function mountMetricsRoutes(server: RouteRegistry, collector: PullCollector): void {
  server.route('/metrics', async (request, response) => {
    const format = negotiateFormat(request.headers.accept);
    const body = await metricsBody(server, collector, format);
    response.writeHead(200, {
      'content-type': contentTypeFor(format),
      'content-length': Buffer.byteLength(body),
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  server.route('/metrics/json', async (request, response) => {
    const body = await collector.snapshotText();
    response.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
}
