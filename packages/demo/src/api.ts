import { createServer, type Server } from 'node:http';
import { setHttpRoute } from '@otelkit/tracing';
import type { TargetSystem } from './systems';

/**
 * The demo's small HTTP API, so HTTP server spans and RED metrics have something to show:
 * `GET /items` (count per source), `GET /items/:source` (ids of one source), `GET /healthz` is otelkit's.
 */
export function createApi(target: TargetSystem): Server {
  return createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    if (request.method !== 'GET') {
      response.writeHead(405, { allow: 'GET' }).end();
      return;
    }
    if (path === '/items') {
      setHttpRoute('/items');
      const counts: Record<string, number> = {};
      for (const id of target.items.keys()) {
        const source = id.split('/')[0]!;
        counts[source] = (counts[source] ?? 0) + 1;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(counts));
      return;
    }
    const match = /^\/items\/([a-z0-9-]+)$/.exec(path);
    if (match) {
      setHttpRoute('/items/:source');
      const ids = [...target.items.keys()].filter((id) => id.startsWith(`${match[1]}/`));
      response
        .writeHead(ids.length === 0 ? 404 : 200, { 'content-type': 'application/json' })
        .end(JSON.stringify(ids));
      return;
    }
    response.writeHead(404).end();
  });
}
