import { request as httpRequest } from 'node:http';
import { invalid } from '@otelkit/core/internal';
import type { CheckResult } from '../check/types';
import { type ReconfigurableCheck, reconfigurable } from './reconfigurable';
import { roundMs, threshold } from './thresholds';

/** Options of {@link httpCheck}. */
export interface HttpCheckOptions {
  /** The dependency's URL, `http:` or `https:`. Required. */
  readonly url: string;
  /** Request method. Default `'GET'`. */
  readonly method?: string;
  /** Extra request headers (e.g. an auth token). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Abort the request after this long (fails). Default `1_000`. */
  readonly timeoutMs?: number;
  /** Warn when the response takes this long or longer, ms. Default: never. */
  readonly warnLatencyMs?: number;
}

/**
 * An HTTP dependency: passes when it answers with a status below 500, fails on 5xx, a network error
 * or the timeout; warns when slower than `warnLatencyMs`. Observed value: latency in ms.
 * @example
 * health.registerCheck('payments:responseTime', httpCheck({ url: 'http://payments/healthz', warnLatencyMs: 300 }));
 */
export function httpCheck(options: HttpCheckOptions): ReconfigurableCheck<HttpCheckOptions> {
  let url: URL;
  try {
    url = new URL(options?.url);
  } catch {
    return invalid('httpCheck url', options?.url, 'an absolute http:// or https:// URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    invalid('httpCheck url', options.url, 'an absolute http:// or https:// URL');
  // The timeout and the latency threshold can change at run time; the URL cannot.
  const resolveThresholds = (o: HttpCheckOptions) => ({
    timeoutMs: threshold('httpCheck timeoutMs', o.timeoutMs) ?? 1_000,
    warnLatencyMs: threshold('httpCheck warnLatencyMs', o.warnLatencyMs),
  });
  // node:https is loaded by the first https check, not by every process that has health checks
  const request =
    url.protocol === 'https:' ? (require('node:https') as typeof import('node:https')).request : httpRequest;
  const target = `${url.origin}${url.pathname}`;
  return reconfigurable(options, resolveThresholds, (current) => () => {
    const { timeoutMs, warnLatencyMs } = current();
    return new Promise<CheckResult>((resolve) => {
      const started = performance.now();
      const req = request(
        url,
        { method: options.method ?? 'GET', headers: options.headers, agent: false, timeout: timeoutMs },
        (res) => {
          res.resume();
          const latency = roundMs(performance.now() - started);
          const code = res.statusCode ?? 0;
          const observed = { observedValue: latency, observedUnit: 'ms' };
          if (code >= 500) resolve({ status: 'fail', ...observed, output: `${target} answered ${code}` });
          else if (warnLatencyMs !== undefined && latency >= warnLatencyMs) {
            resolve({ status: 'warn', ...observed, output: `${target} took ${latency} ms (status ${code})` });
          } else resolve({ status: 'pass', ...observed });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no response within ${timeoutMs} ms`)));
      req.on('error', (error: NodeJS.ErrnoException) => {
        resolve({ status: 'fail', output: `${target} unreachable: ${error.code ?? error.message}` });
      });
      req.end();
    });
  });
}
