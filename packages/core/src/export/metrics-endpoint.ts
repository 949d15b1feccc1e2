import type { ServerResponse } from 'node:http';
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

/**
 * Where `/metrics` comes from: the observability server's pull collector, or a running telemetry on the
 * app's own port (whose methods answer `undefined` without the `prometheus` exporter).
 */
export interface MetricsSource {
  collect(): Promise<ResourceMetrics | undefined>;
  exposition(format: ExpositionFormat): Promise<string | undefined>;
}

/** An answer to a `/metrics` request, written by whichever server carries it (node:http, Fastify, fetch). */
export interface MetricsReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** `undefined` for HEAD (the headers, `Content-Length` included, are those of GET). */
  readonly body: string | undefined;
}

/** Headers of every app-port answer too: metrics are never cached by a proxy, nor sniffed as HTML. */
const NO_STORE = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } as const;

/** A plain-text answer (errors and refusals), with `extra` headers such as `WWW-Authenticate`. */
export function textReply(
  status: number,
  method: string,
  text: string,
  extra: Readonly<Record<string, string>> = {},
): MetricsReply {
  const headers = {
    ...NO_STORE,
    ...extra,
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
  };
  return { status, headers, body: method === 'HEAD' ? undefined : text };
}

/** The `/metrics` body in `format`: this process's exposition, or its and its peers' when they answer. */
async function metricsBody(
  server: RouteRegistry | undefined,
  source: MetricsSource,
  format: ExpositionFormat,
): Promise<string | undefined> {
  const peers = server === undefined ? undefined : peersByServer.get(server);
  if (peers === undefined) return source.exposition(format);
  const own = await source.collect();
  if (own === undefined) return undefined;
  const collections = await peers(own);
  if (collections === undefined) return source.exposition(format);
  return serializeMetrics(collections, { format });
}

/**
 * The one `/metrics` answer, on the observability server and on the app's own port alike: the format
 * the Accept header negotiates, the exposition of `source` (with the peers added to `server` by
 * {@link addPeerMetrics}, as a cluster primary's workers), no body for HEAD. `undefined` when `source`
 * has no pull reader. Credentials and method are the caller's to check first.
 */
export async function metricsReply(
  server: RouteRegistry | undefined,
  source: MetricsSource,
  request: { readonly method: string; readonly accept: string | undefined },
): Promise<MetricsReply | undefined> {
  const format = negotiateFormat(request.accept);
  const body = await metricsBody(server, source, format);
  if (body === undefined) return undefined;
  const headers = {
    ...NO_STORE,
    'content-type': contentTypeFor(format),
    'content-length': String(Buffer.byteLength(body)),
  };
  return { status: 200, headers, body: request.method === 'HEAD' ? undefined : body };
}

/** Writes `reply` on a node:http response. */
export function sendReply(response: ServerResponse, reply: MetricsReply): void {
  response.writeHead(reply.status, reply.headers);
  response.end(reply.body);
}

/** Mounts `/metrics` (Prometheus text, or OpenMetrics when the Accept header asks) and `/metrics/json`. */
export function mountMetricsRoutes(server: RouteRegistry, collector: PullCollector): void {
  server.route('/metrics', async (request, response) => {
    const reply = await metricsReply(server, collector, {
      method: request.method,
      accept: request.headers.accept,
    });
    // The collector always has a reader; an answer is always there.
    if (reply !== undefined) sendReply(response, reply);
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
