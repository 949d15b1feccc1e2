import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createObservabilityServer,
  defineSetting,
  integerSetting,
  isOtelkitError,
  otlpSettings,
  RESOLVED,
  resolveConfig,
  resolveSection,
  startTelemetry,
} from '@otelkit/core/internal';

const section = {
  exportIntervalMs: defineSetting({
    option: 'interval',
    env: ['SPECIFIC_INTERVAL', 'GENERIC_INTERVAL'],
    kind: integerSetting({ min: 1, max: 100_000 }),
    default: 60_000,
    preset: 'exportIntervalMs',
    doc: 'test',
    owner: 'test',
  }),
};

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    assert.ok(isOtelkitError(error), String(error));
    return error.message;
  }
  assert.fail('did not throw');
}

describe('resolveSection (the one resolver)', () => {
  it('takes the option, else the first set variable in order, else the preset, else the default, recording each source', () => {
    const resolve = (options: object, env: Record<string, string>, preset?: 'staging') =>
      resolveSection(section, { options, env, preset });
    const env = { SPECIFIC_INTERVAL: '7', GENERIC_INTERVAL: '8' };
    assert.deepEqual(resolve({ interval: 5 }, env).sources.exportIntervalMs, {
      source: 'option',
      name: 'options.interval',
    });
    assert.equal(resolve({ interval: 5 }, env).values.exportIntervalMs, 5);
    assert.equal(resolve({}, env).values.exportIntervalMs, 7);
    assert.deepEqual(resolve({}, { GENERIC_INTERVAL: '8' }).sources.exportIntervalMs, {
      source: 'environment',
      name: 'GENERIC_INTERVAL',
    });
    assert.equal(resolve({}, { SPECIFIC_INTERVAL: ' ' }, 'staging').values.exportIntervalMs, 30_000);
    assert.equal(resolve({}, {}, 'staging').sources.exportIntervalMs?.source, 'preset');
    assert.equal(resolve({}, {}).values.exportIntervalMs, 60_000);
    assert.equal(resolve({}, {}).sources.exportIntervalMs?.source, 'default');
  });

  it('refuses a bad value with one line naming the variable it came from', () => {
    const message = messageOf(() =>
      resolveSection(section, { options: {}, env: { GENERIC_INTERVAL: '1e3' } }),
    );
    assert.match(message, /^OTELKIT_ERR_INVALID_CONFIG: GENERIC_INTERVAL="1e3" is invalid/);
  });
});

describe('otlpSettings (the one OTLP chain, for every signal)', () => {
  for (const signal of ['metrics', 'traces', 'logs'] as const) {
    const upper = signal.toUpperCase();
    const otlp = otlpSettings(signal, {
      optionPrefix: '',
      protocolOption: false,
      defaultEndpoint: undefined,
      owner: 'test',
    });
    const resolve = (env: Record<string, string>) => resolveSection(otlp, { options: {}, env });

    it(`${signal}: the signal's variables win over the generic ones, whose endpoint gets /v1/${signal}`, () => {
      const generic = resolve({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318',
        OTEL_EXPORTER_OTLP_HEADERS: 'a=1',
        OTEL_EXPORTER_OTLP_TIMEOUT: '200',
      }).values;
      assert.equal(generic.endpoint, `http://c:4318/v1/${signal}`);
      assert.deepEqual(generic.headers, { a: '1' });
      assert.equal(generic.timeoutMs, 200);
      const specific = resolve({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318',
        [`OTEL_EXPORTER_OTLP_${upper}_ENDPOINT`]: 'http://s:4318/custom',
        OTEL_EXPORTER_OTLP_TIMEOUT: '200',
        [`OTEL_EXPORTER_OTLP_${upper}_TIMEOUT`]: '300',
      }).values;
      assert.equal(specific.endpoint, 'http://s:4318/custom');
      assert.equal(specific.timeoutMs, 300);
    });

    it(`${signal}: refuses grpc naming the variable that set it`, () => {
      const message = messageOf(() => resolve({ [`OTEL_EXPORTER_OTLP_${upper}_PROTOCOL`]: 'grpc' }));
      assert.match(message, new RegExp(`OTEL_EXPORTER_OTLP_${upper}_PROTOCOL="grpc"`));
    });
  }
});

describe('settings resolved once', () => {
  it('startTelemetry takes settings handed down (RESOLVED) instead of reading the environment again', async () => {
    const handed = resolveConfig({
      server: false,
      runtimeMetrics: false,
      env: { OTEL_SERVICE_NAME: 'once' },
    });
    const telemetry = startTelemetry({ env: { OTELKIT_PORT: 'not a port' }, [RESOLVED]: handed });
    try {
      assert.equal(telemetry.config, handed.config);
      assert.equal(telemetry.config.serviceName, 'once');
    } finally {
      await telemetry.shutdown();
    }
  });

  it('createObservabilityServer refuses a bad port with the very line resolveConfig gives for options.port', () => {
    for (const port of [70_000, -1, 1.5]) {
      assert.equal(
        messageOf(() => createObservabilityServer({ port })),
        messageOf(() => resolveConfig({ port, env: {} })),
      );
    }
  });
});
