import { diag } from '@opentelemetry/api';
import { invalid } from '@otelkit/core/internal';
import { RegisteredCheck, type RunListener } from './registered-check';
import type { CheckFunction, CheckKind, CheckOptions, CheckOutcome } from './types';

/** Defaults of {@link CheckOptions}, in one place. */
export const CHECK_DEFAULTS = {
  kind: 'readiness',
  critical: true,
  timeoutMs: 1_000,
  cacheMs: 1_000,
} as const satisfies CheckOptions;

const KINDS: readonly CheckKind[] = ['liveness', 'readiness', 'startup'];
const NAME = /^[A-Za-z0-9_.\-:/]{1,128}$/;
const MAX_MS = 2_147_483_647;

function checkMs(setting: string, value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_MS)
    invalid(setting, value, `an integer from 0 to ${MAX_MS}`);
  return value;
}

/**
 * The registered checks. Start-up checks are latched: once every one has passed, they are not run
 * again.
 * @internal
 */
export class CheckRegistry {
  private readonly checks = new Map<string, RegisteredCheck>();
  private startupDone = false;

  constructor(private readonly onRun: RunListener) {}

  /** Adds (or replaces) a check; throws `OTELKIT_ERR_INVALID_CONFIG` for a bad name or option. */
  register(name: string, fn: CheckFunction, options: CheckOptions = {}): RegisteredCheck {
    if (typeof name !== 'string' || !NAME.test(name)) {
      invalid('registerCheck name', name, '1-128 characters of A-Z a-z 0-9 _ . - : /');
    }
    if (typeof fn !== 'function') invalid(`registerCheck ${name} fn`, typeof fn, 'a function');
    const opts = { ...CHECK_DEFAULTS, ...options };
    if (!KINDS.includes(opts.kind)) invalid(`registerCheck ${name} kind`, opts.kind, KINDS.join(', '));
    const check = new RegisteredCheck(
      {
        name,
        kind: opts.kind,
        critical: opts.critical !== false,
        timeoutMs: Math.max(1, checkMs(`registerCheck ${name} timeoutMs`, opts.timeoutMs)),
        cacheMs: checkMs(`registerCheck ${name} cacheMs`, opts.cacheMs),
        componentType: opts.componentType,
      },
      fn,
      this.onRun,
    );
    if (this.checks.has(name)) diag.warn(`otelkit health: check ${name} registered again; replacing it`);
    this.checks.set(name, check);
    if (opts.kind === 'startup') this.startupDone = false;
    return check;
  }

  /** Removes a check; returns whether it was registered. */
  unregister(check: RegisteredCheck): boolean {
    if (this.checks.get(check.settings.name) !== check) return false;
    return this.checks.delete(check.settings.name);
  }

  /** The check registered under `name`, if any. */
  get(name: string): RegisteredCheck | undefined {
    return this.checks.get(name);
  }

  /** Every check, in registration order. */
  all(): RegisteredCheck[] {
    return [...this.checks.values()];
  }

  /** Whether every start-up check has passed once (true when there are none). */
  startupPassed(): boolean {
    return this.startupDone || this.all().every((c) => c.settings.kind !== 'startup');
  }

  /** Runs the checks of the given kinds concurrently (start-up ones only until they have passed). */
  async run(kinds: readonly CheckKind[]): Promise<CheckOutcome[]> {
    const selected = this.all().filter((c) => kinds.includes(c.settings.kind));
    const outcomes = await Promise.all(
      selected.map((c) => {
        const latched = c.settings.kind === 'startup' && this.startupDone ? c.latest() : undefined;
        return latched === undefined ? c.run() : Promise.resolve(latched);
      }),
    );
    if (!this.startupDone && kinds.includes('startup')) {
      const startup = outcomes.filter((o) => o.kind === 'startup');
      if (startup.every((o) => o.status !== 'fail')) this.startupDone = true;
    }
    return outcomes;
  }
}
