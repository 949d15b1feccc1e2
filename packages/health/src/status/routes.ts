import type { RouteRegistry } from '@otelkit/core';
import type * as Page from './page';
import type { StatusService } from './status-service';

/** Path of the JSON the status page polls. */
export const STATUS_JSON_PATH = '/health/status.json';

let page: { readonly bytes: Buffer; readonly csp: string } | undefined;

/** The status page, loaded on its first request: its HTML, CSS and script are not start-up work. */
function statusPage(): { readonly bytes: Buffer; readonly csp: string } {
  if (page === undefined) {
    const m = require('./page') as typeof Page;
    page = { bytes: Buffer.from(m.STATUS_PAGE_HTML, 'utf8'), csp: m.STATUS_PAGE_CSP };
  }
  return page;
}

/** Mounts the status page on `/` and its data on `/health/status.json`, both behind the server's auth. */
export function mountStatusRoutes(server: RouteRegistry, status: StatusService): void {
  server.route('/', (request, response) => {
    response.statusCode = 200;
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.setHeader('Content-Security-Policy', statusPage().csp);
    response.setHeader('Content-Length', statusPage().bytes.length);
    response.end(request.method === 'HEAD' ? undefined : statusPage().bytes);
  });
  server.route(STATUS_JSON_PATH, async (request, response) => {
    const body = JSON.stringify(await status.model());
    response.statusCode = 200;
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Content-Length', Buffer.byteLength(body));
    response.end(request.method === 'HEAD' ? undefined : body);
  });
}
