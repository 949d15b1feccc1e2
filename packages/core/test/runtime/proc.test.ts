import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { countOpenFds, readMaxFds, readProcStatusMemory } from '../../src/runtime/proc';

const dir = mkdtempSync(join(tmpdir(), 'otelkit-proc-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const LIMITS = `Limit                     Soft Limit           Hard Limit           Units
Max cpu time              unlimited            unlimited            seconds
Max open files            1024                 1048576              files
Max locked memory         8388608              8388608              bytes
`;

describe('readMaxFds', () => {
  it('returns the soft limit of the "Max open files" line', () => {
    assert.equal(readMaxFds(file('limits', LIMITS)), 1024);
  });

  it('returns undefined when the soft limit is unlimited', () => {
    assert.equal(readMaxFds(file('limits-unlimited', LIMITS.replace('1024   ', 'unlimited'))), undefined);
  });

  it('throws when the file is missing or has no such line', () => {
    assert.throws(() => readMaxFds(join(dir, 'missing')), /ENOENT/);
    assert.throws(() => readMaxFds(file('limits-empty', 'Limit Soft\n')), /Max open files/);
  });
});

describe('readProcStatusMemory', () => {
  it('parses VmRSS, VmSize and VmData into bytes', () => {
    const status = file(
      'status',
      'Name:\tnode\nVmPeak:\t 9000 kB\nVmSize:\t  2048 kB\nVmData:\t 512 kB\nVmRSS:\t 100 kB\n',
    );
    assert.deepEqual(readProcStatusMemory(status), {
      residentBytes: 100 * 1024,
      virtualBytes: 2048 * 1024,
      dataBytes: 512 * 1024,
    });
  });

  it('throws when a field is missing', () => {
    assert.throws(() => readProcStatusMemory(file('status-short', 'Name:\tnode\nVmRSS:\t 1 kB\n')), /VmSize/);
  });
});

describe('countOpenFds', () => {
  it('counts directory entries minus the descriptor used to list them', () => {
    const fds = join(dir, 'fd');
    rmSync(fds, { recursive: true, force: true });
    mkdirSync(fds);
    for (const n of ['0', '1', '2', '3']) writeFileSync(join(fds, n), '');
    assert.equal(countOpenFds(fds), 3);
  });

  it('throws when the directory does not exist (no /proc)', () => {
    assert.throws(() => countOpenFds(join(dir, 'no-proc')), /ENOENT/);
  });
});
