import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createObservabilityServer,
  defaultOf,
  defineSetting,
  envValue,
  firstEnv,
  integerSetting,
  isOtelkitError,
  optionAt,
  otlpSettings,
  RESOLVED,
  resolveConfig,
  resolveSection,
  signalUrl,
  startTelemetry,
} from '@otelkit/core/internal';
import { boolean, host, integer, listOf, oneOf, POSITIVE_MS, text } from '../../src/settings';

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

describe('setting kinds (how a variable is parsed and an option checked)', () => {
  const line = (fn: () => unknown) => messageOf(fn).replace('OTELKIT_ERR_INVALID_CONFIG: ', '');

  it('booleans and words: the option must already be of the type, the variable is parsed', () => {
    assert.equal(boolean.parse('B', ' True '), true);
    assert.equal(boolean.check('options.b', false), false);
    assert.equal(
      line(() => boolean.check('options.b', 'true')),
      'options.b="true" is invalid: expected true or false',
    );
    const level = oneOf(['info', 'debug']);
    assert.equal(level.parse('L', 'DEBUG'), 'debug');
    assert.equal(level.check('options.l', 'Info'), 'info');
    assert.match(
      line(() => level.check('options.l', 3)),
      /^options\.l="3" is invalid: expected one of info, debug$/,
    );
  });

  it('lists: none only alone; an option may be an array or a comma string', () => {
    const exporters = listOf(['prometheus', 'otlp', 'none']);
    assert.deepEqual(exporters.parse('X', 'none'), ['none']);
    assert.deepEqual(exporters.check('options.x', ['otlp', 'prometheus']), ['otlp', 'prometheus']);
    assert.deepEqual(exporters.check('options.x', 'otlp,prometheus'), ['otlp', 'prometheus']);
    assert.equal(
      line(() => exporters.parse('X', 'otlp,none')),
      'X="otlp,none" is invalid: expected "none" alone, or a list without "none"',
    );
    assert.equal(
      line(() => exporters.check('options.x', ['none', 'otlp'])),
      'options.x="none,otlp" is invalid: expected "none" alone, or a list without "none"',
    );
  });

  it('text and hosts: non-empty (a variable trimmed), hosts checked as names or IPs', () => {
    assert.equal(text.parse('T', '  orders '), 'orders');
    assert.equal(text.check('options.t', ' orders '), ' orders ');
    for (const bad of ['', '  ', 3]) {
      assert.match(
        line(() => text.check('options.t', bad)),
        /is invalid: expected a non-empty string$/,
      );
    }
    assert.match(
      line(() => text.parse('T', '   ')),
      /^T="" is invalid: expected a non-empty string$/,
    );
    assert.equal(host.parse('H', ' ::1 '), '::1');
    assert.equal(host.check('options.h', '127.0.0.1'), '127.0.0.1');
    assert.match(
      line(() => host.check('options.h', '')),
      /expected a non-empty string$/,
    );
    assert.match(
      line(() => host.check('options.h', 'a b')),
      /expected a host name or IP address$/,
    );
    assert.equal(integer({ min: 1, max: 3 }).check('options.i', 3), 3);
    assert.match(
      line(() => integer({ min: 1, max: 3 }).parse('I', '4')),
      /expected an integer from 1 to 3$/,
    );
    assert.deepEqual(POSITIVE_MS, { min: 1, max: 2_147_483_647 });
  });
});

describe('resolveSection details', () => {
  const merged = {
    tags: defineSetting<Record<string, string>>({
      option: 'deep.tags',
      env: ['TAGS'],
      kind: {
        parse: (_name, raw) =>
          Object.fromEntries(raw.split(',').map((p) => p.split('=') as [string, string])),
        check: (_name, value) => value as Record<string, string>,
      },
      default: {},
      merge: (fromOption, fromEnv) => ({ ...fromEnv, ...fromOption }),
      doc: 'test',
      owner: 'test',
    }),
    mode: defineSetting<string>({
      env: ['MODE'],
      kind: text,
      default: ({ values }) => `after ${Object.keys(values.tags as object).join('+')}`,
      read: ({ env, warn }) => {
        if (env.MODE === undefined) return undefined;
        warn(`MODE read as ${env.MODE}`);
        return { name: 'MODE', value: env.MODE.toUpperCase() };
      },
      doc: 'test',
      owner: 'test',
    }),
  };

  it('merges an option over its variable, reads dotted option paths, names options as asked', () => {
    const warnings: string[] = [];
    const { values, sources } = resolveSection(merged, {
      options: { deep: { tags: { a: 'option' } } },
      env: { TAGS: 'a=env,b=env', MODE: 'fast' },
      optionName: (path) => `config.${path}`,
      warnings,
    });
    assert.deepEqual(values.tags, { a: 'option', b: 'env' });
    assert.deepEqual(sources.tags, { source: 'option', name: 'config.deep.tags' });
    assert.equal(values.mode, 'FAST');
    assert.deepEqual(sources.mode, { source: 'environment', name: 'MODE' });
    assert.deepEqual(warnings, ['MODE read as fast']);
  });

  it('gives a default function the values resolved before it; an option path through a non-object is unset', () => {
    const { values, sources } = resolveSection(merged, { options: { deep: 5 }, env: { TAGS: 'x=1,y=2' } });
    assert.deepEqual(values.tags, { x: '1', y: '2' });
    assert.equal(values.mode, 'after x+y');
    assert.deepEqual(sources.mode, { source: 'default', name: 'mode' });
    assert.equal(optionAt({ a: { b: null } }, 'a.b.c'), undefined);
    assert.equal(optionAt({ a: { b: 0 } }, 'a.b'), 0);
    assert.equal(optionAt({ a: 'text' }, 'a.length'), undefined);
    // Without a warnings list, warnings are dropped.
    assert.equal(resolveSection(merged, { options: {}, env: { MODE: 'm' } }).values.mode, 'M');
  });

  it('reads a variable only when set and not blank, the first of several in order', () => {
    assert.equal(envValue({ A: ' x ' }, 'A'), ' x ');
    assert.equal(envValue({ A: ' \t' }, 'A'), undefined);
    assert.deepEqual(firstEnv({ A: '', B: 'b', C: 'c' }, ['A', 'B', 'C']), { name: 'B', raw: 'b' });
    assert.equal(firstEnv({ A: ' ' }, ['A', 'B']), undefined);
  });

  it('keeps a setting declaration as declared, with its defaults for omitted fields', () => {
    const setting = defineSetting({ kind: text, default: 'd', doc: 'test', owner: 'test' });
    assert.deepEqual(setting.env, []);
    assert.equal(setting.option, undefined);
    assert.equal(setting.reload, false);
    assert.equal(setting.read, undefined);
    assert.equal(setting.merge, undefined);
    assert.equal(setting.parse('N', ' v '), 'v');
    assert.equal(defaultOf(setting), 'd');
    const reloadable = defineSetting({
      kind: text,
      default: 'd',
      reload: true,
      preset: 'logLevel',
      secret: 'value',
      doc: 'test',
      owner: 'test',
    });
    assert.deepEqual([reloadable.reload, reloadable.preset, reloadable.secret], [true, 'logLevel', 'value']);
  });
});

