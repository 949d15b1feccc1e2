import { connect } from 'node:net';
import { invalid } from '@otelkit/core/internal';
import type { CheckFunction, CheckResult } from '../check/types';
import { roundMs, threshold } from './thresholds';

/** Options of {@link tcpCheck}. */
export interface TcpCheckOptions {
  readonly host: string;
  readonly port: number;
  /** Give up connecting after this long (fails). Default `1_000`. */
  readonly timeoutMs?: number;
  /** Warn when connecting takes this long or longer, ms. Default: never. */
  readonly warnLatencyMs?: number;
}

/**
 * A TCP port accepts connections (the connection is closed right away). Observed value: connect
 * time in ms.
 * @example
 * health.registerCheck('redis:connect', tcpCheck({ host: 'redis', port: 6379 }));
 */
export function tcpCheck(options: TcpCheckOptions): CheckFunction {
  const host = options?.host;
  if (typeof host !== 'string' || host === '') invalid('tcpCheck host', host, 'a host name or IP address');
  const port = options.port;
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    invalid('tcpCheck port', port, 'an integer from 1 to 65535');
  const timeoutMs = threshold('tcpCheck timeoutMs', options.timeoutMs) ?? 1_000;
  const warnLatencyMs = threshold('tcpCheck warnLatencyMs', options.warnLatencyMs);
  return () =>
    new Promise<CheckResult>((resolve) => {
      const started = performance.now();
      const socket = connect({ host, port });
      socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no connection within ${timeoutMs} ms`)));
      socket.once('connect', () => {
        const latency = roundMs(performance.now() - started);
        socket.destroy();
        const slow = warnLatencyMs !== undefined && latency >= warnLatencyMs;
        resolve({
          status: slow ? 'warn' : 'pass',
          observedValue: latency,
          observedUnit: 'ms',
          ...(slow ? { output: `connecting to ${host}:${port} took ${latency} ms` } : {}),
        });
      });
      socket.once('error', (error: NodeJS.ErrnoException) => {
        resolve({ status: 'fail', output: `${host}:${port} unreachable: ${error.code ?? error.message}` });
      });
    });
}
