import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { READMES, renderSettingsTable, updateReadme } from '../../scripts/settings-docs';

/** The standard variables of the design contract (DESIGN.md "standard env") and the server's two. */
const CONTRACT_VARIABLES = [
  'OTEL_SERVICE_NAME',
  'OTEL_RESOURCE_ATTRIBUTES',
  'OTEL_SDK_DISABLED',
  'OTEL_LOG_LEVEL',
  'OTEL_TRACES_EXPORTER',
  'OTEL_METRICS_EXPORTER',
  'OTEL_LOGS_EXPORTER',
  ...['ENDPOINT', 'HEADERS', 'TIMEOUT'].flatMap((s) => [
    `OTEL_EXPORTER_OTLP_${s}`,
    `OTEL_EXPORTER_OTLP_TRACES_${s}`,
    `OTEL_EXPORTER_OTLP_METRICS_${s}`,
    `OTEL_EXPORTER_OTLP_LOGS_${s}`,
  ]),
  'OTEL_METRIC_EXPORT_INTERVAL',
  'OTEL_TRACES_SAMPLER',
  'OTEL_TRACES_SAMPLER_ARG',
  'OTEL_PROPAGATORS',
  'OTEL_NODE_ENABLED_INSTRUMENTATIONS',
  'OTELKIT_HOST',
  'OTELKIT_PORT',
];

describe('README configuration and error-code tables', () => {
  for (const [path, blocks] of READMES) {
    it(`${path.split('/').slice(-3).join('/')}: match the settings schema and the error catalogue (npm run docs:settings after a change)`, () => {
      const readme = readFileSync(path, 'utf8');
      assert.equal(
        readme,
        updateReadme(readme, blocks),
        `${path} drifts from the schema: npm run docs:settings`,
      );
    });
  }

  it('document every standard variable of the design contract, each in its own declared setting', () => {
    const table = renderSettingsTable();
    for (const name of CONTRACT_VARIABLES) {
      assert.match(table, new RegExp(`\`${name}\``), `${name} is declared and documented`);
    }
  });

  it('refuses to rewrite a README whose markers are missing', () => {
    assert.throws(() => updateReadme('# no tables here\n'), /markers of the settings table not found/);
  });
});
