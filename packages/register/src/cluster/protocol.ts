import type { MetricsData } from '@otelkit/core/internal';

/** IPC messages between the cluster primary and its workers (plain JSON over the cluster channel). */
export const REQUEST = 'otelkit:metrics:request';
export const RESPONSE = 'otelkit:metrics:response';

/** The primary asks a worker for its metrics. */
export interface MetricsRequest {
  readonly type: typeof REQUEST;
  readonly id: number;
}

/** A worker's answer: its collection as data (`undefined` without a `prometheus` exporter). */
export interface MetricsResponse {
  readonly type: typeof RESPONSE;
  readonly id: number;
  readonly metrics: MetricsData | undefined;
}

/** Type guard for a message of the given type. */
export function isMessage<T extends { type: string }>(message: unknown, type: T['type']): message is T {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}
