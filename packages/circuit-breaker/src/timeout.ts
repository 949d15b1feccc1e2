/** The function a breaker protects: it gets an AbortSignal to pass on to its I/O. */
export type Protected<T> = (signal: AbortSignal) => T | PromiseLike<T>;

/** A signal that never aborts, handed to calls that have neither a timeout nor a caller's signal. */
export const NEVER_ABORTED: AbortSignal = new AbortController().signal;

/** Timers may fire up to this early relative to `performance.now()`; such a call counts as expired. */
const EARLY_MS = 1;

interface Pending {
  readonly deadline: number;
  done: boolean;
  expire(): void;
}

/**
 * Per-call timeouts for one breaker, on a single timer. Every call of a breaker has the same
 * timeout, so deadlines come in start order: the pending calls form a FIFO queue and one timer, set
 * for the oldest pending deadline, serves them all. The timer is re-armed with `refresh()` (no
 * allocation) and unref'd, so it never keeps the process alive; once no call is pending it fires at
 * most once more and stays disarmed. No timer exists until the first timed call; `dispose()` clears it.
 */
export class TimeoutScheduler {
  private readonly queue: Pending[] = [];
  private head = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerMs = 0;
  private armed = false;

  constructor(readonly timeoutMs: number) {}

  /** Pending timed calls (for tests and diagnostics). */
  get pending(): number {
    return this.queue.length - this.head;
  }

  /**
   * Runs `fn` with a deadline of `start + timeoutMs` (`performance.now()` time). On timeout the
   * returned promise rejects with `makeError()` and the signal handed to `fn` aborts with it; the
   * call's own late outcome is ignored. An AbortController is created only when `fn` declares a
   * parameter to receive the signal; an abort of `parent` is passed on to it.
   */
  run<T>(
    fn: Protected<T>,
    parent: AbortSignal | undefined,
    start: number,
    makeError: () => Error,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const controller = fn.length > 0 ? new AbortController() : undefined;
      const onParentAbort = (): void => controller?.abort(parent?.reason);
      const entry: Pending = {
        deadline: start + this.timeoutMs,
        done: false,
        expire: () => {
          if (controller !== undefined) parent?.removeEventListener('abort', onParentAbort);
          const error = makeError();
          controller?.abort(error);
          reject(error);
        },
      };
      const settle = (): boolean => {
        if (entry.done) return false;
        entry.done = true;
        if (controller !== undefined) parent?.removeEventListener('abort', onParentAbort);
        this.dropSettled();
        return true;
      };
      if (controller !== undefined && parent !== undefined) {
        if (parent.aborted) controller.abort(parent.reason);
        else parent.addEventListener('abort', onParentAbort, { once: true });
      }
      this.add(entry);
      let result: T | PromiseLike<T>;
      try {
        result = fn(controller?.signal ?? parent ?? NEVER_ABORTED);
      } catch (err) {
        if (settle()) reject(err);
        return;
      }
      Promise.resolve(result).then(
        (value) => {
          if (settle()) resolve(value);
        },
        (err: unknown) => {
          if (settle()) reject(err);
        },
      );
    });
  }

  /** Clears the timer; calls still pending will not time out. */
  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.armed = false;
  }

  private add(entry: Pending): void {
    this.queue.push(entry);
    if (!this.armed) this.arm(this.timeoutMs);
  }

  private arm(ms: number): void {
    this.armed = true;
    if (this.timer !== undefined && this.timerMs === ms) {
      this.timer.refresh();
      return;
    }
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timerMs = ms;
    this.timer = setTimeout(() => this.fire(), ms);
    this.timer.unref?.();
  }

  private fire(): void {
    this.armed = false;
    const now = performance.now();
    while (this.head < this.queue.length) {
      const entry = this.queue[this.head];
      if (!entry.done) {
        if (entry.deadline - now > EARLY_MS) {
          this.arm(Math.max(1, Math.ceil(entry.deadline - now)));
          return;
        }
        entry.done = true;
        entry.expire();
      }
      this.head++;
    }
    this.compact();
  }

  private dropSettled(): void {
    while (this.head < this.queue.length && this.queue[this.head].done) this.head++;
    this.compact();
  }

  private compact(): void {
    if (this.head === this.queue.length) {
      this.queue.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }
}
