/**
 * The ESM preload, `node --import @otelkit/register app.mjs`. When library instrumentations are
 * enabled it registers OpenTelemetry's module hooks (import-in-the-middle) so that `import`ed libraries
 * can be instrumented as `require`d ones are; then it runs the same start-up as `--require`.
 */
import { createRequire, register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const enabled = process.env.OTEL_NODE_ENABLED_INSTRUMENTATIONS ?? '';
const disabled = (process.env.OTEL_SDK_DISABLED ?? '').trim().toLowerCase() === 'true';
if (
  isMainThread &&
  !disabled &&
  enabled.split(',').some((n) => !['', 'http', 'undici'].includes(n.trim().toLowerCase()))
) {
  register(require.resolve('@opentelemetry/instrumentation/hook.mjs'), import.meta.url);
}
require('./index.js');
