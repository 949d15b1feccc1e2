// A static checker for OpenTelemetry Collector configs: what `otelcol validate` would reject, without
// the collector binary (not installable here). Used by configs.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const KINDS = ['receivers', 'processors', 'exporters', 'extensions', 'connectors'] as const;
export type Kind = (typeof KINDS)[number];
export type CollectorConfig = Record<string, unknown> & {
  service?: { extensions?: string[]; pipelines?: Record<string, Record<string, string[] | undefined>> };
};

/** The checked-in component list of the targeted contrib distribution. */
export function contribComponents(): { version: string } & Record<Kind, string[]> {
  return JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'collector', 'contrib-components.json'), 'utf8'),
  );
}

/** `otlp/traces` -> `otlp`. */
export function componentType(id: string): string {
  return id.split('/')[0]!;
}

/** Replaces `${env:NAME:-default}` with its default, as the collector does when NAME is unset. */
export function withEnvDefaults(text: string): string {
  return text.replace(/\$\{env:[A-Z0-9_]+:-([^}]*)\}/g, '$1');
}

/** Every problem `otelcol validate` (and a reviewer) would report; empty when the config is sound. */
export function checkCollectorConfig(config: CollectorConfig): string[] {
  const problems: string[] = [];
  const known = contribComponents();
  const declared = (kind: Kind) => Object.keys((config[kind] as Record<string, unknown> | undefined) ?? {});
  const used = new Set<string>();
  for (const kind of KINDS) {
    for (const id of declared(kind)) {
      if (!known[kind].includes(componentType(id)))
        problems.push(`${kind}.${id}: not in otelcol-contrib ${known.version}`);
    }
  }
  for (const ext of config.service?.extensions ?? []) {
    used.add(`extensions.${ext}`);
    if (!declared('extensions').includes(ext)) problems.push(`service.extensions: ${ext} is not declared`);
  }
  const pipelines = config.service?.pipelines ?? {};
  if (Object.keys(pipelines).length === 0) problems.push('service.pipelines: none');
  const connectors = declared('connectors');
  for (const [name, pipeline] of Object.entries(pipelines)) {
    if (!/^(traces|metrics|logs)(\/[\w-]+)?$/.test(name)) problems.push(`pipeline ${name}: unknown signal`);
    for (const role of ['receivers', 'processors', 'exporters'] as const) {
      const ids = pipeline[role] ?? [];
      if (role !== 'processors' && ids.length === 0) problems.push(`pipeline ${name}: no ${role}`);
      for (const id of ids) {
        const asConnector = role !== 'processors' && connectors.includes(id);
        if (!declared(role).includes(id) && !asConnector)
          problems.push(`pipeline ${name}: ${role} ${id} is not declared`);
        used.add(`${asConnector ? 'connectors' : role}.${id}`);
      }
    }
    const processors = pipeline.processors ?? [];
    if (processors.length > 0 && processors[0] !== 'memory_limiter') {
      problems.push(`pipeline ${name}: memory_limiter must be the first processor`);
    }
    if (processors.includes('batch') && processors.at(-1) !== 'batch')
      problems.push(`pipeline ${name}: batch must be last`);
  }
  for (const kind of KINDS) {
    for (const id of declared(kind))
      if (!used.has(`${kind}.${id}`)) problems.push(`${kind}.${id}: declared but unused`);
  }
  return problems;
}

/** Every `endpoint:` (host:port) in the config, by dotted path. */
export function endpoints(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value !== 'object' || value === null) return out;
  for (const [key, child] of Object.entries(value)) {
    const here = path === '' ? key : `${path}.${key}`;
    if (key === 'endpoint' && typeof child === 'string') out.set(here, child);
    else for (const [k, v] of endpoints(child, here)) out.set(k, v);
  }
  return out;
}

/** The port of `host:port` or a URL. */
export function portOf(endpoint: string): number {
  const match = /:(\d+)(?:\/|$)/.exec(endpoint);
  return match ? Number(match[1]) : Number.NaN;
}
