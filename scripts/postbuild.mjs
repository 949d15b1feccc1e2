#!/usr/bin/env node
// After `tsc --build`: make the workspace packages' bin files executable (tsc writes them 0644), so the
// `otelkit` command linked by `npm install` runs in a fresh clone.
import { chmodSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
for (const dir of readdirSync(join(root, 'packages'))) {
  const manifest = join(root, 'packages', dir, 'package.json');
  if (!existsSync(manifest)) continue;
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8'));
  for (const file of typeof bin === 'string' ? [bin] : Object.values(bin ?? {})) {
    const path = join(root, 'packages', dir, file);
    if (existsSync(path)) chmodSync(path, 0o755);
  }
}
