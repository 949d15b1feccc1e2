// The HTTP API of a real Prometheus the tests run (readiness, instant queries, alerts).
import assert from 'node:assert/strict';
import { fetchJson, fetchText } from './http';
import { waitFor } from './wait';

/** An instant vector as the query API returns it. */
export type Vector = { metric: Record<string, string>; value: [number, string] }[];

/** The answer of `/api/v1/query`. */
export interface QueryResponse {
  readonly status: string;
  readonly data: { result: Vector };
  readonly error?: string;
}

/** An active alert (pending or firing). */
export interface ActiveAlert {
  readonly labels: Record<string, string>;
  readonly state: string;
}

/** The API of the Prometheus at `url` (`http://127.0.0.1:<port>`). */
export function prometheusApi(url: string) {
  const query = async (expr: string): Promise<QueryResponse> =>
    (await fetchJson<QueryResponse>(`${url}/api/v1/query?query=${encodeURIComponent(expr)}`)).body;
  return {
    url,
    /** Waits (20 s at most) until Prometheus reports itself ready. */
    ready: (): Promise<boolean> =>
      waitFor(
        'Prometheus to be ready',
        async () => ((await fetchText(`${url}/-/ready`)).status === 200 ? true : undefined),
        20_000,
      ),
    /** Runs an instant query and returns the whole answer (status included). */
    query,
    /** Runs an instant query; fails unless Prometheus answers `success`. */
    vector: async (expr: string): Promise<Vector> => {
      const res = await query(expr);
      assert.equal(res.status, 'success', `${expr}: ${res.error ?? ''}`);
      return res.data.result;
    },
    /** Active alerts (pending or firing). */
    alerts: async (): Promise<ActiveAlert[]> =>
      (await fetchJson<{ data: { alerts: ActiveAlert[] } }>(`${url}/api/v1/alerts`)).body.data.alerts,
  };
}
