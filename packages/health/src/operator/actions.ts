import type { RouteRegistry } from '@otelkit/core';
import type { OperatorAudit } from './audit';
import { parseOperatorPath, sendJson } from './json';

/** What an operator action did: the JSON body of the 200 and a short detail for the audit log. */
export interface OperatorActionResult {
  readonly body: unknown;
  readonly detail?: string;
}

/** A family of operator actions `POST <prefix>/{name}/<verb>` on named targets. */
export interface OperatorActions {
  /** Path prefix, e.g. `/circuit-breakers`. */
  readonly prefix: string;
  /** What the targets are, e.g. `breaker`: the audited action is `<kind>.<verb>`. */
  readonly kind: string;
  /** The verbs, e.g. `['isolate', 'reset']`. */
  readonly verbs: readonly string[];
  /** Performs `verb` on `name`; `undefined` when there is no such target (404). */
  perform(
    name: string,
    verb: string,
  ): OperatorActionResult | undefined | Promise<OperatorActionResult | undefined>;
}

/**
 * Mounts `POST <prefix>/{name}/<verb>` behind the server's auth: 200 with the action's JSON body, 404
 * for an unknown target or verb, 401 without credentials when auth is configured, then 405 (with
 * `Allow: POST`) for other methods; 403 without auth (unless `OTELKIT_OPERATOR_API=open`), for a simple
 * request (neither JSON nor `X-Requested-By`) or a foreign `Origin`. Each action on a well-formed path is audited (logged and counted in
 * `otelkit.operator.actions`). `{name}` is percent-decoded and may contain `/`.
 * @example
 * mountOperatorActions(telemetry.server, operatorAudit(telemetry), {
 *   prefix: '/caches', kind: 'cache', verbs: ['clear'],
 *   perform: (name) => caches.get(name)?.clear() ?? undefined,
 * });
 */
export function mountOperatorActions(
  server: RouteRegistry,
  audit: OperatorAudit,
  actions: OperatorActions,
): void {
  const { prefix, kind, verbs } = actions;
  const expected = `POST ${prefix}/{name}/${verbs.length === 1 ? verbs[0] : `(${verbs.join('|')})`}`;
  server.route(
    prefix,
    async (request, response) => {
      const parsed = parseOperatorPath(request.path, prefix, verbs);
      if (parsed === undefined) {
        sendJson(response, 404, { error: 'not found', expected });
        return;
      }
      const { name, verb } = parsed;
      const base = { action: `${kind}.${verb}`, target: name, identity: request.identity } as const;
      const result = await actions.perform(name, verb);
      if (result === undefined) {
        audit.record({ ...base, outcome: 'not_found' });
        sendJson(response, 404, { error: `no such ${kind}`, [kind]: name });
        return;
      }
      audit.record({
        ...base,
        outcome: 'success',
        ...(result.detail === undefined ? {} : { detail: result.detail }),
      });
      sendJson(response, 200, result.body);
    },
    { methods: ['POST'], prefix: true },
  );
}