describe('OTLP settings: parsing', () => {
  const otlp = otlpSettings('traces', {
    optionPrefix: 'otlp.',
    protocolOption: true,
    defaultEndpoint: 'http://localhost:4318/v1/traces',
    owner: 'test',
  });
  const resolve = (options: object, env: Record<string, string>) =>
    resolveSection(otlp, { options, env }).values;

  it('appends the signal path to the generic endpoint once, with or without a trailing slash', () => {
    assert.equal(signalUrl('http://c:4318', 'v1/traces'), 'http://c:4318/v1/traces');
    assert.equal(signalUrl('http://c:4318/', 'v1/traces'), 'http://c:4318/v1/traces');
    assert.equal(
      resolve({}, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318/base/' }).endpoint,
      'http://c:4318/base/v1/traces',
    );
    assert.equal(
      resolve({}, { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/x' }).endpoint,
      'http://c:4318/x',
    );
    assert.equal(resolve({ otlp: { endpoint: 'http://o:1' } }, {}).endpoint, 'http://o:1/');
    assert.equal(resolve({}, {}).endpoint, 'http://localhost:4318/v1/traces');
    assert.equal(otlp.endpoint.secret, 'userinfo');
    assert.equal(otlp.headers.secret, 'headers');
    assert.deepEqual(resolve({}, {}).headers, {});
    assert.equal(resolve({}, {}).timeoutMs, 10_000);
  });

  it('takes http/json or http/protobuf in any case, as a variable or an option, and refuses anything else', () => {
    assert.equal(resolve({}, {}).protocol, 'http/protobuf');
    assert.equal(resolve({}, { OTEL_EXPORTER_OTLP_PROTOCOL: ' HTTP/JSON ' }).protocol, 'http/json');
    assert.equal(resolve({ otlp: { protocol: 'http/json' } }, {}).protocol, 'http/json');
    assert.equal(
      messageOf(() => resolve({}, { OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })),
      'OTELKIT_ERR_INVALID_CONFIG: OTEL_EXPORTER_OTLP_PROTOCOL="grpc" is invalid: expected http/json or http/protobuf (otelkit exports OTLP over HTTP)',
    );
    assert.match(
      messageOf(() => resolve({ otlp: { protocol: 'grpc' } }, {})),
      /options\.otlp\.protocol="grpc".*one of http\/protobuf, http\/json/,
    );
  });

  it('takes headers as an object option, never showing them in an error', () => {
    assert.deepEqual(resolve({ otlp: { headers: { a: '1' } } }, {}).headers, { a: '1' });
    assert.equal(
      messageOf(() => resolve({ otlp: { headers: 'a=s3cret' } }, {})),
      'OTELKIT_ERR_INVALID_CONFIG: options.otlp.headers="(hidden)" is invalid: expected an object of header values',
    );
    assert.match(
      messageOf(() => resolve({ otlp: { headers: null } }, {})),
      /"\(hidden\)"/,
    );
    assert.equal(
      messageOf(() => resolve({}, { OTEL_EXPORTER_OTLP_HEADERS: 'x-tenant=acme,bad key=s3cret' })),
      'OTELKIT_ERR_INVALID_CONFIG: OTEL_EXPORTER_OTLP_HEADERS="x-tenant=***,***" is invalid: expected header names as keys (name=value)',
    );
    assert.equal(resolve({ otlp: { timeoutMs: 500 } }, {}).timeoutMs, 500);
  });
});
