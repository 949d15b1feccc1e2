#!/usr/bin/env node
// Runs the reliability suite (test/reliability) in its long version and fills the results table in
// test/reliability/README.md from test/reliability/results/{long,short}/*.json.
//
//   npm run test:reliability                      every case, long (about 2.5 hours: 10 min per fault mode)
//   node scripts/reliability.mjs faults-demo      only files whose name contains "faults-demo"
//   node scripts/reliability.mjs --short          the short versions (what `npm test` runs), one file at a time
//   node scripts/reliability.mjs --table          only rebuild the README table from the recorded results
//   OTELKIT_RELIABILITY_SECONDS=120 node scripts/reliability.mjs   long cases, 120 s per phase
//
// Files run one at a time (they measure latency), without the runner's per-test timeout.
// Children use the packages' dist/ output: build first (`npm run build`).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const suite = join(root, 'test/reliability');
const args = process.argv.slice(2);
const short = args.includes('--short');
const tableOnly = args.includes('--table');
const filters = args.filter((a) => !a.startsWith('--'));

let status = 0;
if (!tableOnly) {
  const files = readdirSync(suite)
    .filter((f) => f.endsWith('.test.ts'))
    .filter((f) => filters.length === 0 || filters.some((p) => f.includes(p)))
    .sort()
    .map((f) => join('test/reliability', f));
  if (files.length === 0) {
    console.error('no reliability test files matched');
    process.exit(1);
  }
  const result = spawnSync(
    process.execPath,
    [
      '--conditions=otelkit-source',
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-concurrency=1',
      ...files,
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, OTELKIT_TEST: '1', OTELKIT_RELIABILITY: short ? 'short' : 'long' },
    },
  );
  status = result.status ?? 1;
}

writeTable();
process.exit(status);

function readResults(run) {
  const dir = join(suite, 'results', run);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
}

function cell(value, suffix = '') {
  return value === undefined || value === null ? '—' : `${value}${suffix}`;
}

function writeTable() {
  const byId = new Map();
  for (const r of readResults('short')) byId.set(r.id, r);
  for (const r of readResults('long')) byId.set(r.id, r); // a long result wins over a short one
  const rows = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  const lines = [
    '| case | run | what was tried | duration | load | worst p99 change | RSS before → after (max) | drops counted | data lost | what held |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) =>
      [
        `\`${r.id}\``,
        `${r.run}, ${r.date.slice(0, 10)}`,
        r.what,
        cell(r.durationS, ' s'),
        r.load,
        r.worstP99ChangePct === undefined
          ? '—'
          : `${r.worstP99ChangePct > 0 ? '+' : ''}${r.worstP99ChangePct}%`,
        r.rssBeforeMb === undefined ? '—' : `${r.rssBeforeMb} → ${r.rssAfterMb} MiB (${r.rssMaxMb})`,
        cell(r.dropsCounted),
        cell(r.dataLost),
        r.held,
      ]
        .map((c) => String(c).replaceAll('|', '\\|'))
        .join(' | ')
        .replace(/^/, '| ')
        .replace(/$/, ' |'),
    ),
  ];
  const readmePath = join(suite, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const start = '<!-- results:start -->';
  const end = '<!-- results:end -->';
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) {
    console.error(`${readmePath}: no ${start} … ${end} section; table not written`);
    return;
  }
  writeFileSync(
    readmePath,
    `${readme.slice(0, from + start.length)}\n${lines.join('\n')}\n${readme.slice(to)}`,
  );
  console.log(`results table written to test/reliability/README.md (${rows.length} cases)`);
}
