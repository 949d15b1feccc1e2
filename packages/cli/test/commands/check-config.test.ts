import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CORE_SETTINGS, PRESET_SETTINGS } from '@otelkit/core/internal';
import { cli } from '../helpers';

describe('otelkit check-config', () => {
  it('prints the effective configuration and where each value comes from', async () => {
    const r = await cli(['check-config'], { OTEL_SERVICE_NAME: 'billing', OTELKIT_PORT: '9500' });
    assert.equal(r.code, 0);
    assert.match(r.out, /^configuration is valid/);
    assert.match(r.out, /serviceName\s+billing\s+OTEL_SERVICE_NAME/);
    assert.match(r.out, /port\s+9500\s+OTELKIT_PORT/);
    assert.match(r.out, /host\s+0\.0\.0\.0\s+default/);
  });

  it('applies the OTELKIT_CONFIG options module over the environment, naming it as the source', async () => {
    const file = 'packages/cli/test/fixtures/otelkit.config.cjs';
    const r = await cli(['check-config'], {
      OTELKIT_CONFIG: file,
      OTELKIT_PORT: '9500',
      OTEL_SERVICE_NAME: 'billing',
    });
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^configuration is valid \(with the options of OTELKIT_CONFIG=/);
    assert.match(r.out, new RegExp(`port\\s+9777\\s+port in ${file}`), 'the module wins over OTELKIT_PORT');
    assert.match(r.out, /serviceName\s+billing\s+OTEL_SERVICE_NAME/, 'the environment for the rest');
    assert.match(r.out, new RegExp(`metricReaders\\s+1 object\\s+metricReaders in ${file}`));
  });

  it('exits 1 with one line when the OTELKIT_CONFIG module is missing', async () => {
    const r = await cli(['check-config'], { OTELKIT_CONFIG: 'no-such-config.cjs' });
    assert.equal(r.code, 1);
    assert.match(
      r.err,
      /^invalid configuration: OTELKIT_ERR_CONFIG_MODULE: OTELKIT_CONFIG=no-such-config\.cjs: no such file/,
    );
  });

  it('exits 1 with the one-line error naming the variable and value when invalid', async () => {
    const r = await cli(['check-config'], { OTELKIT_PORT: 'abc' });
    assert.equal(r.code, 1);
    assert.match(r.err, /^invalid configuration: OTELKIT_ERR_INVALID_CONFIG: OTELKIT_PORT="abc" is invalid/);
    assert.equal(r.err.trim().split('\n').length, 1);
  });

  it('hides secrets in --json output', async () => {
    const r = await cli(['check-config', '--json'], {
      OTELKIT_AUTH_TOKEN: 's3cret',
      OTEL_EXPORTER_OTLP_HEADERS: 'api-key=abc123',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
    });
    assert.equal(r.code, 0);
    assert.doesNotMatch(r.out, /s3cret|abc123/);
    const doc = JSON.parse(r.out);
    assert.equal(doc.valid, true);
    assert.deepEqual(doc.config.auth, { type: 'bearer', token: '(hidden)' });
    assert.equal(doc.config.otlp.endpoint, 'http://collector:4318/v1/metrics');
    assert.equal(doc.sources.port.source, 'default');
  });

  it('lists every setting of the schema, in declaration order, with its value and source', async () => {
    const r = await cli(['check-config'], { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' });
    assert.equal(r.code, 0);
    const keys = r.out
      .split('\n')
      .slice(1)
      .filter((line) => line.trim() !== '')
      .map((line) => line.trim().split(/\s+/)[0]);
    assert.deepEqual(keys, Object.keys({ ...PRESET_SETTINGS, ...CORE_SETTINGS }));
    assert.match(r.out, /otlpEndpoint\s+http:\/\/c:4318\/v1\/metrics\s+OTEL_EXPORTER_OTLP_ENDPOINT/);
    assert.match(r.out, /otlpProtocol\s+http\/protobuf\s+default/);
  });
});
