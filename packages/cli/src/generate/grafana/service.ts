import type { GenerateOptions } from '../options';
import { type Dashboard, dashboard } from './panel';

/** File name of the dashboard of `--panel`s inside `grafana/dashboards/`. */
export const SERVICE_DASHBOARD_FILE = 'service.json';

/**
 * The service's own instruments (`--panel`, the `panels` option): one panel per entry, in order,
 * timeseries unless `type: 'stat'`, with the `job` and `instance` variables of the other dashboards.
 * `undefined` when there is no panel.
 */
export function serviceDashboard(o: GenerateOptions): Dashboard | undefined {
  if (o.panels.length === 0) return undefined;
  return dashboard(
    `otelkit-${o.service}-service`,
    `${o.service} / service`,
    o.service,
    o.panels.map((p) => ({
      title: p.title,
      type: p.type ?? 'timeseries',
      unit: p.unit ?? 'short',
      queries: [{ expr: p.expr, legend: p.legend ?? '__auto' }],
    })),
    o.alertmanager,
  );
}
