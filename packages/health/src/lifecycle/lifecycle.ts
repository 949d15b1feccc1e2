/**
 * The serving state of the process, as a tagged union: `starting` until the app calls `markReady()`,
 * `ready` while serving, `draining` from the first shutdown request on.
 */
export type LifecycleState =
  | { readonly phase: 'starting' }
  | { readonly phase: 'ready'; readonly since: number }
  | { readonly phase: 'draining'; readonly since: number; readonly reason: string };

/**
 * Holds the {@link LifecycleState}. Transitions only go forward: `starting` → `ready` → `draining`
 * (or `starting` → `draining`).
 * @internal
 */
export class Lifecycle {
  private current: LifecycleState = { phase: 'starting' };

  get state(): LifecycleState {
    return this.current;
  }

  /** `starting` -> `ready`; ignored in any other phase. */
  markReady(): void {
    if (this.current.phase === 'starting') this.current = { phase: 'ready', since: Date.now() };
  }

  /** To `draining`; returns false when already draining. */
  drain(reason: string): boolean {
    if (this.current.phase === 'draining') return false;
    this.current = { phase: 'draining', since: Date.now(), reason };
    return true;
  }
}
