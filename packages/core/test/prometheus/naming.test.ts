import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toPrometheusLabelName, toPrometheusMetricName } from '../../src/prometheus/naming';
import { prometheusUnit } from '../../src/prometheus/units';

describe('toPrometheusMetricName', () => {
  it('turns dots into underscores and appends the unit suffix for a histogram in seconds', () => {
    assert.equal(
      toPrometheusMetricName('http.server.request.duration', 's', 'histogram').name,
      'http_server_request_duration_seconds',
    );
  });

  it('appends _total to counters, after the unit suffix', () => {
    assert.equal(toPrometheusMetricName('ns.operations', '', 'counter').name, 'ns_operations_total');
    assert.equal(
      toPrometheusMetricName('process.cpu.time', 's', 'counter').name,
      'process_cpu_time_seconds_total',
    );
  });

  it('gives counters an OpenMetrics family name without _total', () => {
    const names = toPrometheusMetricName('process.cpu.time', 's', 'counter');
    assert.equal(names.familyName, 'process_cpu_time_seconds');
    assert.equal(names.unit, 'seconds');
  });

  it('does not append _total twice, nor put the unit after it', () => {
    assert.equal(toPrometheusMetricName('jobs_total', '', 'counter').name, 'jobs_total');
    assert.equal(toPrometheusMetricName('busy_total', 's', 'counter').name, 'busy_seconds_total');
  });

  it('never adds _total to gauges, up-down counters or histograms', () => {
    assert.equal(toPrometheusMetricName('ns.queue.depth', '', 'gauge').name, 'ns_queue_depth');
    assert.equal(
      toPrometheusMetricName('ns.operations.active', '', 'updowncounter').name,
      'ns_operations_active',
    );
    assert.equal(toPrometheusMetricName('ns.items', '', 'histogram').name, 'ns_items');
  });

  it('does not append a unit the name already ends with', () => {
    assert.equal(
      toPrometheusMetricName('request_duration_seconds', 's', 'histogram').name,
      'request_duration_seconds',
    );
    assert.equal(
      toPrometheusMetricName('ns.last_success.timestamp', 's', 'gauge').name,
      'ns_last_success_timestamp_seconds',
    );
  });

  it('replaces invalid characters and collapses repeated underscores', () => {
    assert.equal(toPrometheusMetricName('my-metric', '', 'gauge').name, 'my_metric');
    assert.equal(toPrometheusMetricName('a..b/c__d', '', 'gauge').name, 'a_b_c_d');
  });

  it('prefixes a name starting with a digit with an underscore', () => {
    assert.equal(toPrometheusMetricName('0bad', '', 'gauge').name, '_0bad');
  });

  it('uses ratio for unit 1 on gauges only', () => {
    assert.equal(toPrometheusMetricName('cpu.utilization', '1', 'gauge').name, 'cpu_utilization_ratio');
    assert.equal(toPrometheusMetricName('items', '1', 'counter').name, 'items_total');
    assert.equal(toPrometheusMetricName('threads', '1', 'updowncounter').name, 'threads');
  });
});

describe('prometheusUnit', () => {
  it('spells out UCUM abbreviations', () => {
    assert.deepEqual(
      ['s', 'ms', 'us', 'ns', 'min', 'h', 'd', 'By', 'KiBy', 'MiBy', 'GiBy', 'KBy', 'Cel', '%'].map((u) =>
        prometheusUnit(u, false),
      ),
      [
        'seconds',
        'milliseconds',
        'microseconds',
        'nanoseconds',
        'minutes',
        'hours',
        'days',
        'bytes',
        'kibibytes',
        'mebibytes',
        'gibibytes',
        'kilobytes',
        'celsius',
        'percent',
      ],
    );
  });

  it('drops {annotations}', () => {
    assert.equal(prometheusUnit('{request}', false), '');
    assert.equal(prometheusUnit('{packet}/s', false), 'per_second');
  });

  it('turns x/y into x_per_y', () => {
    assert.equal(prometheusUnit('By/s', false), 'bytes_per_second');
    assert.equal(prometheusUnit('m/s', false), 'meters_per_second');
    assert.equal(prometheusUnit('1/s', true), 'per_second');
  });

  it('keeps unknown units, reduced to valid characters', () => {
    assert.equal(prometheusUnit('packets', false), 'packets');
    assert.equal(prometheusUnit('foo-bar', false), 'foo_bar');
  });
});

describe('toPrometheusLabelName', () => {
  it('returns valid label names unchanged', () => {
    assert.equal(toPrometheusLabelName('status'), 'status');
  });

  it('sanitizes invalid characters and collapses underscores', () => {
    assert.equal(toPrometheusLabelName('http.request.method'), 'http_request_method');
    assert.equal(toPrometheusLabelName('a.-b'), 'a_b');
    assert.equal(toPrometheusLabelName('__reserved'), '_reserved');
  });

  it('prefixes a leading digit with key_', () => {
    assert.equal(toPrometheusLabelName('0day'), 'key_0day');
  });
});
