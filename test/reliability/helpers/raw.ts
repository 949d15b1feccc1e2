import { connect } from 'node:net';

/** What a raw exchange saw: the bytes back, and how long until the server closed (ms). */
export interface RawReply {
  readonly text: string;
  readonly ms: number;
}

/**
 * Writes `payload` on a raw TCP connection (optionally `drip` bytes later, one by one every `dripMs`)
 * and collects everything until the server closes it, or until `maxMs`.
 */
export function rawExchange(
  port: number,
  payload: string,
  options: { drip?: string; dripMs?: number; maxMs?: number } = {},
): Promise<RawReply> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let text = '';
    let timer: NodeJS.Timeout | undefined;
    const done = () => {
      clearInterval(timer);
      clearTimeout(cap);
      socket.destroy();
      resolve({ text, ms: performance.now() - started });
    };
    const cap = setTimeout(done, options.maxMs ?? 10_000);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.write(payload);
    const drip = options.drip;
    if (drip !== undefined) {
      let i = 0;
      timer = setInterval(() => {
        if (!socket.writable) return;
        socket.write(drip[i % drip.length]!);
        i++;
      }, options.dripMs ?? 100);
    }
  });
}

/** The status code of a raw HTTP response, or 0 when there is none. */
export function statusOf(raw: string): number {
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(raw);
  return match === null ? 0 : Number(match[1]);
}
