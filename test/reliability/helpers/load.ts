import { createRequire } from 'node:module';

interface CannonResult {
  latency: { p50: number; p99: number; max: number };
  requests: { total: number; average: number; sent: number };
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Cannon = (options: {
  url: string;
  connections: number;
  duration: number;
  overallRate?: number;
  timeout?: number;
}) => Promise<CannonResult>;

const autocannon = createRequire(__filename)('autocannon') as Cannon;

/** Steady loopback load: a fixed request rate, so latency reflects the app rather than saturation. */
export interface LoadOptions {
  readonly url: string;
  readonly seconds: number;
  /** Requests per second overall. Default 200. */
  readonly rate?: number;
  /** Connections. Default 10. */
  readonly connections?: number;
}

/** What one load phase measured (latencies in ms). */
export interface LoadResult {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Requests sent (answered or still in flight when the phase ended). */
  readonly sent: number;
  readonly ok: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
}

/** Runs autocannon for `seconds` at `rate` req/s and returns latency percentiles and outcomes. */
export async function steadyLoad(options: LoadOptions): Promise<LoadResult> {
  const r = await autocannon({
    url: options.url,
    connections: options.connections ?? 10,
    duration: options.seconds,
    overallRate: options.rate ?? 200,
    timeout: 10,
  });
  return {
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    sent: r.requests.sent,
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}
