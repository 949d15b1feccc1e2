/**
 * The preload: `node --require @otelkit/register app.js` (or `--import` for ESM, or through
 * `NODE_OPTIONS`). Starts otelkit from the environment before the app's first line runs. It never
 * crashes the app for a failure to start (one warning, the app runs on); only invalid configuration
 * is refused, with one line naming the variable and the value, and exit code 1.
 *
 * For programmatic use without side effects, import `@otelkit/register/api`.
 */
import { isMainThread } from 'node:worker_threads';

// Node runs `--require` preloads in every worker thread too. Telemetry (one SDK, one server port)
// belongs to the main thread: a worker stops here, having loaded nothing else.
if (isMainThread) require('./preload');

export type { RegisterOptions, Registration } from './register';
