import assert from 'node:assert/strict';
import { Server } from 'node:net';
import { describe, it } from 'node:test';
import { isOtelkitError, resolveConfig } from '@otelkit/core/internal';
import { register } from '@otelkit/register/api';
import { resolveTracingConfig } from '@otelkit/tracing';
import { resolveShutdownDelayMs } from '../../packages/health/src/lifecycle/env';
import { parseEnabledInstrumentations } from '../../packages/register/src/instrumentations';
import { spawnNode } from './helpers/child';
import { ACCEPTED_VALUES, BAD_VALUES, label, VARIABLES } from './helpers/config-matrix';
import { LONG, runs } from './helpers/profile';
import { recordResult } from './helpers/results';

type Env = Record<string, string>;

/** Everything the preload validates before it starts anything, in the order it does. */
function validateLikeThePreload(env: Env): void {
  resolveConfig({}, env);
  parseEnabledInstrumentations(env.OTEL_NODE_ENABLED_INSTRUMENTATIONS);
  resolveTracingConfig({}, env);
  resolveShutdownDelayMs(undefined, env);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for raw control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** The refusal contract: an OtelkitError with one short line naming the variable, no raw control characters. */
function assertRefused(name: string, value: string, error: unknown): void {
  const where = `${name}=${label(value)}`;
  assert.ok(isOtelkitError(error), `${where}: an OtelkitError, got ${String(error)}`);
  assert.equal(error.code, 'OTELKIT_ERR_INVALID_CONFIG', where);
  assert.ok(!CONTROL_CHARS.test(error.message), `${where}: one line, control characters escaped`);
  assert.ok(error.message.includes(`${name}=`), `${where}: names the variable: ${error.message}`);
  assert.ok(error.message.length < 600, `${where}: bounded message (${error.message.length} chars)`);
}

let refusals = 0;
let acceptances = 0;

describe('hostile configuration, in process (every variable × bad values)', () => {
  for (const v of VARIABLES) {
    it(`${v.name} (${v.kind}): refuses ${BAD_VALUES[v.kind].length} bad values, accepts ${ACCEPTED_VALUES[v.kind].length}`, () => {
      for (const value of BAD_VALUES[v.kind]) {
        let thrown: unknown;
        try {
          validateLikeThePreload({ ...v.with, [v.name]: value });
        } catch (error) {
          thrown = error;
        }
        assert.ok(thrown !== undefined, `${v.name}=${label(value)} was accepted`);
        assertRefused(v.name, value, thrown);
        refusals++;
      }
      for (const value of ACCEPTED_VALUES[v.kind]) {
        assert.doesNotThrow(
          () => validateLikeThePreload({ ...v.with, [v.name]: value }),
          `${v.name}=${label(value)}`,
        );
        acceptances++;
      }
    });
  }

  it('OTEL_SDK_DISABLED: a value other than true/false warns and leaves the SDK on, as the specification says', () => {
    for (const value of ['yes', '1', 'x'.repeat(100_000), 'bad\u001b\r\n']) {
      const { config, warnings } = resolveConfig({}, { OTEL_SDK_DISABLED: value });
      assert.equal(config.disabled, false);
      assert.equal(warnings.length, 1);
      assert.ok(warnings[0]!.startsWith('OTEL_SDK_DISABLED='));
    }
  });
});

/** The preload on `-e`: prints "app ran" when the app's first line runs. */
function preloadWith(env: Env) {
  return spawnNode(['--require', '@otelkit/register', '-e', 'process.stdout.write("app ran\\n")'], {
    OTELKIT_HOST: '127.0.0.1',
    OTELKIT_PORT: '0',
    OTEL_TRACES_EXPORTER: 'none',
    ...env,
  });
}

function e2eCases(): Array<{ name: string; value: string; with?: Env }> {
  const all = VARIABLES.flatMap((v) =>
    BAD_VALUES[v.kind].map((value) => ({ name: v.name, value, with: v.with })),
  );
  // A NUL byte cannot be put in an environment variable (spawn refuses it before a process exists):
  // those values are tested in process only, and counted in the diagnostic below.
  if (LONG) return all.filter((c) => !c.value.includes('\u0000'));
  // Short run: one variable of each kind with its first bad value, plus a huge and a control-character value.
  const seen = new Set<string>();
  const sample = all.filter((c) => {
    const kind = VARIABLES.find((v) => v.name === c.name)!.kind;
    if (seen.has(kind)) return false;
    seen.add(kind);
    return true;
  });
  return [
    ...sample,
    { name: 'OTELKIT_PORT', value: 'x'.repeat(100_000) },
    { name: 'OTEL_TRACES_SAMPLER', value: 'bad\u001b[31m\n{"level":50}' },
    { name: 'OTELKIT_SHUTDOWN_DELAY_MS', value: '-1' },
  ];
}

describe('hostile configuration through the preload (child processes)', () => {
  it('refuses each bad value with exit 1 and one stderr line naming it; the app never runs; no stack trace', {
    timeout: LONG ? 1_800_000 : 60_000,
  }, async (t) => {
    const cases = e2eCases();
    const started = Date.now();
    const problems: string[] = [];
    for (let i = 0; i < cases.length; i += 4) {
      await Promise.all(
        cases.slice(i, i + 4).map(async (c) => {
          const child = preloadWith({ ...c.with, [c.name]: c.value });
          const code = await child.exited;
          const lines = child.stderr.trimEnd().split('\n');
          const where = `${c.name}=${label(c.value)}`;
          if (code !== 1) problems.push(`${where}: exit ${code}`);
          if (lines.length !== 1)
            problems.push(`${where}: ${lines.length} stderr lines:\n${child.stderr.slice(0, 2000)}`);
          if (!lines[0]!.startsWith(`otelkit: OTELKIT_ERR_INVALID_CONFIG: ${c.name}=`))
            problems.push(`${where}: stderr ${lines[0]!.slice(0, 300)}`);
          if (/\n\s+at /.test(child.stderr)) problems.push(`${where}: a stack trace`);
          if (child.stdout.includes('app ran')) problems.push(`${where}: the app ran`);
        }),
      );
    }
    const withNul = VARIABLES.flatMap((v) => BAD_VALUES[v.kind]).filter((value) => value.includes('\u0000'));
    t.diagnostic(
      `${cases.length} bad values through the preload in ${Date.now() - started} ms` +
        (LONG
          ? `; ${withNul.length} values with a NUL byte in process only (no environment can hold one)`
          : ''),
    );
    assert.deepEqual(problems, []);
    recordResult({
      id: 'hostile-config',
      what: `configuration: ${VARIABLES.length} variables × empty, huge, non-numeric, negative, out-of-range, unknown, control-character values`,
      durationS: Math.round((Date.now() - started) / 100) / 10,
      load: `${refusals + acceptances} values in process; ${cases.length} through the preload`,
      held: 'every bad value refused with one line naming the variable (exit 1, no stack trace, app not run); empty means unset',
      dataLost: 0,
    });
  });
});

describe('no half-started SDK', () => {
  if (runs('config-half-start'))
    it('binds no server when a tracing or health variable is invalid (register() throws first)', async () => {
      const listens: unknown[] = [];
      const listen = Server.prototype.listen;
      Server.prototype.listen = function (this: Server, ...args: unknown[]) {
        listens.push(args[0]);
        return Reflect.apply(listen, this, args) as Server;
      } as typeof listen;
      try {
        for (const bad of [{ OTEL_TRACES_SAMPLER: 'bogus' }, { OTELKIT_SHUTDOWN_DELAY_MS: '-1' }]) {
          assert.throws(
            () =>
              register({
                env: { OTELKIT_HOST: '127.0.0.1', OTELKIT_PORT: '0', OTEL_LOG_LEVEL: 'none', ...bad },
              }),
            (e: unknown) => isOtelkitError(e) && e.code === 'OTELKIT_ERR_INVALID_CONFIG',
          );
        }
        await new Promise((r) => setTimeout(r, 300));
        assert.deepEqual(
          listens,
          [],
          'the observability server was started for a configuration that was refused',
        );
      } finally {
        Server.prototype.listen = listen;
      }
    });
});
