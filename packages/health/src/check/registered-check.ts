import { errorOutput, normalizeResult } from './outcome';
import type { CheckFunction, CheckKind, CheckOutcome, CheckResult } from './types';

/** Settings of one registered check, after defaults. */
export interface CheckSettings {
  readonly name: string;
  readonly kind: CheckKind;
  readonly critical: boolean;
  readonly timeoutMs: number;
  readonly cacheMs: number;
  readonly componentType: string | undefined;
}

/** Receives each finished run (for the duration histogram). */
export type RunListener = (outcome: CheckOutcome) => void;

/**
 * One registered check with its cache. `run()` is single-flight (concurrent callers share one run),
 * reuses a result for `cacheMs`, and never waits longer than `timeoutMs`. While a run that timed out
 * is still pending, the check is not started again (it fails at once), so a hung dependency cannot
 * pile up work.
 * @internal
 */
export class RegisteredCheck {
  private last: CheckOutcome | undefined;
  private inFlight: Promise<CheckOutcome> | undefined;
  private hung: Promise<unknown> | undefined;

  constructor(
    readonly settings: CheckSettings,
    /** The check function as registered. */
    readonly fn: CheckFunction,
    private readonly onRun: RunListener,
  ) {}

  /** The latest finished outcome, if any. */
  latest(): CheckOutcome | undefined {
    return this.last;
  }

  /**
   * The cached outcome if still fresh, else a new run. With `fresh`, skips the cache (an operator's
   * "run now"); a run already in flight is still shared. Never rejects.
   */
  run(fresh = false): Promise<CheckOutcome> {
    const last = this.last;
    if (!fresh && last !== undefined && Date.now() - last.time < this.settings.cacheMs) {
      return Promise.resolve(last);
    }
    this.inFlight ??= this.execute().then((outcome) => {
      this.inFlight = undefined;
      this.last = outcome;
      try {
        this.onRun(outcome);
      } catch {
        // Metrics must never break a probe.
      }
      return outcome;
    });
    return this.inFlight;
  }

  private async execute(): Promise<CheckOutcome> {
    const started = performance.now();
    const result = this.hung !== undefined ? this.stillHung() : await this.invoke();
    return {
      ...result,
      name: this.settings.name,
      kind: this.settings.kind,
      critical: this.settings.critical,
      componentType: this.settings.componentType,
      time: Date.now(),
      durationSeconds: (performance.now() - started) / 1000,
    };
  }

  private stillHung(): CheckResult {
    return {
      status: 'fail',
      output: `previous run still pending after timing out (${this.settings.timeoutMs} ms)`,
    };
  }

  private invoke(): Promise<CheckResult> {
    let pending: Promise<unknown>;
    try {
      pending = Promise.resolve(this.fn());
    } catch (error) {
      return Promise.resolve({ status: 'fail', output: errorOutput(error) });
    }
    const settled = pending.then(
      normalizeResult,
      (error: unknown): CheckResult => ({
        status: 'fail',
        output: errorOutput(error),
      }),
    );
    const { timeoutMs } = this.settings;
    return new Promise<CheckResult>((resolve) => {
      const timer = setTimeout(() => {
        const hung = settled.finally(() => {
          if (this.hung === hung) this.hung = undefined;
        });
        this.hung = hung;
        resolve({ status: 'fail', output: `timed out after ${timeoutMs} ms` });
      }, timeoutMs);
      timer.unref?.();
      settled.then((result) => {
        clearTimeout(timer);
        resolve(result);
      });
    });
  }
}
