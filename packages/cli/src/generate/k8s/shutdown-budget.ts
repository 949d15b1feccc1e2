/** Seconds a pod is given beyond the shutdown sequence's worst case to exit. */
export const EXIT_MARGIN_S = 2;

/**
 * The longest otelkit's graceful shutdown can take (`runShutdown` in @otelkit/health): the delay with
 * readiness failing, then the `beforeShutdown` hooks (one timeout), the HTTP drain (one timeout + 1 s)
 * and the telemetry flush (three timeouts). The CLI cannot import @otelkit/health (it depends on core
 * only); `test/cli/kubernetes-shutdown.test.ts` holds this against the real sequence.
 */
export function shutdownWorstCaseMs(delayMs: number, timeoutMs: number): number {
  return delayMs + timeoutMs + (timeoutMs + 1_000) + 3 * timeoutMs;
}

/**
 * `terminationGracePeriodSeconds` for these shutdown settings: the worst case, rounded up to seconds,
 * plus {@link EXIT_MARGIN_S}, so the kubelet's SIGKILL never cuts a shutdown that keeps its deadlines.
 */
export function terminationGracePeriodSeconds(delayMs: number, timeoutMs: number): number {
  return Math.ceil(shutdownWorstCaseMs(delayMs, timeoutMs) / 1000) + EXIT_MARGIN_S;
}
