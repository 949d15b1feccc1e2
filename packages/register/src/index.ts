/**
 * The preload: `node --require @otelkit/register app.js` (or `--import` for ESM, or through
 * `NODE_OPTIONS`). Starts otelkit from the environment before the app's first line runs. It never
 * crashes the app for a failure to start (one warning, the app runs on); only invalid configuration
 * is refused, with one line naming the variable and the value, and exit code 1.
 *
 * For programmatic use without side effects, import `@otelkit/register/api`.
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

export { BREAKERS_PATH, BREAKERS_SECTION, mountBreakerOperator } from './operator/breakers';
export type { RegisterOptions, Registration } from './register';
export { register } from './register';
