import { readFile } from 'node:fs/promises';
import { OtelkitError } from '../errors';
import type { ServerTlsOptions } from './options';

/** The contents of the TLS files, ready for `https.createServer`. */
export interface TlsMaterial {
  readonly cert: Buffer;
  readonly key: Buffer;
  readonly ca: Buffer | undefined;
}

async function readTlsFile(option: string, path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
    throw new OtelkitError(
      'OTELKIT_ERR_TLS_FILE',
      `server option ${option}: cannot read ${path} (${reason})`,
      {
        cause,
      },
    );
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
