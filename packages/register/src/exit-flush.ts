import { diag } from '@opentelemetry/api';

/**
 * Flushes telemetry when the app runs out of work, so a short script still exits promptly with its
 * spans and metrics delivered, and with its own exit code: `beforeExit` fires when the event loop is
 * empty; the flush (bounded by its own deadline) keeps the loop alive only while it runs, then the
 * process exits as it would have, with `process.exitCode` untouched.
 *
 * An explicit `process.exit()` cannot wait for anything asynchronous; telemetry recorded just before
 * it may be lost (documented).
 */
export function flushBeforeExit(flush: () => Promise<void>): () => void {
  let flushed = false;
  const listener = () => {
    if (flushed) return;
    flushed = true;
    flush().catch((error: unknown) => diag.warn(`otelkit: flush before exit failed: ${String(error)}`));
  };
  process.on('beforeExit', listener);
  return () => process.off('beforeExit', listener);
}
