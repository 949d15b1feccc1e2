import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** A self-signed certificate and its key, as PEM files. */
export interface KeyPair {
  readonly certFile: string;
  readonly keyFile: string;
}

/**
 * Writes a self-signed P-256 certificate for `localhost` and 127.0.0.1 (valid one day) and its key into
 * `dir`, as `<name>.crt` and `<name>.key`, with the real `openssl`.
 */
export function selfSigned(dir: string, name: string): KeyPair {
  const certFile = join(dir, `${name}.crt`);
  const keyFile = join(dir, `${name}.key`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
    ].concat(
      ['-subj', `/CN=${name}`, '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'],
      ['-keyout', keyFile, '-out', certFile],
    ),
    { stdio: 'ignore' },
  );
  return { certFile, keyFile };
}
