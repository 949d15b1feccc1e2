import {
  CARDINALITY_LIMIT,
  EXPORTER_DROPPED,
  EXPORTER_EXPORTS,
  EXPORTER_LAST_SUCCESS,
  HEALTH_STATUS,
  OVERFLOW_MEASUREMENTS,
} from '../metric-names';
import type { GenerateOptions } from '../options';
import { type Dashboard, dashboard, RATE, SCOPE } from './panel';

const STATUS_TEXT = [
  { value: 1, text: 'pass', color: 'green' },
  { value: 0.5, text: 'warn', color: 'orange' },
  { value: 0, text: 'fail', color: 'red' },
] as const;

/** Health and the telemetry pipeline: overall and per-check status, scrape status, exports, overflow. */
export function healthDashboard(o: GenerateOptions): Dashboard {
  return dashboard(
    `otelkit-${o.service}-health`,
    `${o.service} / health and telemetry`,
    o.service,
    [
      {
        title: 'Overall health',
        type: 'stat',
        unit: 'short',
        mappings: STATUS_TEXT,
        queries: [{ expr: `min(${HEALTH_STATUS}{${SCOPE},check="overall"})`, legend: 'overall' }],
      },
      {
        title: 'Scrape up',
        type: 'stat',
        unit: 'short',
        mappings: [
          { value: 1, text: 'up', color: 'green' },
          { value: 0, text: 'down', color: 'red' },
        ],
        queries: [{ expr: `min(up{${SCOPE}})`, legend: 'up' }],
      },
      {
        title: 'Checks (1 pass, 0.5 warn, 0 fail)',
        unit: 'short',
        min: 0,
        max: 1,
        queries: [
          {
            expr: `min by (check, kind) (${HEALTH_STATUS}{${SCOPE},check!="overall"})`,
            legend: '{{check}} ({{kind}})',
          },
        ],
      },
      {
        title: 'Overall health by instance',
        unit: 'short',
        min: 0,
        max: 1,
        queries: [
          {
            expr: `min by (instance) (${HEALTH_STATUS}{${SCOPE},check="overall"})`,
            legend: '{{instance}}',
          },
        ],
      },
      {
        title: 'Telemetry exports by outcome',
        unit: 'ops',
        queries: [
          {
            expr: `sum by (signal, exporter, outcome) (rate(${EXPORTER_EXPORTS}{${SCOPE}}[${RATE}]))`,
            legend: '{{signal}} {{exporter}} {{outcome}}',
          },
        ],
      },
      {
        title: 'Time since last successful export',
        unit: 's',
        queries: [
          {
            expr: `time() - max by (signal, exporter) (${EXPORTER_LAST_SUCCESS}{${SCOPE}})`,
            legend: '{{signal}} {{exporter}}',
          },
        ],
      },
      {
        title: 'Dropped telemetry',
        unit: 'ops',
        queries: [
          {
            expr: `sum by (signal, exporter) (rate(${EXPORTER_DROPPED}{${SCOPE}}[${RATE}]))`,
            legend: '{{signal}} {{exporter}}',
          },
        ],
      },
      {
        title: 'Cardinality overflow (limit per instrument)',
        unit: 'ops',
        queries: [
          {
            expr: `sum by (instrument) (rate(${OVERFLOW_MEASUREMENTS}{${SCOPE}}[${RATE}]))`,
            legend: '{{instrument}}',
          },
          { expr: `max(${CARDINALITY_LIMIT}{${SCOPE}})`, legend: 'limit' },
        ],
      },
    ],
    o.alertmanager,
  );
}
