import type { Attributes } from '@opentelemetry/api';
import type { BoundHistogram, OtelkitHistogram, OtelkitMeter } from '@otelkit/core';
import { BoundedCache } from './bounded-cache';

const CACHE_SIZE = 512;

/** Low-cardinality attributes of one finished request. */
export interface RequestOutcome {
  readonly method: string;
  readonly status: number;
  /** `http.route` (server) or `server.address` (client), when known. */
  readonly target: string | undefined;
  readonly errorType: string | undefined;
}

/**
 * One RED histogram (`http.server.request.duration` or `http.client.request.duration`, in seconds):
 * request rate, errors (by status code and `error.type`) and duration in one instrument. Bound
 * series are cached per (method, status, route/host, error type), up to 512; never the raw URL.
 */
export class RedHistogram {
  private readonly histogram: OtelkitHistogram;
  private readonly cache = new BoundedCache<BoundHistogram>(CACHE_SIZE);

  constructor(
    meter: OtelkitMeter,
    name: string,
    description: string,
    private readonly targetKey: 'http.route' | 'server.address',
  ) {
    this.histogram = meter.createHistogram(name, { description, unit: 's' });
  }

  /** Records `seconds` for `outcome`. */
  record(seconds: number, outcome: RequestOutcome): void {
    const key = `${outcome.method}\u0000${outcome.status}\u0000${outcome.target ?? ''}\u0000${outcome.errorType ?? ''}`;
    const bound = this.cache.get(key, () => this.histogram.bind(this.attributes(outcome)));
    if (bound !== undefined) bound.record(seconds);
    else this.histogram.record(seconds, this.attributes(outcome));
  }

  private attributes(outcome: RequestOutcome): Attributes {
    const attributes: Attributes = { 'http.request.method': outcome.method };
    if (outcome.status > 0) attributes['http.response.status_code'] = outcome.status;
    if (outcome.target !== undefined) attributes[this.targetKey] = outcome.target;
    if (outcome.errorType !== undefined) attributes['error.type'] = outcome.errorType;
    return attributes;
  }
}
