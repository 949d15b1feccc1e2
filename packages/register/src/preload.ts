/**
 * What the preload does on the main thread: starts otelkit from the environment, once per process.
 * Invalid configuration stops the app with one line naming the variable (exit code 1); any other
 * failure to start leaves the app running without telemetry.
 */
import { isOtelkitError } from '@otelkit/core';
import { register } from './register';

const STARTED = Symbol.for('otelkit.register.started');
const state = globalThis as { [STARTED]?: boolean };

if (state[STARTED] !== true) {
  state[STARTED] = true;
  try {
    register();
  } catch (error) {
    if (isOtelkitError(error) && error.code === 'OTELKIT_ERR_INVALID_CONFIG') {
      process.stderr.write(`otelkit: ${error.message}\n`);
      process.exit(1);
    }
    process.stderr.write(`otelkit: telemetry not started, the app runs without it: ${String(error)}\n`);
  }
}
