/** One PromQL query of a panel. */
export interface PanelTarget {
  readonly refId: string;
  readonly expr: string;
  readonly legendFormat: string;
  readonly datasource: DatasourceRef;
}

interface DatasourceRef {
  readonly type: 'prometheus';
  readonly uid: string;
}

/** A Grafana panel (the subset of the JSON model otelkit writes). */
export interface Panel {
  readonly id: number;
  readonly type: 'timeseries' | 'stat';
  readonly title: string;
  readonly description?: string;
  readonly gridPos: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
  readonly datasource: DatasourceRef;
  readonly targets: readonly PanelTarget[];
  readonly fieldConfig: {
    readonly defaults: Readonly<Record<string, unknown>>;
    readonly overrides: readonly unknown[];
  };
  readonly options: Readonly<Record<string, unknown>>;
}

/** A Grafana dashboard JSON model. */
export interface Dashboard {
  readonly uid: string;
  readonly title: string;
  readonly tags: readonly string[];
  readonly timezone: string;
  readonly schemaVersion: number;
  readonly version: number;
  readonly refresh: string;
  readonly time: { readonly from: string; readonly to: string };
  readonly templating: { readonly list: readonly Readonly<Record<string, unknown>>[] };
  readonly links: readonly Readonly<Record<string, unknown>>[];
  readonly panels: readonly Panel[];
}

/**
 * Links on every generated dashboard: Alertmanager's alert list filtered to the dashboard's `job`
 * (listing and silencing stay with Alertmanager), and the other otelkit dashboards.
 */
function links(alertmanager: string): Readonly<Record<string, unknown>>[] {
  const filter = encodeURIComponent('{job="$job"}');
  return [
    {
      title: 'Alertmanager: alerts for $job',
      type: 'link',
      icon: 'bolt',
      url: `http://${alertmanager}/#/alerts?filter=${filter}`,
      targetBlank: true,
      tooltip: 'Firing and silenced alerts in Alertmanager',
    },
    {
      title: 'otelkit dashboards',
      type: 'dashboards',
      tags: ['otelkit'],
      asDropdown: true,
      includeVars: true,
      keepTime: true,
    },
  ];
}

/** What a dashboard module declares for one panel; ids and layout are assigned by {@link dashboard}. */
export interface PanelSpec {
  readonly title: string;
  readonly description?: string;
  readonly type?: 'timeseries' | 'stat';
  /** Grafana unit id: `percentunit`, `s`, `bytes`, `ops`, `reqps`, `short`. */
  readonly unit: string;
  readonly queries: readonly { readonly expr: string; readonly legend: string }[];
  /** Full row width. */
  readonly wide?: boolean;
  /** Stat value mappings (number -> text and colour). */
  readonly mappings?: readonly { readonly value: number; readonly text: string; readonly color: string }[];
  readonly min?: number;
  readonly max?: number;
}

/** Grafana's datasource variable reference (a literal `${datasource}`, not a JS template). */
const DS: DatasourceRef = { type: 'prometheus', uid: ['$', '{datasource}'].join('') };

/** Label matchers every dashboard query carries: the `job` and `instance` variables. */
export const SCOPE = 'job=~"$job",instance=~"$instance"';

/** The rate window every dashboard query uses (Grafana fills it from the scrape interval). */
export const RATE = '$__rate_interval';

function templating(defaultJob: string) {
  return {
    list: [
      {
        name: 'datasource',
        label: 'Data source',
        type: 'datasource',
        query: 'prometheus',
        current: {},
        hide: 0,
      },
      {
        name: 'job',
        label: 'Job',
        type: 'query',
        datasource: DS,
        query: { query: 'label_values(up, job)', refId: 'job' },
        definition: 'label_values(up, job)',
        current: { text: defaultJob, value: defaultJob },
        refresh: 2,
        includeAll: false,
        hide: 0,
      },
      {
        name: 'instance',
        label: 'Instance',
        type: 'query',
        datasource: DS,
        query: { query: 'label_values(up{job=~"$job"}, instance)', refId: 'instance' },
        definition: 'label_values(up{job=~"$job"}, instance)',
        current: { text: 'All', value: '$__all' },
        refresh: 2,
        includeAll: true,
        allValue: '.*',
        multi: true,
        hide: 0,
      },
    ],
  };
}

function panel(spec: PanelSpec, id: number, gridPos: Panel['gridPos']): Panel {
  const type = spec.type ?? 'timeseries';
  const defaults: Record<string, unknown> = { unit: spec.unit };
  if (spec.min !== undefined) defaults.min = spec.min;
  if (spec.max !== undefined) defaults.max = spec.max;
  if (spec.mappings) {
    defaults.mappings = spec.mappings.map((m) => ({
      type: 'value',
      options: { [String(m.value)]: { text: m.text, color: m.color, index: 0 } },
    }));
    defaults.color = { mode: 'thresholds' };
  }
  if (type === 'timeseries')
    defaults.custom = { drawStyle: 'line', lineWidth: 1, fillOpacity: 10, spanNulls: true };
  return {
    id,
    type,
    title: spec.title,
    ...(spec.description === undefined ? {} : { description: spec.description }),
    gridPos,
    datasource: DS,
    targets: spec.queries.map((q, i) => ({
      refId: String.fromCharCode(65 + i),
      expr: q.expr,
      legendFormat: q.legend,
      datasource: DS,
    })),
    fieldConfig: { defaults, overrides: [] },
    options:
      type === 'stat'
        ? { reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false }, colorMode: 'background' }
        : { legend: { displayMode: 'list', placement: 'bottom' }, tooltip: { mode: 'multi' } },
  };
}

/** Builds a dashboard: panels two to a row (wide ones alone), ids in order, `job`/`instance` variables, links. */
export function dashboard(
  uid: string,
  title: string,
  defaultJob: string,
  specs: readonly PanelSpec[],
  alertmanager: string,
): Dashboard {
  const panels: Panel[] = [];
  let x = 0;
  let y = 0;
  specs.forEach((spec, i) => {
    const w = spec.wide ? 24 : 12;
    const h = spec.type === 'stat' ? 5 : 8;
    if (x + w > 24) {
      x = 0;
      y += 8;
    }
    panels.push(panel(spec, i + 1, { x, y, w, h }));
    x += w;
    if (x >= 24) {
      x = 0;
      y += h;
    }
  });
  return {
    uid,
    title,
    tags: ['otelkit'],
    timezone: 'browser',
    schemaVersion: 39,
    version: 1,
    refresh: '30s',
    time: { from: 'now-6h', to: 'now' },
    templating: templating(defaultJob),
    links: links(alertmanager),
    panels,
  };
}
