#!/usr/bin/env node
// Runs every benchmark in test/bench one after another (never in parallel: they measure time).
// `npm run bench` runs them in full; `npm run bench -- --smoke` runs each briefly (CI proves they run).
// A name filter narrows the set: `npm run bench -- record`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const filters = args.filter((a) => !a.startsWith('--'));
const benches = readdirSync(join(root, 'test/bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((p) => f.includes(p)))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file}${smoke ? ' (smoke)' : ''}`);
  const r = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join('test/bench', file), ...(smoke ? ['--smoke'] : [])],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) {
    failed++;
    console.error(`${file} exited with ${r.status}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
