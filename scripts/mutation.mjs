#!/usr/bin/env node
// Mutation testing with StrykerJS: plants small bugs (mutants) in a module's source, one at a time, runs
// the module's tests against each, and prints the mutation score per module (killed / valid mutants).
//
//   npm run test:mutation                  every module below
//   node scripts/mutation.mjs redaction    only modules whose name contains "redaction"
//
// Stryker's command runner runs node's test runner through tsx (as scripts/test.mjs does) once per
// mutant; the mutants live in the real source files for the run (`inPlace`, so imports by package name
// see them too) and Stryker puts the files back at the end. Reports: .mutation/<module>.{html,json}.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, '.mutation');

/** The modules where a bug costs users most, each with the source files mutated and the tests run. */
const MODULES = [
  {
    name: 'redaction',
    mutate: [
      'packages/core/src/redact/redact-string.ts',
      'packages/core/src/redact/secret-key.ts',
      'packages/tracing/src/redact/redact.ts',
      'packages/tracing/src/redact/query.ts',
    ],
    tests: [
      'packages/core/test/redact/redact-string.test.ts',
      'packages/tracing/test/redact/redact.test.ts',
      'packages/tracing/test/redact/query.test.ts',
    ],
  },
  {
    name: 'cardinality-guard',
    mutate: ['packages/core/src/meter/guard.ts'],
    tests: [
      'packages/core/test/meter/guard.test.ts',
      'packages/core/test/meter/guarded-meter.test.ts',
      'packages/core/test/meter/local-instruments.test.ts',
    ],
  },
  {
    name: 'breaker-state',
    // The state machine: the state getter, execute and the operator transitions, and everything from
    // refresh() to transition() (not the constructor, reconfiguration, events, snapshot or metrics).
    mutate: [
      'packages/circuit-breaker/src/breaker.ts:110-157',
      'packages/circuit-breaker/src/breaker.ts:210-357',
      'packages/circuit-breaker/src/state.ts',
    ],
    tests: [
      'packages/circuit-breaker/test/breaker.test.ts',
      'packages/circuit-breaker/test/state-machine.test.ts',
      'packages/circuit-breaker/test/tracing.test.ts',
    ],
  },
  {
    name: 'prometheus-serialisation',
    mutate: ['packages/core/src/prometheus/serializer.ts', 'packages/core/src/prometheus/points.ts'],
    tests: [
      'packages/core/test/prometheus/serializer.test.ts',
      'packages/core/test/prometheus/serializer-edges.test.ts',
    ],
  },
];

const filters = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const selected = MODULES.filter((m) => filters.length === 0 || filters.some((f) => m.name.includes(f)));
if (selected.length === 0) {
  console.error(`no module matched; modules: ${MODULES.map((m) => m.name).join(', ')}`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });

/** Mutation score as Stryker computes it: detected (killed, timed out) over valid mutants. */
function summarise(report) {
  const counts = {};
  const survivors = [];
  for (const [file, { mutants }] of Object.entries(report.files)) {
    for (const m of mutants) {
      counts[m.status] = (counts[m.status] ?? 0) + 1;
      if (m.status === 'Survived' || m.status === 'NoCoverage') {
        survivors.push(`${file}:${m.location.start.line} ${m.mutatorName}: ${m.replacement ?? ''}`.trim());
      }
    }
  }
  const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
  const valid = detected + (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
  return { counts, survivors, score: valid === 0 ? 100 : (100 * detected) / valid };
}

const results = [];
let status = 0;
for (const module of selected) {
  const reportBase = join(out, module.name);
  const config = {
    $schema: '../node_modules/@stryker-mutator/core/schema/stryker-schema.json',
    mutate: module.mutate,
    testRunner: 'command',
    // The module's test files in one process (`--test-isolation=none`): about a third of the time per
    // mutant, as most of it is starting node and tsx.
    commandRunner: {
      command: `node --conditions=otelkit-source --import tsx --test --test-isolation=none --test-reporter=dot ${module.tests.join(' ')}`,
    },
    coverageAnalysis: 'off',
    inPlace: true,
    // tsx does not type-check: no need for Stryker to add `// @ts-nocheck` to every file of the tree.
    disableTypeChecks: false,
    // One mutant at a time: the machine is shared.
    concurrency: 1,
    timeoutMS: 10_000,
    reporters: ['html', 'json', 'progress'],
    htmlReporter: { fileName: `${reportBase}.html` },
    jsonReporter: { fileName: `${reportBase}.json` },
    tempDirName: '.mutation/tmp',
    cleanTempDir: 'always',
  };
  const configFile = join(out, `${module.name}.stryker.json`);
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    [join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js'), 'run', configFile],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, OTELKIT_TEST: '1' },
    },
  );
  const seconds = Math.round((Date.now() - started) / 1000);
  if (run.status !== 0) {
    console.error(`mutation: stryker failed for ${module.name} (exit ${run.status})`);
    status = 1;
    continue;
  }
  const summary = summarise(JSON.parse(readFileSync(`${reportBase}.json`, 'utf8')));
  results.push({ module: module.name, seconds, ...summary });
}

console.log('\nmutation score per module');
for (const r of results) {
  const c = r.counts;
  console.log(
    `  ${r.module}: ${r.score.toFixed(1)}% (killed ${c.Killed ?? 0}, timeout ${c.Timeout ?? 0}, survived ${c.Survived ?? 0}, no coverage ${c.NoCoverage ?? 0}, ignored ${c.Ignored ?? 0}; ${r.seconds} s)`,
  );
  for (const s of r.survivors) console.log(`    survived: ${s}`);
}
process.exit(status);
