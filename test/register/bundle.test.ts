/**
 * The packages' bundled entries (scripts/bundle.mjs) as an app meets them under the preload: one module
 * per otelkit package, shared between the preload and the app, and the OpenTelemetry API version the app
 * installed registering the globals.
 */
import assert from 'node:assert/strict';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { type Child, ROOT, serverUrl, spawnApp } from './helpers';

const FIXTURE = 'test/register/fixtures/shared-packages-app.cjs';
const children: Child[] = [];
after(() => {
  for (const c of children) if (c.process.exitCode === null) c.process.kill('SIGKILL');
});

interface Report {
  readonly apiVersion: string;
  readonly telemetryPort: number;
}

/** Runs `fixture` under the preload from `cwd`; returns its report, the preload's metrics and the stderr. */
async function run(
  args: readonly string[],
  cwd = ROOT,
  fixture = FIXTURE,
): Promise<{ report: Report; metrics: string; stderr: string }> {
  const app = spawnApp([...args, '--require', '@otelkit/register', fixture], {}, cwd);
  children.push(app);
  const [, json, port] = await app.waitFor(/REPORT (\{.*\}) app listening (\d+)/);
  const metrics = await (await fetch(`${await serverUrl(app)}/metrics`)).text();
  await fetch(`http://127.0.0.1:${port}/exit`);
  assert.equal(await app.exited, 0, app.stderr);
  return { report: JSON.parse(json!) as Report, metrics, stderr: app.stderr };
}

const installedApi = JSON.parse(
  readFileSync(join(ROOT, 'node_modules', '@opentelemetry', 'api', 'package.json'), 'utf8'),
) as { version: string };

describe('bundled packages under the preload', () => {
  it('give the app the very modules the preload runs: one telemetry, one meter, one /metrics', async () => {
    const { report, metrics, stderr } = await run([]);
    assert.equal(stderr.match(/observability server listening/g)?.length, 1, stderr);
    assert.equal(report.telemetryPort, Number(new URL((stderr.match(/listening on (\S+)/) ?? [])[1]!).port));
    assert.match(metrics, /^shared_operations_total\{[^}]*operation="import_check"[^}]*\} 1$/m);
    assert.match(metrics, /^shared_bound_total\{[^}]*via="app"[^}]*\} 2$/m);
    assert.equal(report.apiVersion, installedApi.version);
  });

  it('use the OpenTelemetry API version the app installed when it is not the one otelkit pins', async () => {
    // An app tree whose @opentelemetry/api is another version: the bundles must load it, not their copy.
    const app = mkdtempSync(join(ROOT, '.api-version-'));
    try {
      const modules = join(app, 'node_modules');
      mkdirSync(join(modules, '@otelkit'), { recursive: true });
      for (const pkg of ['core', 'tracing', 'health', 'register', 'circuit-breaker']) {
        symlinkSync(join(ROOT, 'packages', pkg), join(modules, '@otelkit', pkg));
      }
      const api = join(modules, '@opentelemetry', 'api');
      cpSync(join(ROOT, 'node_modules', '@opentelemetry', 'api'), api, { recursive: true });
      const other = '1.10.99';
      // The version is written into several of the API's built files (its global registry checks it).
      const files = readdirSync(api, { recursive: true, encoding: 'utf8' }).filter((f) =>
        /\.(c|m)?js(on)?$/.test(f),
      );
      for (const file of files) {
        const path = join(api, file);
        writeFileSync(path, readFileSync(path, 'utf8').replaceAll(installedApi.version, other));
      }
      cpSync(join(ROOT, FIXTURE), join(app, 'app.cjs'));
      // --preserve-symlinks: the packages resolve their dependencies from the app's tree, as installed.
      const { report, metrics } = await run(['--preserve-symlinks'], app, 'app.cjs');
      assert.equal(report.apiVersion, other);
      // Still one pipeline: the app's API copy and otelkit's are the same module now.
      assert.match(metrics, /^shared_bound_total\{[^}]*via="app"[^}]*\} 2$/m);
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  });
});
