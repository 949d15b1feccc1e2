/**
 * `@otelkit/<pkg>/internal` (what the otelkit packages share beyond their public index) as an app or a
 * sibling package meets it once built: the very module of `@otelkit/<pkg>` (one running telemetry, one
 * class for `instanceof`, one symbol), not a second copy of the sources (scripts/bundle.mjs).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
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
      sameValues: Object.keys(main).filter((k) => k !== '__internal' && internal[k] === main[k]),
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
      const publicValues = report.publicKeys.filter((k) => k !== '__internal');
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
});
