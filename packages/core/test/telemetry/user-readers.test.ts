import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { metrics } from '@opentelemetry/api';
import { emptyResource, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  type MetricData,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import { createOperationMonitor, isOtelkitError, startTelemetry, type Telemetry } from '@otelkit/core';
import { resolveConfig } from '@otelkit/core/internal';

const env = {};

/** The user's reader: an in-memory exporter behind a periodic reader that only exports when flushed. */
function userReader(temporality: AggregationTemporality) {
  const exporter = new InMemoryMetricExporter(temporality);
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
  const flushed = async (): Promise<MetricData[]> => {
    exporter.reset();
    await reader.forceFlush();
    return exporter.getMetrics().flatMap((rm) => rm.scopeMetrics.flatMap((sm) => sm.metrics));
  };
  return { reader, exporter, flushed };
}

function sumOf(data: MetricData[], name: string): number | undefined {
  const metric = data.find((m) => m.descriptor.name === name);
  return metric?.dataPoints.reduce((total, p) => total + Number(p.value), 0);
}

describe('startTelemetry({ metricReaders })', () => {
  let telemetry: Telemetry | undefined;
  after(() => telemetry?.shutdown());

  it('gives each user reader the in-process instruments in its own temporality, beside the SDK’s metrics', async () => {
    const delta = userReader(AggregationTemporality.DELTA);
    const cumulative = userReader(AggregationTemporality.CUMULATIVE);
    telemetry = startTelemetry({
      server: false,
      runtimeMetrics: false,
      metricsExporters: ['none'],
      metricReaders: [delta.reader, cumulative.reader],
      resource: resourceFromAttributes({ 'team.name': 'payments' }),
      resourceDetectors: [{ detect: () => ({ attributes: { 'test.detected': 'yes' } }) }],
      env,
    });
    const monitor = createOperationMonitor({ namespace: 'user_reader' });
    monitor.track('sync', () => 1);
    monitor.track('sync', () => 1);
    let d = await delta.flushed();
    let c = await cumulative.flushed();
    assert.equal(sumOf(d, 'user_reader.operations'), 2, 'the fast-path counter reaches the delta reader');
    assert.equal(sumOf(c, 'user_reader.operations'), 2, 'and the cumulative one');
    assert.ok(
      c.some((m) => m.descriptor.name === 'otelkit.metric.cardinality.limit'),
      'self-metrics (SDK) too',
    );
    monitor.track('sync', () => 1);
    d = await delta.flushed();
    c = await cumulative.flushed();
    assert.equal(sumOf(d, 'user_reader.operations'), 1, 'a delta since the last collection of that reader');
    assert.equal(sumOf(c, 'user_reader.operations'), 3);
    const resource = cumulative.exporter.getMetrics()[0]!.resource;
    assert.equal(resource.attributes['team.name'], 'payments', 'the user’s resource');
    assert.equal(resource.attributes['test.detected'], 'yes', 'the detector’s attributes');
    assert.equal(resource.attributes['telemetry.distro.name'], 'otelkit', 'over otelkit’s own');
    await telemetry.shutdown();
    telemetry = undefined;
  });

  it('refuses a reader, resource or detector that is not one, naming the option', () => {
    for (const [options, name] of [
      [{ metricReaders: [{}] }, 'options.metricReaders[0]'],
      [{ metricReaders: {} }, 'options.metricReaders'],
      [{ resource: { attributes: {} } }, 'options.resource'],
      [{ resourceDetectors: [emptyResource()] }, 'options.resourceDetectors[0]'],
    ] as const) {
      assert.throws(
        () => resolveConfig({ ...(options as object), env }),
        (error: unknown) =>
          isOtelkitError(error) &&
          error.code === 'OTELKIT_ERR_INVALID_CONFIG' &&
          error.message.includes(`${name}=`),
        name,
      );
    }
  });

  it('refuses to start next to an earlier global MeterProvider, unless existingProviders is separate', async () => {
    const other = new MeterProvider();
    assert.ok(metrics.setGlobalMeterProvider(other));
    try {
      assert.throws(
        () => startTelemetry({ server: false, runtimeMetrics: false, env }),
        (error: unknown) => isOtelkitError(error) && error.code === 'OTELKIT_ERR_EXISTING_PROVIDER',
      );
      const beside = startTelemetry({
        server: false,
        runtimeMetrics: false,
        existingProviders: 'separate',
        env,
      });
      assert.equal(metrics.getMeterProvider(), other, 'the earlier provider stays global');
      await beside.shutdown();
    } finally {
      metrics.disable();
    }
  });
});
