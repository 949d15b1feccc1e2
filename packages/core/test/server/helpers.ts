export type { FetchOptions, Reply } from '../../../../test/helpers/http';
export { basicHeader, fetchText } from '../../../../test/helpers/http';

import { connect } from 'node:net';

/** Writes `payload` on a raw TCP connection and collects everything until the server closes it. */
export function rawExchange(port: number, payload: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') resolve(received);
      else reject(error);
    });
    socket.on('close', () => resolve(received));
    socket.write(payload);
  });
}

/** The status code on the first line of a raw HTTP response, or 0 when there is none. */
export function statusOf(raw: string): number {
  const match = /^HTTP\/1\.1 (\d{3})/.exec(raw);
  return match === null ? 0 : Number(match[1]);
}
