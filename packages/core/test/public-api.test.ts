/**
 * The public index lists only what applications call, each name documented; what the sibling packages
 * share goes through `@otelkit/core/internal`, which at run time is the very module of `@otelkit/core`.
 * A new export must be added to PUBLIC below on purpose (or to src/internal.ts).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as core from '@otelkit/core';
import * as internal from '@otelkit/core/internal';
import ts from 'typescript';

const PKG = join(__dirname, '..');

/** The values of the public index (functions, classes, constants). */
const PUBLIC_VALUES = [
  'ERROR_CODES',
  'OtelkitError',
  'VERSION',
  'asOtelkitMeter',
  'createOperationMonitor',
  'isOtelkitError',
  'startRuntimeMetrics',
  'startTelemetry',
];

/** The types of the public index. */
const PUBLIC_TYPES = [
  'BoundCounter',
  'BoundGauge',
  'BoundHistogram',
  'BoundUpDownCounter',
  'ErrorCode',
  'ErrorCodeName',
  'ExpositionFormat',
  'LogLevelName',
  'MetricsExporterName',
  'MetricsSnapshot',
  'ObservabilityServer',
  'OperationHandle',
  'OperationMonitor',
  'OperationMonitorOptions',
  'OperatorApiMode',
  'OtelkitCounter',
  'OtelkitGauge',
  'OtelkitHistogram',
  'OtelkitMeter',
  'OtelkitUpDownCounter',
  'OtlpOptions',
  'PresetName',
  'ResolvedConfig',
  'RouteHandler',
  'RouteOptions',
  'RouteRegistry',
  'RouteRequest',
  'RuntimeMetricsHandle',
  'RuntimeMetricsNaming',
  'RuntimeMetricsOptions',
  'ServerAddress',
  'ServerAuth',
  'ServerTls',
  'Telemetry',
  'TelemetryOptions',
  'TemporalityPreference',
];

const sorted = (names: Iterable<string>): string[] => [...names].sort();

let cached: Map<string, string> | undefined;

/** The exports of src/index.ts as TypeScript sees them, each with its JSDoc text. */
function indexExports(): Map<string, string> {
  if (cached !== undefined) return cached;
  const index = join(PKG, 'src', 'index.ts');
  const program = ts.createProgram([index], {
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(index)!)!;
  const out = new Map<string, string>();
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    out.set(exported.name, ts.displayPartsToString(target.getDocumentationComment(checker)).trim());
  }
  cached = out;
  return out;
}

describe('@otelkit/core public index', () => {
  it('exports exactly the listed values and types', () => {
    assert.deepEqual(sorted(indexExports().keys()), sorted([...PUBLIC_VALUES, ...PUBLIC_TYPES]));
  });

  it('exports exactly the listed values at run time', () => {
    assert.deepEqual(sorted(Object.keys(core).filter((k) => k !== 'default')), sorted(PUBLIC_VALUES));
  });

  it('documents every export with JSDoc at its declaration', () => {
    const undocumented = [...indexExports()].filter(([, doc]) => doc === '').map(([name]) => name);
    assert.deepEqual(undocumented, []);
  });

  it('is part of @otelkit/core/internal, which adds what the sibling packages share', () => {
    const publicValues: Record<string, unknown> = { ...core };
    const internalValues: Record<string, unknown> = { ...internal };
    for (const name of PUBLIC_VALUES) assert.equal(internalValues[name], publicValues[name], name);
    assert.equal(typeof internal.resolveSection, 'function');
    assert.equal(typeof internal.RESOLVED, 'symbol');
  });
});

describe('@otelkit/core built (dist)', () => {
  it('serves /internal from the one bundle: same instances, no second copy of the sources loaded', () => {
    // A child process without the source condition loads dist/ as users do.
    const script = `
      const core = require('@otelkit/core');
      const internal = require('@otelkit/core/internal');
      const loaded = Object.keys(require.cache).filter((f) => f.includes('core' + require('path').sep + 'dist'));
      console.log(JSON.stringify({
        keys: Object.keys(core),
        same: internal.startTelemetry === core.startTelemetry && internal.OtelkitError === core.OtelkitError,
        internalNames: Object.keys(internal).length,
        loaded: loaded.map((f) => require('path').basename(f)).sort(),
      }));`;
    const report = JSON.parse(
      execFileSync(process.execPath, ['-e', script], { cwd: PKG, encoding: 'utf8' }),
    ) as { keys: string[]; same: boolean; internalNames: number; loaded: string[] };
    // `__internal` is the namespace dist/internal.js hands out (scripts/bundle.mjs); not in the types.
    assert.deepEqual(sorted(report.keys), sorted([...PUBLIC_VALUES, '__internal']));
    assert.equal(report.same, true);
    assert.equal(report.internalNames, Object.keys(internal).filter((k) => k !== 'default').length);
    assert.deepEqual(report.loaded, ['index.js', 'internal.js']);
  });
});
