#!/usr/bin/env node
// Start-up cost: the second half of `npm run build`, after `tsc --build`.
//
// Node's module loader costs about half a millisecond per file, and the preload would otherwise load
// ~360 of them (otelkit's own modules and the OpenTelemetry SDK's, which ship one file per class). Each
// package's runtime entry is therefore rewritten as one file: tsc's `dist/index.js` is replaced by an
// esbuild bundle of the package's sources with the SDK packages it owns inlined (tree-shaken from their
// ESM builds). Declarations, the other `dist/*.js` files and the tests are untouched.
//
// `@opentelemetry/api` is a peer dependency: otelkit must use the API version the app has installed (an
// older copy registering the globals would hand a newer app no-op tracers and meters). Its 51 files cost
// 5-10 MB of memory when loaded one by one, so each bundle carries the pinned API and uses it only when the
// installed `@opentelemetry/api` is that very version (copies of one API version share the global
// registry by design: that is how two undeduplicated copies work); any other installed version is
// `require()`d as usual. Only `@otelkit/core` and `@otelkit/circuit-breaker` (which depends on no other
// otelkit package) carry the API; the packages built on core take core's choice (its `__api` namespace),
// so that the preload parses the API once, not once per package.
//
// What stays a plain `require()` (external), so that it is shared with the app or loaded only when used:
// - the other `@otelkit/*` packages: an app that imports `@otelkit/core` next to the preload gets the
//   very module the preload runs (one monitor registry, one active telemetry);
// - everything not in INLINED below: instrumentations and their module hooks, the OTLP exporters (loaded
//   at the first export), pino, yaml.
//
// A package with an internal subpath (`src/internal.ts`, `@otelkit/core/internal`: what the sibling
// packages share beyond the public index) must hand out the very module instances of its main entry (the
// running telemetry, classes for `instanceof`, symbols), so it is not a second bundle: the bundle of
// `src/index.ts` also carries the internal namespace as `__internal`, and `dist/internal.js` is a shim
// that returns it (the bundles of the sibling packages read the namespace from the main module directly).
// Its declarations stay tsc's `dist/internal.d.ts`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;

/** The SDK packages the preload loads at start-up: private to otelkit, so inlined. */
const INLINED = new Set([
  '@opentelemetry/context-async-hooks',
  '@opentelemetry/core',
  '@opentelemetry/exporter-prometheus',
  '@opentelemetry/resources',
  '@opentelemetry/sdk-logs',
  '@opentelemetry/sdk-metrics',
  '@opentelemetry/sdk-trace',
  '@opentelemetry/semantic-conventions',
]);

/** The namespace of the main bundle that carries a package's internal subpath. */
const INTERNAL = '__internal';

/** Entry points bundled, per package: source file and the dist file it replaces. */
const ENTRIES = [
  ['core', 'src/index.ts', 'dist/index.js'],
  ['circuit-breaker', 'src/index.ts', 'dist/index.js'],
  ['tracing', 'src/index.ts', 'dist/index.js'],
  ['health', 'src/index.ts', 'dist/index.js'],
  ['register', 'src/index.ts', 'dist/index.js'],
];

