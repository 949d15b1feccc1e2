/**
 * What the preload does on the main thread: starts otelkit from the environment, once per process.
 * Invalid configuration stops the app with one line naming the variable (exit code 1); any other
 * failure to start leaves the app running without telemetry.
 */
import { ERROR_CODES, isOtelkitError } from '@otelkit/core';
import { register } from './register';

const STARTED = Symbol.for('otelkit.register.started');
const state = globalThis as { [STARTED]?: boolean };

if (state[STARTED] !== true) {
  state[STARTED] = true;
  try {
    register();
  } catch (error) {
    if (isOtelkitError(error) && error.code === ERROR_CODES.INVALID_CONFIG.code) {
      process.stderr.write(`otelkit: ${error.message}\n`);
      process.exit(ERROR_CODES.INVALID_CONFIG.exitCode);
    }
    process.stderr.write(`otelkit: telemetry not started, the app runs without it: ${String(error)}\n`);
  }
}
