/**
 * `@otelkit/<pkg>/internal` (what the otelkit packages share beyond their public index) as an app or a
 * sibling package meets it once built: the very module of `@otelkit/<pkg>` (one running telemetry, one
 * class for `instanceof`, one symbol), not a second copy of the sources (scripts/bundle.mjs).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..');

/** A sibling-only export of each package's internal subpath, to tell it apart from the public index. */
const PACKAGES = [
  ['core', 'resolveSection'],
  ['tracing', 'TRACING_SETTINGS'],
  ['health', 'HEALTH_SETTINGS'],
] as const;

interface Report {
  readonly publicKeys: string[];
  readonly internalKeys: string[];
  readonly sameValues: string[];
  readonly onlyInternal: boolean;
  readonly loaded: string[];
}

/** Loads the built package and its internal subpath in a child process (no source condition). */
function load(pkg: string, internalName: string): Report {
  const script = `
    const { sep, basename } = require('node:path');
    const main = require('@otelkit/${pkg}');
    const internal = require('@otelkit/${pkg}/internal');
    const dist = sep + '${pkg}' + sep + 'dist' + sep;
    console.log(JSON.stringify({
      publicKeys: Object.keys(main),
      internalKeys: Object.keys(internal),
      sameValues: Object.keys(main).filter((k) => !k.startsWith('__') && internal[k] === main[k]),
      onlyInternal: !(${JSON.stringify(internalName)} in main) && internal[${JSON.stringify(internalName)}] !== undefined,
      loaded: Object.keys(require.cache).filter((f) => f.includes(dist)).map((f) => basename(f)).sort(),
    }));`;
  return JSON.parse(
    execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }),
  ) as Report;
}

describe('internal subpaths of the built packages', () => {
  for (const [pkg, internalName] of PACKAGES) {
    it(`@otelkit/${pkg}/internal is the main bundle's namespace: same values, no second copy loaded`, () => {
      const report = load(pkg, internalName);
      // `__internal` and core's `__api` are the bundle's namespaces for the sibling packages (scripts/bundle.mjs).
      const publicValues = report.publicKeys.filter((k) => !k.startsWith('__'));
      assert.ok(report.publicKeys.includes('__internal'), 'the bundle carries the internal namespace');
      assert.deepEqual(report.sameValues, publicValues, 'every public value is the very same object');
      assert.ok(report.onlyInternal, `${internalName} is internal only`);
      assert.ok(report.internalKeys.length > publicValues.length);
      assert.deepEqual(report.loaded, ['index.js', 'internal.js']);
    });
  }

  it('cost the preload no file: the sibling bundles read the namespace from the main module', () => {
    const script = `const { sep } = require('node:path');
      console.log(JSON.stringify(Object.keys(require.cache).filter((f) => f.includes(sep + 'packages' + sep))));`;
    const loaded = JSON.parse(
      execFileSync(process.execPath, ['--require', '@otelkit/register', '-e', script], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, OTELKIT_PORT: '0', OTELKIT_HOST: '127.0.0.1', OTEL_TRACES_EXPORTER: 'none' },
      }),
    ) as string[];
    assert.ok(loaded.length >= 4, loaded.join(' ')); // register, core, tracing, health
    assert.deepEqual(
      loaded.filter((f) => !f.endsWith('index.js')),
      [],
      'only the bundled entries are loaded',
    );
  });

  it('parse the OpenTelemetry API once: the packages built on core use the copy core carries', () => {
    // A class of the API's own code, present wherever the API is bundled.
    const carries = (pkg: string) =>
      readFileSync(join(ROOT, 'packages', pkg, 'dist', 'index.js'), 'utf8').includes(
        'DiagComponentLogger = class',
      );
    assert.equal(carries('core'), true);
    assert.equal(carries('circuit-breaker'), true, 'the breaker depends on no otelkit package');
    for (const pkg of ['tracing', 'health', 'register']) assert.equal(carries(pkg), false, pkg);
    const script = `const core = require('@otelkit/core');
      const { startTracing } = require('@otelkit/tracing');
      const telemetry = core.startTelemetry({ server: false, runtimeMetrics: false, logLevel: 'none', env: {} });
      startTracing(telemetry, { env: { OTEL_TRACES_EXPORTER: 'console' }, http: false });
      const span = core.__api.trace.getTracer('t').startSpan('s');
      console.log(JSON.stringify({ recording: span.isRecording() }));
      span.end();
      void telemetry.shutdown();`;
    const out = execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    // Tracing registered its provider through core's API: the API core hands out serves it.
    assert.deepEqual(JSON.parse(out.split('\n')[0]!), { recording: true });
  });
});
