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

/** `file:a-b` entries for Stryker, one per range of `list` (`'1-5,9-12'`). */
function ranges(file, list) {
  return list.split(',').map((range) => `${file}:${range}`);
}

/** The modules where a bug costs users most, each with the source files mutated and the tests run. */
const MODULES = [
  {
    // Two modules (`redaction` runs both): the string scanner with its own fast unit test; the secret
    // key names, the value walker and query masking with the tracing tests (which load the span
    // pipeline and the logger, and test the key names).
    name: 'redaction-core',
    mutate: ['packages/core/src/redact/redact-string.ts'],
    tests: [
      'packages/core/test/redact/redact-string.test.ts',
      'packages/core/test/redact/redact-string-patterns.test.ts',
    ],
  },
  {
    name: 'redaction-tracing',
    mutate: [
      'packages/core/src/redact/secret-key.ts',
      'packages/tracing/src/redact/redact.ts',
      'packages/tracing/src/redact/query.ts',
    ],
    tests: [
      'packages/tracing/test/redact/redact.test.ts',
      'packages/tracing/test/redact/redact-value.test.ts',
      'packages/tracing/test/redact/query.test.ts',
    ],
  },
  {
    name: 'metric-engine',
    // otelkit's in-process instruments: series, sums, gauges, histograms, their collection per reader
    // (cumulative and delta), the bound SDK instruments and the invalid-value check.
    mutate: [
      'packages/core/src/meter/local-instrument.ts',
      'packages/core/src/meter/local-sum.ts',
      'packages/core/src/meter/local-gauge.ts',
      'packages/core/src/meter/local-histogram.ts',
      'packages/core/src/meter/local-registry.ts',
      'packages/core/src/meter/values.ts',
      'packages/core/src/meter/bound.ts',
      'packages/core/src/export/local-producer.ts',
    ],
    tests: [
      'packages/core/test/meter/local-instruments.test.ts',
      'packages/core/test/meter/guarded-meter.test.ts',
      'packages/core/test/meter/values.test.ts',
      // The attribute rewrite of a view (local-instrument.ts RewrittenSeriesSet).
      'packages/core/test/meter/views.test.ts',
    ],
  },
  {
    name: 'cardinality-guard',
    // Everything that decides (admit, miss, the value checks of find, slow, sanitize, canonicalKey), not
    // the fast path's memory, a pure performance cache in front of miss(), which decides the same without
    // it: the payload cached on a trie node (71, 79-82), the trie walk and its nodes (101, 132-140,
    // 184-226, and remembering an order: 118) and the cap on remembered property orders (113).
    mutate: ranges('packages/core/src/meter/guard.ts', '1-70,72-78,83-100,102-112,114-117,119-131,141-183'),
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
    name: 'probes-shutdown',
    // What the probes answer: readiness from the lifecycle and the start-up checks, the overall status,
    // check runs (cache, single flight, timeout), the threshold comparisons; and the shutdown sequence.
    // Not the option validation around them, nor health/src/status (being restructured elsewhere).
    mutate: [
      'packages/health/src/health.ts:67-127',
      'packages/health/src/check/outcome.ts:19-65',
      'packages/health/src/check/registry.ts:61-96',
      'packages/health/src/check/registered-check.ts:45-113',
      'packages/health/src/report/report.ts',
      'packages/health/src/checks/thresholds.ts:3-15',
      'packages/health/src/lifecycle/lifecycle.ts',
      'packages/health/src/lifecycle/shutdown.ts:32-73',
      'packages/health/src/lifecycle/drain.ts',
    ],
    tests: [
      // probes.test.ts, not the HTTP routes test: one telemetry for all, not one per test (6 s a run).
      'packages/health/test/probes.test.ts',
      'packages/health/test/check/outcome.test.ts',
      'packages/health/test/check/registered-check.test.ts',
      'packages/health/test/check/status.test.ts',
      'packages/health/test/lifecycle/shutdown.test.ts',
      'packages/health/test/lifecycle/drain.test.ts',
    ],
  },
  {
    name: 'config-resolution',
    // Options over variables over the preset over defaults (the one resolver), the parsers and kinds
    // that validate each value, the OTLP per-signal variables, the cross-setting checks of
    // resolveConfig and the computed defaults of core's settings. Not the doc text of the declarations
    // (`doc`, `defaultDoc`, docValue), nor the settings' names and variables themselves (their table
    // is generated and drift-tested).
    mutate: [
      'packages/core/src/config/resolve.ts:45-112',
      'packages/core/src/config/parse.ts',
      'packages/core/src/settings/resolve-section.ts',
      'packages/core/src/settings/env.ts',
      'packages/core/src/settings/kinds.ts',
      ...ranges('packages/core/src/settings/otlp.ts', '12-45,70-90,93-100,102-109,111-117,121-124'),
      ...ranges('packages/core/src/settings/define.ts', '38-47,50-60,62-73'),
      ...ranges('packages/core/src/config/settings.ts', '23-40,75-83,92-92,100-100,109-109,118-118,149-149'),
    ],
    tests: [
      'packages/core/test/config/parse.test.ts',
      'packages/core/test/config/resolve.test.ts',
      'packages/core/test/config/settings.test.ts',
    ],
  },
  {
    name: 'sampling-propagation',
    // The sampler presets, the run-time ratio, the propagators and the correlation ID in baggage.
    mutate: [
      'packages/tracing/src/sampler.ts',
      'packages/tracing/src/reloadable-sampler.ts:14-39', // not the settings-file check (reloadTarget)
      'packages/tracing/src/propagators.ts',
      'packages/tracing/src/correlation/context.ts',
      'packages/tracing/src/correlation/id.ts',
    ],
    tests: ['packages/tracing/test/correlation/correlation.test.ts'],
  },
  {
    name: 'otlp-encoder',
    // otelkit's OTLP/protobuf writer and its span and log record messages: the tests compare every byte
    // with the upstream serializers' for generated spans and records, and decode with protobufjs.
    mutate: [
      'packages/tracing/src/export/otlp-proto/proto-writer.ts',
      'packages/tracing/src/export/otlp-proto/common.ts',
      'packages/tracing/src/export/otlp-proto/trace-request.ts',
      'packages/tracing/src/export/otlp-proto/logs-request.ts',
    ],
    tests: [
      'packages/tracing/test/export/otlp-proto.test.ts',
      'packages/tracing/test/export/otlp-proto-logs.test.ts',
    ],
  },
  {
    name: 'alert-slo-generators',
    // The operation alerts (thresholds, expressions, annotations) and the SLO burn-rate rules. Not the
    // `fixture` functions (the series of the generated promtool tests): promtool runs those tests in the
    // scenario tests, 4-15 s per file, too slow to run per mutant. The platform and telemetry alerts
    // likewise without their fixtures.
    mutate: [
      'packages/cli/src/generate/alert-rules.ts',
      ...ranges(
        'packages/cli/src/generate/alerts-operations.ts',
        '14-37,63-73,82-93,115-126,142-156,167-178',
      ),
      ...ranges(
        'packages/cli/src/generate/alerts-platform.ts',
        '15-38,44-55,64-75,84-94,103-117,126-141,162-173,188-198,207-218,227-229',
      ),
      'packages/cli/src/generate/slo/burn-rates.ts',
      'packages/cli/src/generate/slo/rules.ts',
      'packages/cli/src/generate/slo/sli.ts',
    ],
    tests: [
      'packages/cli/test/generate/alert-rules.test.ts',
      'packages/cli/test/generate/alerts-operations.test.ts',
      'packages/cli/test/generate/alerts-platform.test.ts',
      'packages/cli/test/generate/slo-rules.test.ts',
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
    // mutant, as most of it is starting node and tsx. The node running this script (the repo's Node 24),
    // not the first `node` on PATH: outside npm scripts that is the system's older one.
    commandRunner: {
      command: `"${process.execPath}" --conditions=otelkit-source --import tsx --test --test-isolation=none --test-reporter=dot ${module.tests.join(' ')}`,
    },
    coverageAnalysis: 'off',
    inPlace: true,
    // tsx does not type-check: no need for Stryker to add `// @ts-nocheck` to every file of the tree.
    disableTypeChecks: false,
    // One mutant at a time: the machine is shared.
    concurrency: 1,
    // Added to the mutant's expected time (1.5 times the initial run's): a mutant that loops forever
    // costs this much; 5 s leaves room for a busy machine.
    timeoutMS: 5_000,
    reporters: ['html', 'json', 'progress'],
    htmlReporter: { fileName: `${reportBase}.html` },
    jsonReporter: { fileName: `${reportBase}.json` },
    // One temporary directory (and backup of the files mutated in place) per module.
    tempDirName: `.mutation/tmp-${module.name}`,
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
