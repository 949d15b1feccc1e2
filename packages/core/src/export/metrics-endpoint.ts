import { diag } from '@opentelemetry/api';
import type { MetricReader, ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { exemplars } from '../exemplars/store';
import { serializeMetrics, toJsonSnapshot } from '../exposition';
import { contentTypeFor, negotiateFormat } from '../prometheus/content-type';
import type { RouteRegistry } from '../server/route';
import type { MetricsSnapshot } from '../snapshot/types';

/**
 * Pull collection for `/metrics` and `/metrics/json`. Concurrent scrapes share one collection, so a
 * burst of scrapers costs one pass over the instruments, not one each.
 */
export class PullCollector {
  private inFlight: Promise<ResourceMetrics> | undefined;

  constructor(private readonly reader: MetricReader) {}

  /** Collects current metrics (sharing a collection already in progress). */
  collect(): Promise<ResourceMetrics> {
    if (this.inFlight !== undefined) return this.inFlight;
    const pending = this.reader.collect().then(
      ({ resourceMetrics, errors }) => {
        for (const error of errors) diag.debug('otelkit: error during metric collection', error);
        exemplars.attach(resourceMetrics);
        return resourceMetrics;
      },
      (error: unknown) => {
        throw error;
      },
    );
    this.inFlight = pending;
    const clear = () => {
      if (this.inFlight === pending) this.inFlight = undefined;
    };
    pending.then(clear, clear);
    return pending;
  }

  /** The JSON snapshot behind `/metrics/json`. */
  async snapshot(): Promise<MetricsSnapshot> {
    return toJsonSnapshot(await this.collect());
  }
}

/** Mounts `/metrics` (Prometheus text, or OpenMetrics when the Accept header asks) and `/metrics/json`. */
export function mountMetricsRoutes(server: RouteRegistry, collector: PullCollector): void {
  server.route('/metrics', async (request, response) => {
    const format = negotiateFormat(request.headers.accept);
    const body = serializeMetrics(await collector.collect(), { format });
    response.writeHead(200, {
      'content-type': contentTypeFor(format),
      'content-length': Buffer.byteLength(body),
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  server.route('/metrics/json', async (request, response) => {
    const body = JSON.stringify(await collector.snapshot());
    response.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
}
