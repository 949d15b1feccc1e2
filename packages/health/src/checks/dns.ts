import { lookup } from 'node:dns/promises';
import { invalid } from '@otelkit/core/internal';
import type { CheckFunction } from '../check/types';
import { roundMs, threshold } from './thresholds';

/** Options of {@link dnsCheck}. */
export interface DnsCheckOptions {
  /** The name to resolve. Required. */
  readonly hostname: string;
  /** Warn when resolving takes this long or longer, ms. Default: never. */
  readonly warnLatencyMs?: number;
}

/**
 * A DNS name resolves (through `dns.lookup`, as the app's own connections do) to at least one
 * address. Observed value: resolution time in ms.
 * @example
 * health.registerCheck('dns:resolve', dnsCheck({ hostname: 'db.internal' }));
 */
export function dnsCheck(options: DnsCheckOptions): CheckFunction {
  const hostname = options?.hostname;
  if (typeof hostname !== 'string' || hostname === '') invalid('dnsCheck hostname', hostname, 'a host name');
  const warnLatencyMs = threshold('dnsCheck warnLatencyMs', options.warnLatencyMs);
  return async () => {
    const started = performance.now();
    try {
      const addresses = await lookup(hostname, { all: true });
      const latency = roundMs(performance.now() - started);
      if (addresses.length === 0) return { status: 'fail', output: `${hostname} has no address` };
      const slow = warnLatencyMs !== undefined && latency >= warnLatencyMs;
      return {
        status: slow ? 'warn' : 'pass',
        observedValue: latency,
        observedUnit: 'ms',
        ...(slow ? { output: `resolving ${hostname} took ${latency} ms` } : {}),
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      return { status: 'fail', output: `cannot resolve ${hostname}: ${code}` };
    }
  };
}
