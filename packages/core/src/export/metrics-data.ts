import type { Attributes } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { ResourceMetrics, ScopeMetrics } from '@opentelemetry/sdk-metrics';

/**
 * A collection (`ResourceMetrics`) as plain JSON-safe data, for sending to another process (a cluster
 * worker answering its primary over the IPC channel). Non-finite numbers (a histogram's `min` of
 * `Infinity`, a `NaN` gauge) are kept as `{ "otelkit:number": "NaN" }`, which JSON would turn into `null`.
 */
export interface MetricsData {
  readonly resource: { readonly attributes: unknown };
  readonly scopeMetrics: unknown;
}

const NUMBER = 'otelkit:number';

function encode(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? { [NUMBER]: String(value) } : value;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === NUMBER) return Number(record[NUMBER]);
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = decode(record[key]);
  return out;
}

/** The collection as {@link MetricsData}: the resource's attributes and the scopes' metrics. */
export function toMetricsData(resourceMetrics: ResourceMetrics): MetricsData {
  const plain = {
    resource: { attributes: resourceMetrics.resource.attributes },
    scopeMetrics: resourceMetrics.scopeMetrics,
  };
  return JSON.parse(JSON.stringify(plain, encode)) as MetricsData;
}

/**
 * The collection that {@link toMetricsData} described, ready for `serializeMetrics`; `undefined` when
 * `data` does not have its shape (a message from something else).
 */
export function fromMetricsData(data: unknown): ResourceMetrics | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { resource, scopeMetrics } = decode(data) as {
    resource?: { attributes?: unknown };
    scopeMetrics?: unknown;
  };
  if (typeof resource?.attributes !== 'object' || resource.attributes === null) return undefined;
  if (!Array.isArray(scopeMetrics) || !scopeMetrics.every(isScopeMetrics)) return undefined;
  return { resource: resourceFromAttributes(resource.attributes as Attributes), scopeMetrics };
}

function isScopeMetrics(value: unknown): value is ScopeMetrics {
  const scope = value as Partial<ScopeMetrics> | null;
  return (
    typeof scope === 'object' &&
    scope !== null &&
    typeof scope.scope?.name === 'string' &&
    Array.isArray(scope.metrics) &&
    scope.metrics.every((m) => typeof m?.descriptor?.name === 'string' && Array.isArray(m.dataPoints))
  );
}
