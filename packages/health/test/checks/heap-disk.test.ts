import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { describe, it } from 'node:test';
import { diskSpaceCheck, heapCheck } from '../../src';
import type { CheckResult } from '../../src/check/types';

describe('heapCheck', () => {
  it('reports heap use in percent of the limit and applies the thresholds', async () => {
    const ok = (await heapCheck()()) as CheckResult;
    assert.equal(ok.status, 'pass');
    assert.equal(ok.observedUnit, 'percent');
    assert.ok((ok.observedValue as number) > 0 && (ok.observedValue as number) < 100);
    assert.equal(((await heapCheck({ warnRatio: 0, failRatio: 1 })()) as CheckResult).status, 'warn');
    const full = (await heapCheck({ warnRatio: 0, failRatio: 0 })()) as CheckResult;
    assert.equal(full.status, 'fail');
    assert.match(full.output ?? '', /heap .* % used \(\d+ of \d+ MiB\)/);
  });
});

describe('diskSpaceCheck', () => {
  it('passes with free space above the thresholds and reports free bytes', async () => {
    const result = (await diskSpaceCheck({ path: tmpdir(), failBytes: 1 })()) as CheckResult;
    assert.equal(result.status, 'pass');
    assert.equal(result.observedUnit, 'bytes');
    assert.ok((result.observedValue as number) > 1);
  });

  it('fails or warns when free space is below the byte or ratio thresholds', async () => {
    const fail = (await diskSpaceCheck({
      path: tmpdir(),
      failBytes: Number.MAX_SAFE_INTEGER,
    })()) as CheckResult;
    assert.equal(fail.status, 'fail');
    assert.match(fail.output ?? '', /MiB \(.* %\) free on /);
    const warn = (await diskSpaceCheck({ path: tmpdir(), warnRatio: 1, failRatio: 0 })()) as CheckResult;
    assert.equal(warn.status, 'warn');
  });

  it('fails, not warns, when free space is below both the warn and the fail threshold', async () => {
    const bytes = (await diskSpaceCheck({
      path: tmpdir(),
      warnBytes: Number.MAX_SAFE_INTEGER,
      failBytes: Number.MAX_SAFE_INTEGER - 1,
    })()) as CheckResult;
    assert.equal(bytes.status, 'fail');
    const ratio = (await diskSpaceCheck({
      path: tmpdir(),
      warnRatio: 1,
      failRatio: 0.999999,
    })()) as CheckResult;
    assert.equal(ratio.status, 'fail');
  });

  it('rejects (so the check fails) for a path that does not exist, and refuses a missing path option', async () => {
    await assert.rejects(Promise.resolve(diskSpaceCheck({ path: '/no/such/dir' })()), /ENOENT/);
    assert.throws(() => diskSpaceCheck({ path: '' }), /OTELKIT_ERR_INVALID_CONFIG/);
  });
});
