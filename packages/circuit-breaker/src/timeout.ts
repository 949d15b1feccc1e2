/** The function a breaker protects: it gets an AbortSignal to pass on to its I/O. */
export type Protected<T> = (signal: AbortSignal) => T | PromiseLike<T>;

/** A signal that never aborts, handed to calls that have neither a timeout nor a caller's signal. */
export const NEVER_ABORTED: AbortSignal = new AbortController().signal;

/**
 * Runs `fn` with a timer of `timeoutMs`. On timeout the signal given to `fn` is aborted with the
 * error from `makeError` and the returned promise rejects with it; the call's own late outcome is then
 * ignored. The timer (and the listener on `parent`) is removed as soon as the call settles, so a
 * finished call leaves nothing behind. An abort of `parent` is passed on to `fn`'s signal.
 */
export function runWithTimeout<T>(
  fn: Protected<T>,
  timeoutMs: number,
  parent: AbortSignal | undefined,
  makeError: () => Error,
): Promise<T> {
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const onParentAbort = (): void => controller.abort(parent?.reason);
    const cleanup = (): void => {
      settled = true;
      clearTimeout(timer);
      parent?.removeEventListener('abort', onParentAbort);
    };
    const timer = setTimeout(() => {
      if (settled) return;
      cleanup();
      const error = makeError();
      controller.abort(error);
      reject(error);
    }, timeoutMs);
    if (parent !== undefined) {
      if (parent.aborted) controller.abort(parent.reason);
      else parent.addEventListener('abort', onParentAbort, { once: true });
    }
    let result: T | PromiseLike<T>;
    try {
      result = fn(controller.signal);
    } catch (err) {
      cleanup();
      reject(err);
      return;
    }
    Promise.resolve(result).then(
      (value) => {
        if (settled) return;
        cleanup();
        resolve(value);
      },
      (err: unknown) => {
        if (settled) return;
        cleanup();
        reject(err);
      },
    );
  });
}
