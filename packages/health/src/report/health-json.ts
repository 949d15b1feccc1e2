import type { CheckOutcome } from '../check/types';
import type { HealthReport } from './report';

/** Media type of draft-inadarei-api-health-check. */
export const HEALTH_JSON = 'application/health+json';

/** Service identity written into every body. */
export interface ServiceIdentity {
  /** `serviceId`: the service name. */
  readonly serviceId: string;
  /** `version`: the service version, when known. */
  readonly version: string | undefined;
  readonly description: string;
}

/** One entry of `checks` (a key maps to an array of these). */
export interface HealthJsonCheck {
  readonly status: CheckOutcome['status'];
  readonly componentType?: string;
  readonly observedValue?: string | number | boolean;
  readonly observedUnit?: string;
  readonly output?: string;
  readonly time: string;
  /** Detailed view only: the probe kind, whether it is critical, and how long it ran. */
  readonly kind?: string;
  readonly critical?: boolean;
  readonly durationMs?: number;
}

/** The body of a health endpoint (draft-inadarei-api-health-check). */
export interface HealthJsonBody {
  readonly status: HealthReport['status'];
  readonly version?: string;
  readonly serviceId: string;
  readonly description: string;
  readonly time: string;
  readonly output?: string;
  readonly checks: Record<string, HealthJsonCheck[]>;
}

/** What a body shows besides each check's name and status. */
export interface HealthJsonView {
  /** The detailed view: `kind`, `critical` and `durationMs` of each check. */
  readonly detailed: boolean;
  /**
   * Check messages, observed values and units, component types and the summary `output`: for callers
   * that passed the server's auth (or any caller when no auth is configured). Default true.
   */
  readonly messages?: boolean;
}

function entry(check: CheckOutcome, view: HealthJsonView): HealthJsonCheck {
  const messages = view.messages !== false;
  return {
    status: check.status,
    ...(!messages || check.componentType === undefined ? {} : { componentType: check.componentType }),
    ...(!messages || check.observedValue === undefined ? {} : { observedValue: check.observedValue }),
    ...(!messages || check.observedUnit === undefined ? {} : { observedUnit: check.observedUnit }),
    ...(!messages || check.output === undefined ? {} : { output: check.output }),
    time: new Date(check.time).toISOString(),
    ...(view.detailed
      ? {
          kind: check.kind,
          critical: check.critical,
          durationMs: Math.round(check.durationSeconds * 1e6) / 1e3,
        }
      : {}),
  };
}

/**
 * Builds the `application/health+json` body: `status`, `version`, `serviceId`, `description`,
 * `time`, `output` (when not passing) and `checks` keyed by check name (`component:measurement`).
 * Without `view.messages`, each check has its status and time only and there is no `output`.
 * @see https://datatracker.ietf.org/doc/html/draft-inadarei-api-health-check
 */
export function toHealthJson(
  report: HealthReport,
  service: ServiceIdentity,
  view: HealthJsonView,
): HealthJsonBody {
  const checks: Record<string, HealthJsonCheck[]> = {};
  for (const check of report.checks) {
    const list = checks[check.name] ?? [];
    list.push(entry(check, view));
    checks[check.name] = list;
  }
  return {
    status: report.status,
    ...(service.version === undefined ? {} : { version: service.version }),
    serviceId: service.serviceId,
    description: service.description,
    time: new Date().toISOString(),
    ...(report.output === undefined || view.messages === false ? {} : { output: report.output }),
    checks,
  };
}
