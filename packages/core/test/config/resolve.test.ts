import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isOtelkitError, resolveConfig } from '@otelkit/core/internal';

function config(env: Record<string, string>, options = {}) {
  return resolveConfig({ ...options, env }).config;
}

/** Asserts resolving fails with one line naming `name` and `value`. */
function rejects(env: Record<string, string>, name: string, value: string, options = {}) {
  assert.throws(
    () => resolveConfig({ ...options, env }),
    (error: unknown) => {
      assert.ok(isOtelkitError(error), 'an OtelkitError');
      assert.equal(error.code, 'OTELKIT_ERR_INVALID_CONFIG');
      assert.ok(!error.message.includes('\n'), 'one line');
      assert.ok(error.message.includes(name), `names ${name}: ${error.message}`);
      assert.ok(error.message.includes(value), `shows ${value}: ${error.message}`);
      return true;
    },
  );
}

describe('resolveConfig', () => {
  it('uses the documented defaults with an empty environment', () => {
    const c = config({});
    assert.equal(c.serviceName, 'unknown_service:node');
    assert.equal(c.host, '0.0.0.0');
    assert.equal(c.port, 9464);
    assert.deepEqual(c.metricsExporters, ['prometheus']);
    assert.equal(c.exportIntervalMs, 60_000);
    assert.equal(c.exportTimeoutMs, 30_000);
    assert.equal(c.cardinalityLimit, 2000);
    assert.equal(c.runtimeMetrics, true);
    assert.equal(c.disabled, false);
    assert.equal(c.sources.port?.source, 'default');
  });

  it('reads the environment and records which variable each value came from', () => {
    const c = config({
      OTEL_SERVICE_NAME: 'sync',
      OTELKIT_PORT: '9999',
      OTEL_METRICS_EXPORTER: 'prometheus, otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_EXPORTER_OTLP_HEADERS: 'api-key=a%20b,x=1',
      OTEL_METRIC_EXPORT_INTERVAL: '5000',
    });
    assert.equal(c.serviceName, 'sync');
    assert.equal(c.port, 9999);
    assert.deepEqual(c.metricsExporters, ['prometheus', 'otlp']);
    assert.equal(c.otlp.endpoint, 'http://collector:4318/v1/metrics');
    assert.deepEqual(c.otlp.headers, { 'api-key': 'a b', x: '1' });
    assert.equal(c.exportIntervalMs, 5000);
    assert.equal(c.exportTimeoutMs, 5000, 'default timeout clamped to the interval');
    assert.deepEqual(c.sources.port, { source: 'environment', name: 'OTELKIT_PORT' });
  });

  it('lets options override the environment', () => {
    const c = config({ OTELKIT_PORT: '9999', OTEL_SERVICE_NAME: 'env' }, { port: 0, serviceName: 'opt' });
    assert.equal(c.port, 0);
    assert.equal(c.serviceName, 'opt');
    assert.deepEqual(c.sources.port, { source: 'option', name: 'options.port' });
  });

  it('adds otlp to the default exporters when an OTLP endpoint is set', () => {
    assert.deepEqual(config({ OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: 'http://c:4318/m' }).metricsExporters, [
      'prometheus',
      'otlp',
    ]);
    assert.equal(
      config({ OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: 'http://c:4318/m' }).otlp.endpoint,
      'http://c:4318/m',
    );
  });

  it('prefers the metrics-specific OTLP endpoint, headers and timeout over the generic ones (as the spec says)', () => {
    const c = config({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://generic:4318',
      OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: 'http://metrics:4318/custom/path',
      OTEL_EXPORTER_OTLP_HEADERS: 'x=generic',
      OTEL_EXPORTER_OTLP_METRICS_HEADERS: 'x=metrics',
      OTEL_EXPORTER_OTLP_TIMEOUT: '1000',
      OTEL_EXPORTER_OTLP_METRICS_TIMEOUT: '2000',
    });
    assert.equal(c.otlp.endpoint, 'http://metrics:4318/custom/path', 'used as is, no /v1/metrics appended');
    assert.deepEqual(c.sources.otlpEndpoint, {
      source: 'environment',
      name: 'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT',
    });
    assert.deepEqual(c.otlp.headers, { x: 'metrics' });
    assert.equal(c.otlp.timeoutMs, 2000);
  });

  it('prefers OTEL_SERVICE_NAME over service.name in OTEL_RESOURCE_ATTRIBUTES', () => {
    assert.equal(config({ OTEL_RESOURCE_ATTRIBUTES: 'service.name=a' }).serviceName, 'a');
    assert.equal(
      config({ OTEL_RESOURCE_ATTRIBUTES: 'service.name=a', OTEL_SERVICE_NAME: 'b' }).serviceName,
      'b',
    );
  });

  it('treats empty variables as unset', () => {
    assert.equal(config({ OTELKIT_PORT: '  ' }).port, 9464);
  });

  it('follows the specification for OTEL_SDK_DISABLED: only "true" disables, others warn', () => {
    assert.equal(config({ OTEL_SDK_DISABLED: 'TRUE' }).disabled, true);
    const r = resolveConfig({ env: { OTEL_SDK_DISABLED: 'yes' } });
    assert.equal(r.config.disabled, false);
    assert.match(r.warnings[0] ?? '', /OTEL_SDK_DISABLED/);
  });

  for (const [name, value] of [
    ['OTELKIT_PORT', 'abc'],
    ['OTELKIT_PORT', '-1'],
    ['OTELKIT_PORT', '65536'],
    ['OTELKIT_PORT', '80.5'],
    ['OTEL_METRIC_EXPORT_INTERVAL', '-5'],
    ['OTEL_METRIC_EXPORT_INTERVAL', '0'],
    ['OTEL_METRIC_EXPORT_TIMEOUT', 'soon'],
    ['OTEL_METRICS_EXPORTER', 'prometheus,statsd'],
    ['OTEL_METRICS_EXPORTER', 'none,otlp'],
    ['OTEL_LOG_LEVEL', 'loud'],
    ['OTELKIT_CARDINALITY_LIMIT', '0'],
    ['OTELKIT_RUNTIME_METRICS', 'maybe'],
    ['OTELKIT_RUNTIME_METRICS_NAMING', 'statsd'],
    ['OTELKIT_HOST', 'bad host'],
    ['OTEL_EXPORTER_OTLP_ENDPOINT', 'collector:4318'],
    ['OTEL_EXPORTER_OTLP_ENDPOINT', 'ftp://collector'],
    ['OTEL_EXPORTER_OTLP_TIMEOUT', '1e3'],
    ['OTEL_EXPORTER_OTLP_PROTOCOL', 'grpc'],
    ['OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE', 'sometimes'],
    ['OTEL_RESOURCE_ATTRIBUTES', 'novalue'],
    ['OTELKIT_REQUEST_TIMEOUT_MS', '99999999999'],
  ] as const) {
    it(`refuses ${name}=${value} with one line naming it`, () => rejects({ [name]: value }, name, value));
  }

  it('refuses an explicit export timeout longer than the interval', () =>
    rejects(
      { OTEL_METRIC_EXPORT_INTERVAL: '1000', OTEL_METRIC_EXPORT_TIMEOUT: '2000' },
      'OTEL_METRIC_EXPORT_TIMEOUT',
      '2000',
    ));

  it('refuses half-configured auth and TLS', () => {
    rejects({ OTELKIT_AUTH_USERNAME: 'ops' }, 'OTELKIT_AUTH_PASSWORD', '');
    rejects({ OTELKIT_AUTH_TOKEN: 't', OTELKIT_AUTH_PASSWORD: 'p' }, 'OTELKIT_AUTH_TOKEN', '(set)');
    rejects({ OTELKIT_TLS_KEY_FILE: '/k.pem' }, 'OTELKIT_TLS_CERT_FILE', '');
  });

  it('builds basic and bearer auth from the environment', () => {
    assert.deepEqual(config({ OTELKIT_AUTH_USERNAME: 'ops', OTELKIT_AUTH_PASSWORD: 's3cret' }).auth, {
      type: 'basic',
      username: 'ops',
      password: 's3cret',
    });
    assert.deepEqual(config({ OTELKIT_AUTH_TOKEN: 'tok' }).auth, { type: 'bearer', token: 'tok' });
  });

  it('validates options the same way, naming the option', () => {
    rejects({}, 'options.port', '-3', { port: -3 });
    rejects({}, 'options.metricsExporters', 'zipkin', { metricsExporters: ['zipkin'] });
    rejects({}, 'options.exportIntervalMs', 'NaN', { exportIntervalMs: Number.NaN });
  });

  it('clips huge bad values in the message', () => {
    const huge = 'x'.repeat(10_000);
    assert.throws(
      () => resolveConfig({ env: { OTELKIT_PORT: huge } }),
      (e: Error) => e.message.length < 300 && e.message.includes('10000 chars'),
    );
  });

  it('refuses an export timeout option longer than the interval, naming the option; clamps the default one', () => {
    rejects({ OTEL_METRIC_EXPORT_INTERVAL: '1000' }, 'options.exportTimeoutMs', '1001', {
      exportTimeoutMs: 1001,
    });
    assert.throws(
      () => resolveConfig({ exportTimeoutMs: 1001, env: { OTEL_METRIC_EXPORT_INTERVAL: '1000' } }),
      /expected at most the export interval \(1000\)$/,
    );
    assert.equal(
      config({ OTEL_METRIC_EXPORT_INTERVAL: '1000' }, { exportTimeoutMs: 1000 }).exportTimeoutMs,
      1000,
    );
    const r = resolveConfig({ env: { OTEL_METRIC_EXPORT_INTERVAL: '1000' } });
    assert.equal(r.settings.exportTimeoutMs, 1000, 'the resolved settings carry the clamped timeout');
    assert.equal(r.settings.exportIntervalMs, 1000);
    assert.equal(Object.isFrozen(r.settings) && Object.isFrozen(r.config), true);
  });

  it('records the preset and its source with the other settings', () => {
    const r = resolveConfig({ env: { OTELKIT_PRESET: 'staging' } });
    assert.equal(r.settings.preset, 'staging');
    assert.deepEqual(r.config.sources.preset, { source: 'environment', name: 'OTELKIT_PRESET' });
    assert.deepEqual(r.config.sources.port, { source: 'default', name: 'port' });
    assert.equal(resolveConfig({ env: {} }).config.preset, undefined);
  });

  it('takes service version and environment from the variables, else the resource attributes', () => {
    const c = config({
      OTEL_RESOURCE_ATTRIBUTES: 'service.version=2.0,deployment.environment.name=eu,service.name=',
      npm_package_version: '1.0.0',
    });
    assert.equal(c.serviceVersion, '1.0.0');
    assert.equal(c.environment, 'eu');
    assert.equal(c.serviceName, 'unknown_service:node', 'an empty service.name is no name');
    const fromAttributes = config({ OTEL_RESOURCE_ATTRIBUTES: 'service.version=2.0' });
    assert.equal(fromAttributes.serviceVersion, '2.0');
    assert.equal(fromAttributes.environment, undefined);
    assert.equal(config({ OTELKIT_SERVICE_VERSION: ' 3.0 ', NODE_ENV: 'test' }).serviceVersion, '3.0');
    assert.equal(config({ NODE_ENV: ' test ' }).environment, 'test');
  });

  it('merges the resource attributes option over the variable; refuses a non-object or an empty version', () => {
    assert.deepEqual(
      config({ OTEL_RESOURCE_ATTRIBUTES: 'a=env,b=env' }, { resourceAttributes: { a: 'option' } })
        .resourceAttributes,
      { a: 'option', b: 'env' },
    );
    rejects({}, 'options.resourceAttributes', 'a=1', { resourceAttributes: 'a=1' });
    rejects({}, 'options.resourceAttributes', 'null', { resourceAttributes: null });
    assert.throws(
      () => resolveConfig({ resourceAttributes: 7 as never, env: {} }),
      /expected an object of attributes$/,
    );
    assert.deepEqual(config({}, { resourceAttributes: { a: 'x' } }).resourceAttributes, { a: 'x' });
    assert.equal(config({}, { resourceAttributes: { 'service.version': 2 } }).serviceVersion, undefined);
    rejects({}, 'options.serviceVersion', '', { serviceVersion: '' });
    assert.equal(config({}, { serviceVersion: '4.0' }).serviceVersion, '4.0');
  });

  it('reads OTEL_SDK_DISABLED=false without a warning, and warns with the value otherwise', () => {
    assert.deepEqual(resolveConfig({ env: { OTEL_SDK_DISABLED: 'true' } }).warnings, []);
    const off = resolveConfig({ env: { OTEL_SDK_DISABLED: ' False ' } });
    assert.deepEqual([off.config.disabled, off.warnings], [false, []]);
    assert.deepEqual(off.config.sources.disabled, { source: 'environment', name: 'OTEL_SDK_DISABLED' });
    assert.deepEqual(resolveConfig({ env: { OTEL_SDK_DISABLED: 'yes' } }).warnings, [
      'OTEL_SDK_DISABLED="yes" is not true or false; treated as false',
    ]);
    assert.equal(config({ OTEL_SDK_DISABLED: '  ' }).sources.disabled?.source, 'default');
  });

  describe('presets', () => {
    it('set coherent defaults and record that they came from the preset', () => {
      const c = config({ OTELKIT_PRESET: 'development' });
      assert.equal(c.preset, 'development');
      assert.equal(c.logLevel, 'debug');
      assert.equal(c.exportIntervalMs, 5000);
      assert.equal(c.exportTimeoutMs, 5000, 'the default timeout follows the shorter interval');
      assert.deepEqual(c.sources.logLevel, { source: 'preset', name: 'OTELKIT_PRESET=development' });
    });

    it('never win over an explicit variable or option', () => {
      const c = config(
        { OTELKIT_PRESET: 'development', OTEL_LOG_LEVEL: 'error' },
        { exportIntervalMs: 1000 },
      );
      assert.equal(c.logLevel, 'error');
      assert.deepEqual(c.sources.logLevel, { source: 'environment', name: 'OTEL_LOG_LEVEL' });
      assert.equal(c.exportIntervalMs, 1000);
      assert.equal(c.sources.exportIntervalMs?.source, 'option');
    });

    it('require credentials for the observability server in production', () => {
      rejects({ OTELKIT_PRESET: 'production' }, 'OTELKIT_PRESET', 'production');
      assert.throws(
        () => resolveConfig({ env: { OTELKIT_PRESET: 'production' } }),
        /expected credentials for the observability server with this preset: OTELKIT_AUTH_USERNAME and OTELKIT_AUTH_PASSWORD, or OTELKIT_AUTH_TOKEN \(or OTELKIT_SERVER=false\)$/,
      );
      const c = config({ OTELKIT_PRESET: 'production', OTELKIT_AUTH_TOKEN: 't' });
      assert.equal(c.logLevel, 'warn');
      assert.equal(config({ OTELKIT_PRESET: 'production', OTELKIT_SERVER: 'false' }).server, false);
    });

    it('require no credentials when otelkit is disabled, nor in the other presets', () => {
      assert.equal(config({ OTELKIT_PRESET: 'production', OTEL_SDK_DISABLED: 'true' }).disabled, true);
      assert.equal(config({ OTELKIT_PRESET: 'staging' }).preset, 'staging');
      assert.equal(config({ OTELKIT_PRESET: 'production' }, { server: false }).server, false);
    });

    it('refuse an unknown preset', () => rejects({ OTELKIT_PRESET: 'prod' }, 'OTELKIT_PRESET', 'prod'));
  });
});
