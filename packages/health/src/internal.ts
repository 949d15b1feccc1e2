// What @otelkit/register and the repository scripts share with this package beyond its public API:
// `@otelkit/health/internal` (package.json `exports`). Not for applications; no compatibility promise. At
// run time it is the same module instance as `@otelkit/health` (scripts/bundle.mjs).

// The public API too: this module is a superset of it, so a sibling file imports from one place.
export * from './index';
export { DURATION_METRIC, STATUS_METRIC } from './metrics/health-metrics';
export type { OperatorActionResult, OperatorActions } from './operator/actions';
export { mountOperatorActions } from './operator/actions';
export type { OperatorAction, OperatorAudit, OperatorOutcome } from './operator/audit';
export { OPERATOR_ACTIONS_METRIC, operatorAudit, UNKNOWN_TARGET } from './operator/audit';
export { CHECKS_PATH, STATUS_PATH } from './operator/routes';
export type { ResolvedHealthOptions } from './options';
export { HEALTH_DEFAULTS, resolveHealthOptions } from './options';
export { HEALTH_JSON } from './report/health-json';
export { HEALTH_SETTINGS } from './settings';
export { STATUS_JSON_PATH } from './status/routes';
