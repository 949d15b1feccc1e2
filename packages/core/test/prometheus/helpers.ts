import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { type Resource, resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, type ResourceMetrics, type ViewOptions } from '@opentelemetry/sdk-metrics';

/** Options of {@link collect}. */
export interface CollectOptions {
  resource?: Resource;
  views?: ViewOptions[];
}

/**
 * Builds a MeterProvider read by a PrometheusExporter (server not started), as otelkit core does, lets
 * `record` create instruments and record, and returns one collection.
 */
export async function collect(
  record: (provider: MeterProvider) => void,
  options: CollectOptions = {},
): Promise<ResourceMetrics> {
  const exporter = new PrometheusExporter({ preventServerStart: true });
  const provider = new MeterProvider({
    readers: [exporter],
    resource: options.resource ?? resourceFromAttributes({ 'service.name': 'test-service' }),
    views: options.views ?? [],
  });
  record(provider);
  const { resourceMetrics, errors } = await exporter.collect();
  await provider.shutdown();
  if (errors.length > 0) throw errors[0];
  return resourceMetrics;
}

const PROMTOOL = '/usr/bin/promtool';

/** Waits (up to a minute) for the background apt install of promtool, then returns whether it is usable. */
export function promtoolAvailable(): boolean {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (existsSync(PROMTOOL)) return true;
    const log = existsSync('/tmp/apt.log') ? readFileSync('/tmp/apt.log', 'utf8') : '';
    if (/done \d+\s*$/.test(log)) return existsSync(PROMTOOL);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
  }
  return existsSync(PROMTOOL);
}

/** Runs `promtool check metrics` on the text; returns its exit status and everything it printed. */
export function promtoolCheck(text: string): { status: number | null; output: string } {
  const result = spawnSync(PROMTOOL, ['check', 'metrics'], { input: text, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}