/** The package name of a bare specifier (`@scope/name/sub` -> `@scope/name`), or undefined for a path. */
function packageOf(specifier) {
  // Relative paths, built-ins and a package's own `#imports` (the SDK's `#platform`) are not packages.
  if (/^[./#]|^node:/.test(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const API = '@opentelemetry/api';
const apiVersion = JSON.parse(readFileSync(join(root, 'node_modules', API, 'package.json'), 'utf8')).version;
const apiEntry = join(root, 'node_modules', API, 'dist', 'index.mjs');

/** The API's named exports (`context`, `trace`, `SpanKind`, …), read from the pinned copy. */
const apiNames = Object.keys(createRequire(join(root, 'package.json'))(API)).filter(
  (name) => name !== 'default' && /^[A-Za-z_$][\w$]*$/.test(name),
);

/**
 * The module bundles get for `@opentelemetry/api`: the pinned copy when installed is that version.
 * An ES module whose named exports are read once from the chosen copy, so that `context.active()` in the
 * bundle is a plain variable read: a CommonJS shim is wrapped by esbuild's interop in two layers of
 * getters, paid on every `context`, `trace` and `propagation` access (about 0.5 µs per traced request).
 */
const apiShim = `import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
/** The version of the @opentelemetry/api this package resolves to, read from its package.json. */
function installedVersion() {
  let dir;
  try {
    dir = dirname(require.resolve('${API}'));
  } catch {
    return undefined;
  }
  for (let up = 0; up < 4; up++, dir = dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (manifest.name === '${API}') return manifest.version;
    } catch {}
  }
  return undefined;
}
const installed = installedVersion();
const api = installed === undefined || installed === '${apiVersion}' ? require(${JSON.stringify(apiEntry)}) : require('${API}');
${apiNames.map((name) => `export const ${name} = api.${name};`).join('\n')}
`;

/** Where the packages built on core take the API from: core's bundle, which carries it as `__api`. */
const API_HOST = '@otelkit/core';
const API_NAMESPACE = '__api';

/** The API shim of a package that depends on core: core's chosen API, read once. */
const sharedApiShim = `const api = require('${API_HOST}').${API_NAMESPACE};
${apiNames.map((name) => `export const ${name} = api.${name};`).join('\n')}
`;

/** Whether the package in `pkgDir` depends on core (and so takes the API from it). */
function buildsOnCore(pkgDir) {
  const { name, dependencies = {} } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  return name !== API_HOST && API_HOST in dependencies;
}

/**
 * The otelkit packages the others import at load time, and their internal subpaths (the circuit breaker
 * is `require()`d on first use, and stays a plain external `require`).
 */
const SIBLING = /^@otelkit\/(core|tracing|health)(\/internal)?$/;

/** The named-export shim of a sibling package (built before its dependents: see ENTRIES). */
function siblingShim(specifier) {
  const [, dir, internal] = SIBLING.exec(specifier);
  const main = `@otelkit/${dir}`;
  const bundle = join(root, 'packages', dir, 'dist', 'index.js');
  const loaded = createRequire(bundle)(bundle);
  const exports = internal === undefined ? loaded : loaded[INTERNAL];
  if (exports === undefined) throw new Error(`${specifier}: ${bundle} has no ${INTERNAL} namespace`);
  const names = Object.keys(exports).filter(
    (name) => !name.startsWith('__') && /^[A-Za-z_$][\w$]*$/.test(name),
  );
  const source = internal === undefined ? `require('${main}')` : `require('${main}').${INTERNAL}`;
  // Each read is marked pure, so esbuild leaves out the names this bundle does not use.
  return `const m = ${source};\nfunction read(name) { return m[name]; }\n${names
    .map((name) => `export const ${name} = /* @__PURE__ */ read('${name}');`)
    .join('\n')}\n`;
}

/**
 * Keeps every bare import external except the INLINED packages; routes the API through the shim (core's
 * copy for a package built on core).
 */
const externals = (sharedApi) => ({
  name: 'otelkit-externals',
  setup(b) {
    b.onResolve({ filter: /^@opentelemetry\/api$/ }, (args) =>
      args.namespace === 'api-shim'
        ? { path: args.path, external: true }
        : { path: API, namespace: 'api-shim' },
    );
    b.onLoad({ filter: /.*/, namespace: 'api-shim' }, () => ({
      contents: sharedApi ? sharedApiShim : apiShim,
      loader: 'js',
      resolveDir: root,
    }));
    // A sibling otelkit package (or its internal subpath, taken from its main module as dist/internal.js
    // would: the same instance, without one more file for the preload to load) is read through a shim of
    // named exports, bound once when the bundle loads: esbuild's CommonJS interop would otherwise copy
    // every export into getters per importing module (start-up work) and read each through two getters.
    b.onResolve({ filter: SIBLING }, (args) =>
      args.namespace === 'otelkit-sibling' || args.namespace === 'api-shim'
        ? { path: args.path, external: true }
        : { path: args.path, namespace: 'otelkit-sibling' },
    );
    b.onLoad({ filter: /.*/, namespace: 'otelkit-sibling' }, (args) => ({
      contents: siblingShim(args.path),
      loader: 'js',
      resolveDir: root,
    }));
    b.onResolve({ filter: /.*/ }, (args) => {
      const pkg = packageOf(args.path);
      if (pkg === undefined || INLINED.has(pkg)) return undefined;
      return { path: args.path, external: true };
    });
  },
});

for (const [dir, entry, out] of ENTRIES) {
  const pkgDir = join(root, 'packages', dir);
  const { name } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const internal = join(pkgDir, 'src', 'internal.ts');
  const withInternal = entry === 'src/index.ts' && existsSync(internal);
  await build({
    ...(withInternal
      ? {
          stdin: {
            contents:
              `export * from './${entry}';\nexport * as ${INTERNAL} from './src/internal.ts';\n` +
              (name === API_HOST ? `export * as ${API_NAMESPACE} from '${API}';\n` : ''),
            resolveDir: pkgDir,
            sourcefile: 'bundle-entry.ts',
            loader: 'ts',
          },
        }
      : { entryPoints: [join(pkgDir, entry)] }),
    outfile: join(pkgDir, out),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    // ESM builds of the SDK packages, so that what otelkit does not use is left out.
    mainFields: ['module', 'main'],
    sourcemap: true,
    plugins: [externals(buildsOnCore(pkgDir))],
    logLevel: 'warning',
    banner: { js: `// ${name}: bundled by scripts/bundle.mjs from src/ (see there why).` },
  });
  // V8 keeps a source that has one non-ASCII character (a comment esbuild kept) as UTF-16: twice the
  // memory for the whole file, for as long as the process runs.
  const bytes = readFileSync(join(pkgDir, out));
  const at = bytes.findIndex((byte) => byte > 0x7f);
  if (at >= 0) {
    const line = bytes.subarray(0, at).toString('latin1').split('\n').length;
    throw new Error(`${name}: ${out}:${line} has a non-ASCII character; write it as ASCII in the source`);
  }
  if (withInternal) writeInternalShim(pkgDir, name, out);
}

/**
 * Replaces tsc's `dist/internal.js` (which would load every source module again, as separate files and a
 * second instance) by a shim returning the main bundle's internal namespace. The trailing `0 && ...`
 * lists the names for Node's CommonJS export detection, so that ESM can `import { name }` from it too.
 */
function writeInternalShim(pkgDir, name, out) {
  const bundle = join(pkgDir, out);
  const names = Object.keys(createRequire(bundle)(bundle)[INTERNAL] ?? {});
  if (names.length === 0) throw new Error(`${name}: ${out} has no ${INTERNAL} namespace`);
  writeFileSync(
    join(pkgDir, 'dist', 'internal.js'),
    `"use strict";
// ${name}/internal: the namespace the main bundle carries (scripts/bundle.mjs), so one module instance.
module.exports = require('./${out.replace(/^dist\//, '')}').${INTERNAL};
0 && (module.exports = { ${names.join(', ')} });
`,
  );
}
