import { operationMetrics } from '../metric-names';
import { byOperation, operationLegend } from '../operation-labels';
import type { GenerateOptions } from '../options';
import { type Dashboard, dashboard, RATE, SCOPE } from './panel';

const QUANTILES = [0.5, 0.95, 0.99] as const;

/**
 * Operations overview for the operation monitor's namespace: success rate, throughput, errors by
 * type, p50/p95/p99 duration, in-flight, queue depth, last-success age and items.
 */
export function operationsDashboard(o: GenerateOptions): Dashboard {
  const ns = o.namespace;
  const m = operationMetrics(ns);
  const ops = `${m.operations}`;
  /** `operation` and the `--operation-labels`, then `rest`. */
  const by = (...rest: string[]) => [byOperation(o), ...rest].join(', ');
  const legend = (rest = '') => operationLegend(o, rest);
  return dashboard(
    `otelkit-${o.service}-operations`,
    `${o.service} / operations (${ns})`,
    o.service,
    [
      {
        title: 'Success rate',
        type: 'stat',
        unit: 'percentunit',
        min: 0,
        max: 1,
        queries: [
          {
            expr: `sum(rate(${ops}{${SCOPE},status="success"}[${RATE}])) / sum(rate(${ops}{${SCOPE}}[${RATE}]))`,
            legend: 'success rate',
          },
        ],
      },
      {
        title: 'Oldest last success',
        type: 'stat',
        unit: 's',
        queries: [{ expr: `max(time() - ${m.lastSuccess}{${SCOPE}})`, legend: 'age' }],
      },
      {
        title: 'Success rate by operation',
        unit: 'percentunit',
        min: 0,
        max: 1,
        queries: [
          {
            expr: `sum by (${by()}) (rate(${ops}{${SCOPE},status="success"}[${RATE}])) / sum by (${by()}) (rate(${ops}{${SCOPE}}[${RATE}]))`,
            legend: legend(),
          },
        ],
      },
      {
        title: 'Throughput',
        unit: 'ops',
        queries: [
          {
            expr: `sum by (${by('status')}) (rate(${ops}{${SCOPE}}[${RATE}]))`,
            legend: legend('{{status}}'),
          },
        ],
      },
      {
        title: 'Errors by type',
        unit: 'ops',
        queries: [
          {
            expr: `sum by (${by('error_type')}) (rate(${m.errors}{${SCOPE}}[${RATE}]))`,
            legend: legend('{{error_type}}'),
          },
        ],
      },
      {
        title: 'Duration p50 / p95 / p99',
        unit: 's',
        queries: QUANTILES.map((q) => ({
          expr: `histogram_quantile(${q}, sum by (${by('le')}) (rate(${m.duration}_bucket{${SCOPE}}[${RATE}])))`,
          legend: legend(`p${Math.round(q * 100)}`),
        })),
      },
      {
        title: 'In flight',
        unit: 'short',
        queries: [{ expr: `sum by (${by()}) (${m.active}{${SCOPE}})`, legend: legend() }],
      },
      {
        title: 'Queue depth',
        unit: 'short',
        queries: [{ expr: `sum by (queue) (${m.queueDepth}{${SCOPE}})`, legend: '{{queue}}' }],
      },
      {
        title: 'Time since last success',
        unit: 's',
        queries: [
          {
            expr: `time() - max by (${by()}) (${m.lastSuccess}{${SCOPE}})`,
            legend: legend(),
          },
        ],
      },
      {
        title: 'Items processed',
        unit: 'ops',
        queries: [
          {
            expr: `sum by (${by('item_type', 'item_action')}) (rate(${m.items}{${SCOPE}}[${RATE}]))`,
            legend: legend('{{item_type}} {{item_action}}'),
          },
        ],
      },
    ],
    o.alertmanager,
  );
}
