import type { ServerResponse } from 'node:http';
import type { RouteRegistry, RouteRequest } from '@otelkit/core';
import { HEALTH_JSON, type ServiceIdentity, toHealthJson } from './health-json';
import { type HealthReport, httpStatus, type ProbeName } from './report';
import { toVerboseText } from './verbose';

/** The probe paths and what each serves. `auth: false`: the kubelet cannot send credentials. */
export const PROBE_ROUTES: ReadonlyArray<{
  readonly path: string;
  readonly probe: ProbeName;
  readonly auth: boolean;
}> = [
  { path: '/livez', probe: 'livez', auth: false },
  { path: '/readyz', probe: 'readyz', auth: false },
  { path: '/healthz', probe: 'healthz', auth: false },
  { path: '/health', probe: 'healthz', auth: false },
  { path: '/health/live', probe: 'livez', auth: false },
  { path: '/health/ready', probe: 'readyz', auth: false },
  { path: '/health/detailed', probe: 'detailed', auth: true },
];

function send(
  response: ServerResponse,
  request: RouteRequest,
  status: number,
  type: string,
  body: string,
): void {
  response.statusCode = status;
  response.setHeader('Content-Type', type);
  response.setHeader('Content-Length', Buffer.byteLength(body));
  response.end(request.method === 'HEAD' ? undefined : body);
}

/**
 * Mounts the health endpoints: `application/health+json` bodies, 200 for pass and warn, 503 for
 * fail; `?verbose` gives the Kubernetes-style text listing instead. When the server has auth and the
 * caller did not authenticate, the open probes show each check's name and status only: messages and
 * observed values (already masked, see `oneLine`) go to authenticated callers.
 */
export function mountProbeRoutes(
  server: RouteRegistry,
  evaluate: (probe: ProbeName) => Promise<HealthReport>,
  service: () => ServiceIdentity,
): void {
  for (const { path, probe, auth } of PROBE_ROUTES) {
    server.route(
      path,
      async (request, response) => {
        const report = await evaluate(probe);
        const status = httpStatus(report.status);
        const messages = request.authorized;
        if (request.url.searchParams.has('verbose')) {
          send(response, request, status, 'text/plain; charset=utf-8', toVerboseText(report, messages));
        } else {
          const view = { detailed: probe === 'detailed', messages };
          const body = JSON.stringify(toHealthJson(report, service(), view));
          send(response, request, status, HEALTH_JSON, body);
        }
      },
      { auth },
    );
  }
}
