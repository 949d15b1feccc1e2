#!/usr/bin/env node
// The `otelkit` command. This file is committed (not built) so that npm links the command when the
// package is installed, even in a fresh clone of the repository where `dist/` is built afterwards.
try {
  require.resolve('../dist/bin.js');
} catch {
  process.stderr.write('otelkit: @otelkit/cli is not built; run `npm run build` in the repository\n');
  process.exit(1);
}
require('../dist/bin.js');
