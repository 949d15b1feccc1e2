import { BREAKER_CALL_DURATION, BREAKER_CALLS, BREAKER_STATE, BREAKER_TRANSITIONS } from '../metric-names';
import type { GenerateOptions } from '../options';
import { type Dashboard, dashboard, RATE, SCOPE } from './panel';

const STATE = BREAKER_STATE;
const CALLS = BREAKER_CALLS;

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
            expr: `histogram_quantile(0.95, sum by (name, le) (rate(${BREAKER_CALL_DURATION}_bucket{${SCOPE}}[${RATE}])))`,
            legend: '{{name}}',
          },
        ],
      },
      {
        title: 'Transitions',
        unit: 'short',
        queries: [
          {
            expr: `sum by (name, from, to) (increase(${BREAKER_TRANSITIONS}{${SCOPE}}[${RATE}]))`,
            legend: '{{name}} {{from}} → {{to}}',
          },
        ],
      },
    ],
    o.alertmanager,
  );
}
