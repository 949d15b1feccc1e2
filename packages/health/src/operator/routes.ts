import type { RouteRegistry } from '@otelkit/core';
import type { CheckOutcome } from '../check/types';
import { type StatusService, toStatusCheck } from '../status/status-service';
import { mountOperatorActions } from './actions';
import type { OperatorAudit } from './audit';
import { sendJson } from './json';

/** Path of the operator status document. */
export const STATUS_PATH = '/status';
/** Prefix of `POST /health/checks/{name}/run`. */
export const CHECKS_PATH = '/health/checks';

/** What the operator routes of health need. */
export interface OperatorRouteDeps {
  readonly status: StatusService;
  /** Runs the named check now, bypassing its cache; `undefined` when no such check is registered. */
  readonly runCheck: (name: string) => Promise<CheckOutcome | undefined>;
  readonly audit: OperatorAudit;
}

/**
 * Mounts `GET /status` (the status document) and `POST /health/checks/{name}/run` (the check's
 * result), both behind the server's auth.
 */
export function mountOperatorRoutes(server: RouteRegistry, deps: OperatorRouteDeps): void {
  server.route(STATUS_PATH, async (request, response) => {
    sendJson(response, 200, await deps.status.model(), request.method === 'HEAD');
  });
  mountOperatorActions(server, deps.audit, {
    prefix: CHECKS_PATH,
    kind: 'check',
    verbs: ['run'],
    async perform(name) {
      const outcome = await deps.runCheck(name);
      return outcome === undefined
        ? undefined
        : { body: toStatusCheck(outcome), detail: `status ${outcome.status}` };
    },
  });
}
