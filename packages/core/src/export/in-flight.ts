/**
 * Runs `start` for `key` unless a run for `key` is already in flight, in which case its promise is
 * returned: concurrent callers share one piece of work. The entry is removed once it settles, so the
 * next caller starts a fresh run (nothing is cached beyond the work in progress).
 */
export function shareInFlight<K, V>(
  inFlight: Map<K, Promise<V>>,
  key: K,
  start: () => Promise<V>,
): Promise<V> {
  const running = inFlight.get(key);
  if (running !== undefined) return running;
  const pending = start();
  inFlight.set(key, pending);
  const clear = (): void => {
    if (inFlight.get(key) === pending) inFlight.delete(key);
  };
  pending.then(clear, clear);
  return pending;
}
