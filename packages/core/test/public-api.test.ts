/**
 * The public index lists only what applications call, each name documented; what the sibling packages
 * share goes through `@otelkit/core/internal` (built, the very module of `@otelkit/core`:
 * test/packaging/internal-subpaths.test.ts).
 * A new export must be added to PUBLIC_VALUES / PUBLIC_TYPES below on purpose (or to src/internal.ts).
 */
import assert from 'node:assert/strict';
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
  'metricsFastifyHandler',
  'metricsFastifyPlugin',
  'metricsFetchHandler',
  'metricsHandler',
  'startRuntimeMetrics',
  'startTelemetry',
];

/** The types of the public index. */
const PUBLIC_TYPES = [
  'AppMetricsOptions',
  'BoundCounter',
  'BoundGauge',
  'BoundHistogram',
  'BoundUpDownCounter',
  'ErrorCode',
  'ErrorCodeName',
  'ExistingProviders',
  'ExpositionFormat',
  'FastifyInstanceLike',
  'FastifyMetricsHandler',
  'FastifyReplyLike',
  'FastifyRequestLike',
  'FetchMetricsHandler',
  'LogLevelName',
  'MetricsExporterName',
  'MetricsSnapshot',
  'NodeMetricsHandler',
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
