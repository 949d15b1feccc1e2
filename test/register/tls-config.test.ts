import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isOtelkitError, resolveConfig } from '@otelkit/core/internal';
import { selfSigned } from '../helpers/tls';
import { spawnApp } from './helpers';

let dir: string;
let certFile: string;
let keyFile: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'otelkit-tls-config-'));
  ({ certFile, keyFile } = selfSigned(dir, 'localhost'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function refusal(env: Record<string, string>): string {
  try {
    resolveConfig({ env });
  } catch (error) {
    assert.ok(isOtelkitError(error));
    assert.equal(error.code, 'OTELKIT_ERR_INVALID_CONFIG');
    return error.message;
  }
  return assert.fail('accepted');
}

describe('TLS files at start-up', () => {
  it('refuses a missing, unreadable or non-PEM file with one line naming the variable and the path', () => {
    const missing = join(dir, 'missing.crt');
    assert.match(
      refusal({ OTELKIT_TLS_CERT_FILE: missing, OTELKIT_TLS_KEY_FILE: keyFile }),
      /OTELKIT_TLS_CERT_FILE=".*missing\.crt" is invalid: expected a readable PEM file \(ENOENT\)/,
    );
    assert.match(
      refusal({ OTELKIT_TLS_CERT_FILE: certFile, OTELKIT_TLS_KEY_FILE: dir }),
      /OTELKIT_TLS_KEY_FILE=".*" is invalid: expected a readable PEM file \(EISDIR\)/,
    );
    const junk = join(dir, 'junk.pem');
    writeFileSync(junk, 'not a pem file\n');
    assert.match(
      refusal({ OTELKIT_TLS_CERT_FILE: junk, OTELKIT_TLS_KEY_FILE: keyFile }),
      /OTELKIT_TLS_CERT_FILE=".*junk\.pem" is invalid: expected a readable PEM file \(not a usable certificate and key/,
    );
    if (process.getuid?.() !== 0) {
      const locked = join(dir, 'locked.key');
      writeFileSync(locked, 'x');
      chmodSync(locked, 0o000);
      assert.match(
        refusal({ OTELKIT_TLS_CERT_FILE: certFile, OTELKIT_TLS_KEY_FILE: locked }),
        /OTELKIT_TLS_KEY_FILE=".*locked\.key" is invalid: expected a readable PEM file \(EACCES\)/,
      );
    }
  });

  it('accepts a readable certificate and key', () => {
    assert.deepEqual(
      resolveConfig({ env: { OTELKIT_TLS_CERT_FILE: certFile, OTELKIT_TLS_KEY_FILE: keyFile } }).config.tls,
      {
        certFile,
        keyFile,
      },
    );
  });

  it('stops the preload before the app runs (exit 1, one line) when a TLS file is missing', async () => {
    const missing = join(dir, 'gone.key');
    const app = spawnApp(['--require', '@otelkit/register', '-e', 'process.stdout.write("app ran\\n")'], {
      OTELKIT_TLS_CERT_FILE: certFile,
      OTELKIT_TLS_KEY_FILE: missing,
      OTEL_LOG_LEVEL: 'info',
    });
    assert.equal(await app.exited, 1);
    assert.equal(app.stdout, '', 'the app never ran');
    const lines = app.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, app.stderr);
    assert.match(
      lines[0]!,
      /^otelkit: OTELKIT_ERR_INVALID_CONFIG: OTELKIT_TLS_KEY_FILE=".*gone\.key" is invalid: expected a readable PEM file \(ENOENT\)$/,
    );
  });
});
