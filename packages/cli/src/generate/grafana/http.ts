import { HTTP_CLIENT_DURATION, HTTP_SERVER_DURATION } from '../metric-names';
import type { GenerateOptions } from '../options';
import { type Dashboard, dashboard, RATE, SCOPE } from './panel';

const SERVER = HTTP_SERVER_DURATION;
const CLIENT = HTTP_CLIENT_DURATION;

/** HTTP RED: rate, errors and duration of inbound requests by route, and of outbound calls. */
export function httpDashboard(o: GenerateOptions): Dashboard {
  return dashboard(
    `otelkit-${o.service}-http`,
    `${o.service} / HTTP (RED)`,
    o.service,
    [
      {
        title: 'Requests per second by route',
        unit: 'reqps',
        queries: [
          {
            expr: `sum by (http_request_method, http_route) (rate(${SERVER}_count{${SCOPE}}[${RATE}]))`,
            legend: '{{http_request_method}} {{http_route}}',
          },
        ],
      },
      {
        title: 'Server error ratio (5xx) by route',
        unit: 'percentunit',
        min: 0,
        queries: [
          {
            expr: `sum by (http_route) (rate(${SERVER}_count{${SCOPE},http_response_status_code=~"5.."}[${RATE}])) / sum by (http_route) (rate(${SERVER}_count{${SCOPE}}[${RATE}]))`,
            legend: '{{http_route}}',
          },
        ],
      },
      {
        title: 'Responses by status code',
        unit: 'reqps',
        queries: [
          {
            expr: `sum by (http_response_status_code) (rate(${SERVER}_count{${SCOPE}}[${RATE}]))`,
            legend: '{{http_response_status_code}}',
          },
        ],
      },
      {
        title: 'Server duration p50 / p95 / p99',
        unit: 's',
        queries: [0.5, 0.95, 0.99].map((q) => ({
          expr: `histogram_quantile(${q}, sum by (le) (rate(${SERVER}_bucket{${SCOPE}}[${RATE}])))`,
          legend: `p${Math.round(q * 100)}`,
        })),
      },
      {
        title: 'Server p95 by route',
        unit: 's',
        queries: [
          {
            expr: `histogram_quantile(0.95, sum by (http_route, le) (rate(${SERVER}_bucket{${SCOPE}}[${RATE}])))`,
            legend: '{{http_route}}',
          },
        ],
      },
      {
        title: 'Outbound calls per second',
        unit: 'reqps',
        queries: [
          {
            expr: `sum by (http_request_method, http_response_status_code) (rate(${CLIENT}_count{${SCOPE}}[${RATE}]))`,
            legend: '{{http_request_method}} {{http_response_status_code}}',
          },
        ],
      },
      {
        title: 'Outbound p95',
        unit: 's',
        queries: [
          {
            expr: `histogram_quantile(0.95, sum by (le) (rate(${CLIENT}_bucket{${SCOPE}}[${RATE}])))`,
            legend: 'p95',
          },
        ],
      },
    ],
    o.alertmanager,
  );
}
