import { promises as fsp, readFileSync } from 'node:fs';
import { otelkitError } from '../error-codes';
import type { ServerTlsOptions } from './options';

/** The contents of the TLS files, ready for `https.createServer`. */
export interface TlsMaterial {
  readonly cert: Buffer;
  readonly key: Buffer;
  readonly ca: Buffer | undefined;
}

async function readTlsFile(option: string, path: string): Promise<Buffer> {
  try {
    return await fsp.readFile(path);
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
    throw otelkitError('TLS_FILE', { setting: option, detail: `cannot read ${path} (${reason})` }, { cause });
  }
}

/** Reads the PEM files named by `tls`; a missing or unreadable file rejects with `OTELKIT_ERR_TLS_FILE`. */
export async function readTlsFiles(tls: ServerTlsOptions): Promise<TlsMaterial> {
  const [cert, key, ca] = await Promise.all([
    readTlsFile('tls.certFile', tls.certFile),
    readTlsFile('tls.keyFile', tls.keyFile),
    tls.caFile === undefined ? undefined : readTlsFile('tls.caFile', tls.caFile),
  ]);
  return { cert, key, ca };
}

/** A TLS file that cannot be used: which one (`certFile`, `keyFile`, `caFile`) and why. */
export interface TlsFileProblem {
  readonly file: 'certFile' | 'keyFile' | 'caFile';
  readonly reason: string;
}

function reasonOf(cause: unknown): string {
  return (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
}

/**
 * Checks at start-up, synchronously, that the TLS files can be read and make a usable certificate and
 * key (so bad configuration stops start-up instead of leaving the app without its server). Returns the
 * first problem, or `undefined`. The files are read again by `listen()`.
 */
export function checkTlsFiles(tls: ServerTlsOptions): TlsFileProblem | undefined {
  const read: Partial<Record<TlsFileProblem['file'], Buffer>> = {};
  for (const file of ['certFile', 'keyFile', 'caFile'] as const) {
    const path = tls[file];
    if (path === undefined) continue;
    try {
      read[file] = readFileSync(path);
    } catch (cause) {
      return { file, reason: reasonOf(cause) };
    }
  }
  try {
    // node:tls is loaded only when TLS is configured
    (require('node:tls') as typeof import('node:tls')).createSecureContext({
      cert: read.certFile,
      key: read.keyFile,
      ca: read.caFile,
    });
  } catch (cause) {
    return { file: 'certFile', reason: `not a usable certificate and key: ${reasonOf(cause)}` };
  }
  return undefined;
}
