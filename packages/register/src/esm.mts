/**
 * The ESM preload, `node --import @otelkit/register app.mjs`. When library instrumentations are
 * enabled it installs OpenTelemetry's module hooks (import-in-the-middle) so that `import`ed libraries
 * can be instrumented as `require`d ones are; then it runs the same start-up as `--require`.
 *
 * The hooks are Node's synchronous, in-thread ones (`module.registerHooks`) where the running Node.js
 * serves import-in-the-middle's loader (22.22.3+, 24.11.1+, 26): no loader thread and no message round
 * trip per module. Older 22.x and 24.x fall back to the asynchronous `module.register` loader.
 */
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';

const require = createRequire(import.meta.url);

/** import-in-the-middle's synchronous-hook entry points (its `register-hooks.mjs`). */
interface SyncHooks {
  supportsSyncHooks(): boolean;
  register(): void;
}

/**
 * Installs the module hooks. import-in-the-middle is resolved from `@opentelemetry/instrumentation`'s
 * own location so that the hooks and the instrumentations' `Hook()` registrations share one copy.
 */
async function installModuleHooks(): Promise<void> {
  const fromInstrumentation = createRequire(require.resolve('@opentelemetry/instrumentation'));
  const syncEntry = fromInstrumentation.resolve('import-in-the-middle/register-hooks.mjs');
  const { supportsSyncHooks } = (await import(
    pathToFileURL(fromInstrumentation.resolve('import-in-the-middle/supports-sync-hooks.mjs')).href
  )) as Pick<SyncHooks, 'supportsSyncHooks'>;
  if (supportsSyncHooks()) {
    const hooks = (await import(pathToFileURL(syncEntry).href)) as SyncHooks;
    hooks.register();
    return;
  }
  register(require.resolve('@opentelemetry/instrumentation/hook.mjs'), import.meta.url);
}

/**
 * The library instrumentations the start-up will enable: the `instrumentations` of the `OTELKIT_CONFIG`
 * module when it sets them (loaded here once; the start-up reuses it, or reports its error), else
 * `OTEL_NODE_ENABLED_INSTRUMENTATIONS`.
 */
function enabledNames(): string[] {
  const file = (process.env.OTELKIT_CONFIG ?? '').trim();
  if (file !== '') {
    try {
      const { loadConfigModule } =
        require('@otelkit/core/internal') as typeof import('@otelkit/core/internal');
      const chosen = loadConfigModule(file).instrumentations;
      if (Array.isArray(chosen)) return chosen.map(String);
      if (chosen !== undefined && chosen !== null && typeof chosen === 'object') {
        return Object.entries(chosen)
          .filter(([, on]) => on !== false)
          .map(([name]) => name);
      }
    } catch {
      // Reported once by the start-up below, which stops the app.
    }
  }
  return (process.env.OTEL_NODE_ENABLED_INSTRUMENTATIONS ?? '').split(',');
}

const disabled = (process.env.OTEL_SDK_DISABLED ?? '').trim().toLowerCase() === 'true';
if (
  isMainThread &&
  !disabled &&
  enabledNames().some((n) => !['', 'http', 'undici'].includes(n.trim().toLowerCase()))
) {
  await installModuleHooks();
}
require('./index.js');
