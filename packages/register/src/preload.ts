/**
 * What the preload does on the main thread: starts otelkit from the environment (and the options
 * module named by `OTELKIT_CONFIG`), once per process. Invalid configuration — a bad variable, a
 * missing or bad options module — stops the app with one line naming it (exit code 1); any other
 * failure to start leaves the app running without telemetry.
 */
import { ERROR_CODES, envValue, isOtelkitError, loadConfigModule } from '@otelkit/core/internal';
import { type RegisterOptions, register } from './register';

const STARTED = Symbol.for('otelkit.register.started');
const state = globalThis as { [STARTED]?: boolean };

/** The catalogue entry of an otelkit error that ends start-up (it has an exit code), if any. */
function fatal(error: unknown): { exitCode: number } | undefined {
  if (!isOtelkitError(error)) return undefined;
  const entry = Object.values(ERROR_CODES).find((e) => e.code === error.code);
  return entry?.exitCode === undefined ? undefined : { exitCode: entry.exitCode };
}

if (state[STARTED] !== true) {
  state[STARTED] = true;
  try {
    const file = envValue(process.env, 'OTELKIT_CONFIG');
    const disabled = envValue(process.env, 'OTEL_SDK_DISABLED')?.trim().toLowerCase() === 'true';
    if (file === undefined || disabled) register();
    else register(loadConfigModule(file) as RegisterOptions, (path) => `${path} in ${file}`);
  } catch (error) {
    const stop = fatal(error);
    if (stop !== undefined) {
      process.stderr.write(`otelkit: ${(error as Error).message}\n`);
      process.exit(stop.exitCode);
    }
    process.stderr.write(`otelkit: telemetry not started, the app runs without it: ${String(error)}\n`);
  }
}
