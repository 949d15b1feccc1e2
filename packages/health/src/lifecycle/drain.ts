import type { Server } from 'node:http';

const IDLE_SWEEP_MS = 50;

/**
 * Closes one HTTP server gracefully: stops accepting, closes idle keep-alive connections (again
 * every 50 ms, as in-flight requests finish and their connections turn idle), and resolves `true`
 * once every connection is gone. After `deadlineMs` it cuts the remaining connections and resolves
 * `false`. Resolves `true` at once for a server that is not listening.
 */
export function drainServer(server: Server, deadlineMs: number): Promise<boolean> {
  if (!server.listening) return Promise.resolve(true);
  return new Promise<boolean>((resolve) => {
    let drained = true;
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    const cutOff = setTimeout(() => {
      drained = false;
      server.closeAllConnections();
    }, deadlineMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(cutOff);
      resolve(drained);
    });
    server.closeIdleConnections();
  });
}
