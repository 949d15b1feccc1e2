import { diag } from '@opentelemetry/api';
import type { ShutdownResult } from './shutdown';

/** The signals otelkit handles. */
export const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;
type ShutdownSignal = (typeof SHUTDOWN_SIGNALS)[number];

/** Exit codes of a forced exit: 128 + signal number, as a shell reports a process killed by it. */
const FORCED_EXIT: Record<ShutdownSignal, number> = { SIGINT: 130, SIGTERM: 143 };

/** What the signal handlers need. */
export interface SignalPlan {
  readonly shutdown: (reason: string) => Promise<ShutdownResult>;
  /** Exit after the sequence when otelkit is the only listener of the signal. */
  readonly exitOnSignal: boolean;
  /** Watchdog: force exit 1 when the whole sequence takes longer than this. */
  readonly hardDeadlineMs: number;
  /** `process.exit`, replaceable in tests. */
  readonly exit: (code: number) => void;
}

/**
 * SIGTERM/SIGINT handling with these rules:
 * - First signal: the shutdown sequence starts. If the app has its own listener for that signal,
 *   otelkit never exits the process: the app decides when (and whether) to exit.
 * - Otherwise (Node would have died on the signal anyway) otelkit exits after the sequence: 0 when
 *   every step succeeded, 1 when one failed or the watchdog fired.
 * - A second signal while otelkit owns the exit forces it at once: 143 (SIGTERM) or 130 (SIGINT).
 *   When the app has its own listeners, a second signal is left to the app.
 * @internal
 */
export class SignalHandlers {
  private installed = false;
  private first: ShutdownSignal | undefined;
  private ownsExit = false;
  private readonly handlers = new Map<ShutdownSignal, () => void>();

  constructor(private readonly plan: SignalPlan) {
    for (const signal of SHUTDOWN_SIGNALS) this.handlers.set(signal, () => this.onSignal(signal));
  }

  install(): void {
    if (this.installed) return;
    this.installed = true;
    for (const [signal, handler] of this.handlers) process.on(signal, handler);
  }

  uninstall(): void {
    if (!this.installed) return;
    this.installed = false;
    for (const [signal, handler] of this.handlers) process.off(signal, handler);
  }

  private onSignal(signal: ShutdownSignal): void {
    if (this.first !== undefined) {
      if (this.ownsExit) {
        diag.warn(`otelkit health: second signal (${signal}) during shutdown; exiting now`);
        this.plan.exit(FORCED_EXIT[signal]);
      }
      return;
    }
    this.first = signal;
    const appListens = process.listenerCount(signal) > 1;
    this.ownsExit = this.plan.exitOnSignal && !appListens;
    if (this.ownsExit) {
      const watchdog = setTimeout(() => {
        diag.error(`otelkit health: shutdown did not finish within ${this.plan.hardDeadlineMs} ms; exiting`);
        this.plan.exit(1);
      }, this.plan.hardDeadlineMs);
      watchdog.unref();
    }
    void this.plan.shutdown(signal).then((result) => {
      if (this.ownsExit) this.plan.exit(result.ok ? 0 : 1);
    });
  }
}
