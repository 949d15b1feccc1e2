import { Server as HttpServer } from 'node:http';
import net from 'node:net';

/** Called once for every server the app starts listening after the hook is installed. */
export type OnListening = (server: net.Server) => void;

/**
 * Observes the app's servers without changing them: wraps `net.Server.prototype.listen` (which
 * `http`, `https`, express and friends all end up calling) to add a `listening` listener. Servers that
 * were listening before (otelkit's own observability server) are not seen. Returns an uninstaller.
 */
export function onServerListening(callback: OnListening): () => void {
  const original = net.Server.prototype.listen;
  const seen = new WeakSet<net.Server>();
  const patched = function (this: net.Server, ...args: unknown[]) {
    if (!seen.has(this)) {
      seen.add(this);
      this.once('listening', () => {
        try {
          callback(this);
        } catch {}
      });
    }
    return (original as (...a: unknown[]) => net.Server).apply(this, args);
  };
  net.Server.prototype.listen = patched as typeof original;
  return () => {
    if (net.Server.prototype.listen === patched) net.Server.prototype.listen = original;
  };
}

/** True for the HTTP(S) servers the graceful shutdown can drain. */
export function isHttpServer(server: net.Server): server is HttpServer {
  return (
    server instanceof HttpServer ||
    typeof (server as { closeIdleConnections?: unknown }).closeIdleConnections === 'function'
  );
}
