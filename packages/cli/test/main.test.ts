import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cli } from './helpers';

describe('runCli', () => {
  for (const command of ['generate-config', 'health', 'metrics', 'check-config']) {
    it(`prints help for ${command} --help and exits 0`, async () => {
      const r = await cli([command, '--help']);
      assert.equal(r.code, 0);
      assert.match(r.out, new RegExp(`^Usage: otelkit ${command}`));
      assert.match(r.out, /-h, --help/);
    });
  }

  it('lists the commands for --help, and exits 2 with the list when no command is given', async () => {
    assert.match(
      (await cli(['--help'])).out,
      /generate-config[\s\S]*health[\s\S]*metrics[\s\S]*check-config/,
    );
    const none = await cli([]);
    assert.equal(none.code, 2);
    assert.match(none.err, /Usage: otelkit <command>/);
  });

  it('rejects an unknown command with exit 2', async () => {
    const r = await cli(['deploy']);
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown command "deploy"/);
  });

  it('rejects an unknown flag with one line and a pointer to --help', async () => {
    const r = await cli(['health', '--uri', 'http://x']);
    assert.equal(r.code, 2);
    const lines = r.err.trim().split('\n');
    assert.match(lines[0]!, /^otelkit health: Unknown option '--uri'/);
    assert.equal(lines[1], 'Run `otelkit health --help` for usage.');
  });

  it('rejects a flag without its value and stray arguments', async () => {
    assert.match(
      (await cli(['generate-config', '--out'])).err,
      /--out <value>' argument missing|needs a value/,
    );
    assert.match((await cli(['check-config', 'extra'])).err, /unexpected argument "extra"/);
  });

  const BAD: readonly [readonly string[], RegExp][] = [
    [['generate-config'], /--out DIR is required/],
    [
      ['generate-config', '--out', '/tmp/x', '--target', 'localhost'],
      /--target="localhost" is invalid: expected HOST:PORT/,
    ],
    [
      ['generate-config', '--out', '/tmp/x', '--rate-window', '5'],
      /--rate-window="5" is invalid: expected a duration/,
    ],
    [['generate-config', '--out', '/tmp/x', '--rate-window', '30s'], /must be at least 1m/],
    [
      ['generate-config', '--out', '/tmp/x', '--failure-ratio-warning', '2'],
      /--failure-ratio-warning="2" is invalid/,
    ],
    [
      ['generate-config', '--out', '/tmp/x', '--heap-warning', '0.9', '--heap-critical', '0.8'],
      /--heap-critical=0.8 is invalid/,
    ],
    [['generate-config', '--out', '/tmp/x', '--namespace', '9ns'], /--namespace="9ns" is invalid/],
    [['generate-config', '--out', '/tmp/x', '--email-to', 'nobody'], /--email-to="nobody" is invalid/],
    [['generate-config', '--out', '/tmp/x', '--consecutive-failures', '2.5'], /expected an integer/],
  ];
  for (const [argv, message] of BAD) {
    it(`exits 2 for ${argv.slice(1).join(' ') || 'no flags'}`, async () => {
      const r = await cli(argv);
      assert.equal(r.code, 2);
      assert.match(r.err, message);
    });
  }
});
