#!/usr/bin/env node
// Runs every test file with node's own test runner. Test files are TypeScript, loaded through tsx;
// in-process imports of @otelkit/* resolve to src/ through the "otelkit-source" export condition,
// while child processes started by tests use the built dist/ output, as users do.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
// `--unit` selects the packages' own tests (packages/*/test); other arguments are path substrings.
const filters = [
  ...args.filter((a) => !a.startsWith('--')),
  ...(args.includes('--unit') ? ['packages/'] : []),
];

function walk(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    if (name === 'node_modules' || name === 'dist' || name === 'bench') continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (/\.test\.(ts|mts|cts)$/.test(name)) out.push(full);
  }
  return out;
}

const files = [];
for (const pkg of readdirSync(join(root, 'packages'))) walk(join(root, 'packages', pkg, 'test'), files);
walk(join(root, 'test'), files);
const selected = files
  .map((f) => relative(root, f))
  .filter((f) => filters.length === 0 || filters.some((p) => f.includes(p)))
  .sort();

if (selected.length === 0) {
  console.error('no test files matched');
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
    '--test-concurrency=2',
    '--test-timeout=180000',
    ...selected,
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, OTELKIT_TEST: '1' } },
);
process.exit(result.status ?? 1);
