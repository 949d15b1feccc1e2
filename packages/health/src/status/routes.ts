import type { RouteRegistry } from '@otelkit/core';
import { STATUS_PAGE_CSP, STATUS_PAGE_HTML } from './page';
import type { StatusService } from './status-service';

/** Path of the JSON the status page polls. */
export const STATUS_JSON_PATH = '/health/status.json';

const PAGE_BYTES = Buffer.from(STATUS_PAGE_HTML, 'utf8');

/** Mounts the status page on `/` and its data on `/health/status.json`, both behind the server's auth. */
export function mountStatusRoutes(server: RouteRegistry, status: StatusService): void {
  server.route('/', (request, response) => {
    response.statusCode = 200;
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.setHeader('Content-Security-Policy', STATUS_PAGE_CSP);
    response.setHeader('Content-Length', PAGE_BYTES.length);
    response.end(request.method === 'HEAD' ? undefined : PAGE_BYTES);
  });
  server.route(STATUS_JSON_PATH, async (request, response) => {
    const body = JSON.stringify(await status.model());
    response.statusCode = 200;
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Content-Length', Buffer.byteLength(body));
    response.end(request.method === 'HEAD' ? undefined : body);
  });
}
