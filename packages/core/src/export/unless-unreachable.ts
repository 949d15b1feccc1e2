import { connect, type Socket } from 'node:net';

/** Connection errors that say nothing listens at the address, as opposed to a slow or busy backend. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** The host and port an `http:`/`https:` URL connects to, or `undefined` for any other URL. */
function address(url: string): { host: string; port: number } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const port = parsed.port === '' ? (parsed.protocol === 'https:' ? 443 : 80) : Number(parsed.port);
  // `[::1]` is a URL's spelling of an IPv6 host; net.connect wants it without the brackets.
  return { host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'), port };
}

/**
 * Settles with `flush`, a final export to `url` at shutdown, or rejects as soon as a TCP connection
 * to `url`'s host and port is refused or its host does not resolve. The OTLP exporters treat a refused
 * connection as retryable and back off for up to their whole timeout, which on the way out only delays
 * exit: nothing listens, so the data cannot leave. The error names the URL's origin (never its
 * userinfo) and the connection error's code. The probe connection closes as soon as it opens, and it
 * never keeps the process alive.
 * @internal
 */
export function unlessUnreachable<T>(flush: Promise<T>, url: string | undefined): Promise<T> {
  const target = url === undefined ? undefined : address(url);
  if (target === undefined) return flush;
  let socket: Socket | undefined;
  const refused = new Promise<never>((_, reject) => {
    socket = connect(target);
    socket.unref();
    socket.once('connect', () => socket?.destroy());
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== undefined && UNREACHABLE.has(error.code)) {
        reject(
          new Error(
            `nothing answers at ${new URL(url as string).origin} (${error.code}); what was not sent is dropped`,
          ),
        );
      }
    });
  });
  return Promise.race([flush, refused]).finally(() => socket?.destroy());
}
