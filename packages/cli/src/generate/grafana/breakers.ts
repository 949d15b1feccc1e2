import type { GenerateOptions } from '../options';
import { type Dashboard, dashboard, RATE, SCOPE } from './panel';

const STATE = 'otelkit_circuit_breaker_state';
const CALLS = 'otelkit_circuit_breaker_calls_total';

/** Circuit breakers: current state, calls by outcome, rejected share, duration and transitions. */
export function breakersDashboard(o: GenerateOptions): Dashboard {
  return dashboard(
    `otelkit-${o.service}-breakers`,
    `${o.service} / circuit breakers`,
    o.service,
    [
      {
        title: 'Open breakers',
        type: 'stat',
        unit: 'short',
        queries: [
          {
            expr: `count(max by (name) (${STATE}{${SCOPE},state="open"}) == 1) or vector(0)`,
            legend: 'open',
          },
        ],
      },
      {
        title: 'State (1 = current)',
        unit: 'short',
        queries: [{ expr: `max by (name, state) (${STATE}{${SCOPE}}) == 1`, legend: '{{name}} {{state}}' }],
      },
      {
        title: 'Calls by outcome',
        unit: 'ops',
        queries: [
          {
            expr: `sum by (name, outcome) (rate(${CALLS}{${SCOPE}}[${RATE}]))`,
            legend: '{{name}} {{outcome}}',
          },
        ],
      },
      {
        title: 'Rejected share',
        unit: 'percentunit',
        min: 0,
        queries: [
          {
            expr: `sum by (name) (rate(${CALLS}{${SCOPE},outcome="rejected"}[${RATE}])) / sum by (name) (rate(${CALLS}{${SCOPE}}[${RATE}]))`,
            legend: '{{name}}',
          },
        ],
      },
      {
        title: 'Call duration p95',
        unit: 's',
        queries: [
          {
            expr: `histogram_quantile(0.95, sum by (name, le) (rate(otelkit_circuit_breaker_call_duration_seconds_bucket{${SCOPE}}[${RATE}])))`,
            legend: '{{name}}',
          },
        ],
      },
      {
        title: 'Transitions',
        unit: 'short',
        queries: [
          {
            expr: `sum by (name, from, to) (increase(otelkit_circuit_breaker_transitions_total{${SCOPE}}[${RATE}]))`,
            legend: '{{name}} {{from}} → {{to}}',
          },
        ],
      },
    ],
    o.alertmanager,
  );
}
