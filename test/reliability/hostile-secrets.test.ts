import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkConfigCommand } from '../../packages/cli/src/commands/check-config';
import { spawnNode } from './helpers/child';
import { LONG } from './helpers/profile';
import { Passes, recordResult, round1 } from './helpers/results';

type Env = Record<string, string>;

/** A token-like secret (base64 and URL-safe characters, `=` padding), long enough never to occur by chance. */
const secret = fc.stringMatching(/^[A-Za-z0-9+/._~-]{16,40}={0,2}$/);

/** Both forms a secret could be printed in: as set, and percent-encoded (as inside a URL). */
function forms(s: string): string[] {
  return [...new Set([s, encodeURIComponent(s)])];
}

/** A bad value carrying `s` for one variable (plus what else it needs to reach its check). */
interface Malformed {
  readonly name: string;
  readonly env: (s: string) => Env;
}

const HEADER_VARIABLES = [
  'OTEL_EXPORTER_OTLP_HEADERS',
  'OTEL_EXPORTER_OTLP_METRICS_HEADERS',
  'OTEL_EXPORTER_OTLP_TRACES_HEADERS',
  'OTEL_EXPORTER_OTLP_LOGS_HEADERS',
];
const ENDPOINT_VARIABLES = [
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT',
  'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
  'OTEL_EXPORTER_OTLP_LOGS_ENDPOINT',
];

const MALFORMED: readonly Malformed[] = [
  ...HEADER_VARIABLES.flatMap((name) => [
    { name, env: (s: string) => ({ [name]: `Authorization: Bearer ${s}` }) },
    { name, env: (s: string) => ({ [name]: `authorization=Bearer%ZZ${s}` }) },
    { name, env: (s: string) => ({ [name]: `x-tenant=a,Bearer ${s}` }) },
    { name, env: (s: string) => ({ [name]: `=${s}` }) },
  ]),
  ...ENDPOINT_VARIABLES.flatMap((name) => [
    { name, env: (s: string) => ({ [name]: `ftp://otel:${s}@collector:4318` }) },
    { name, env: (s: string) => ({ [name]: `otel:${s}@collector:4318` }) },
    { name, env: (s: string) => ({ [name]: `http://otel:${s}@collector:99999` }) },
    { name, env: (s: string) => ({ [name]: `http://otel:${s}@` }) },
  ]),
  {
    name: 'OTELKIT_AUTH_USERNAME',
    env: (s) => ({ OTELKIT_AUTH_USERNAME: `ops:${s}`, OTELKIT_AUTH_PASSWORD: 'x' }),
  },
  { name: 'OTELKIT_AUTH_TOKEN', env: (s) => ({ OTELKIT_AUTH_TOKEN: s, OTELKIT_AUTH_PASSWORD: 'p' }) },
  { name: 'OTELKIT_AUTH_TOKEN', env: (s) => ({ OTELKIT_AUTH_TOKEN: 't', OTELKIT_AUTH_PASSWORD: s }) },
  { name: 'OTELKIT_AUTH_USERNAME', env: (s) => ({ OTELKIT_AUTH_PASSWORD: s }) },
];

/** Every secret-bearing variable set, well-formed, with the given secrets. */
function wellFormed(s: readonly string[], basic: boolean): Env {
  const [a, b, c, d, e, f] = s.map(encodeURIComponent) as [string, string, string, string, string, string];
  return {
    OTEL_EXPORTER_OTLP_HEADERS: `authorization=Bearer%20${a},x-api-key=${b}`,
    OTEL_EXPORTER_OTLP_METRICS_HEADERS: `authorization=${c}`,
    OTEL_EXPORTER_OTLP_TRACES_HEADERS: `x-auth-token=${d}`,
    OTEL_EXPORTER_OTLP_LOGS_HEADERS: `x-auth-token=${d}`,
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://otel:${e}@127.0.0.1:1`,
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `http://${f}@127.0.0.1:1/v1/traces`,
    OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: `http://${f}:${e}@127.0.0.1:1/v1/metrics`,
    OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: `http://${f}:${e}@127.0.0.1:1/v1/logs`,
    ...(basic
      ? { OTELKIT_AUTH_USERNAME: 'ops', OTELKIT_AUTH_PASSWORD: s[0]! }
      : { OTELKIT_AUTH_TOKEN: s[0]! }),
  };
}

function assertNoSecret(text: string, secrets: readonly string[], where: string): void {
  for (const s of secrets) {
    for (const form of forms(s)) {
      assert.ok(!text.includes(form), `${where}: secret ${JSON.stringify(form)} printed:\n${text}`);
    }
  }
}

/** The preload on a tiny app: debug level, so the configuration summary is printed too. */
async function preload(env: Env): Promise<{ code: number | string; output: string }> {
  const child = spawnNode(
    ['--require', '@otelkit/register', '-e', 'setTimeout(() => process.stdout.write("app ran\\n"), 50)'],
    {
      OTELKIT_HOST: '127.0.0.1',
      OTELKIT_PORT: '0',
      OTEL_LOG_LEVEL: 'debug',
      OTELKIT_SHUTDOWN_TIMEOUT_MS: '1000',
      OTEL_EXPORTER_OTLP_TIMEOUT: '500',
      ...env,
    },
  );
  const code = await child.exited;
  return { code, output: `${child.stdout}\n${child.stderr}` };
}

async function checkConfig(env: Env, json: boolean): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await checkConfigCommand(json ? ['--json'] : [], {
    env,
    out: (text: string) => lines.push(text),
    err: (text: string) => lines.push(text),
  } as Parameters<typeof checkConfigCommand>[1]);
  return { code, output: lines.join('\n') };
}

const CHILD_RUNS = LONG ? 300 : 16;
const IN_PROCESS_RUNS = LONG ? 20_000 : 300;
const passes = new Passes();
const figures: Record<string, number> = {};
const started = Date.now();

describe('no secret in start-up, diagnostic or check-config output', () => {
  it(
    'a malformed secret-bearing variable stops the preload with one line that does not show the secret',
    { timeout: LONG ? 3_600_000 : 120_000 },
    passes.wrap(async () => {
      let refused = 0;
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...MALFORMED), secret, async (bad, s) => {
          const { code, output } = await preload(bad.env(s));
          assertNoSecret(output, [s], bad.name);
          // A secret holding '/' can turn a bad URL into a valid one (the rest becomes a path): then
          // the app runs, and its summary must not show it either.
          if (code === 0) {
            assert.ok(ENDPOINT_VARIABLES.includes(bad.name) && s.includes('/'), output);
            accepted++;
            return;
          }
          assert.equal(code, 1, output);
          assert.match(output, new RegExp(`otelkit: OTELKIT_ERR_INVALID_CONFIG: ${bad.name}=`));
          assert.doesNotMatch(output, /app ran/);
          refused++;
        }),
        { numRuns: CHILD_RUNS },
      );
      figures.malformedChildren = CHILD_RUNS;
      figures.malformedRefused = refused;
      figures.malformedAcceptedAsPath = accepted;
    }),
  );

  it(
    'well-formed secrets in every such variable never appear in the debug summary or any diagnostic line',
    { timeout: LONG ? 3_600_000 : 120_000 },
    passes.wrap(async () => {
      const runs = LONG ? 60 : 3;
      await fc.assert(
        fc.asyncProperty(fc.array(secret, { minLength: 6, maxLength: 6 }), fc.boolean(), async (s, basic) => {
          const { code, output } = await preload(wellFormed(s, basic));
          assert.equal(code, 0, output);
          assert.match(output, /app ran/);
          assert.match(output, /otelkit: metrics exporters: .*OTLP http:\/\/\*\*\*@127\.0\.0\.1:1/);
          assert.match(output, /otelkit: traces exporters: .*-> http:\/\/\*\*\*@127\.0\.0\.1:1/);
          assert.match(output, /otelkit: logs exporters: .*-> http:\/\/\*\*\*@127\.0\.0\.1:1/);
          assertNoSecret(output, s, 'preload');
        }),
        { numRuns: runs },
      );
      figures.wellFormedChildren = runs;
    }),
  );

  it(
    'check-config (text and JSON) shows no secret, for malformed and well-formed values',
    passes.wrap(async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...MALFORMED),
          fc.array(secret, { minLength: 6, maxLength: 6 }),
          fc.boolean(),
          fc.boolean(),
          async (bad, s, basic, json) => {
            const good = await checkConfig(wellFormed(s, basic), json);
            assert.equal(good.code, 0, good.output);
            assertNoSecret(good.output, s, 'check-config, well-formed');
            const refused = await checkConfig(bad.env(s[0]!), json);
            assertNoSecret(refused.output, [s[0]!], `check-config, ${bad.name}`);
            // check-config validates core's settings only (not the traces and logs ones); a '/' may make a
            // bad URL a valid one.
            if (
              /TRACES|LOGS/.test(bad.name) ||
              (ENDPOINT_VARIABLES.includes(bad.name) && s[0]!.includes('/'))
            )
              return;
            assert.equal(refused.code, 1, refused.output);
            assert.ok(refused.output.includes(`${bad.name}=`), refused.output);
          },
        ),
        { numRuns: IN_PROCESS_RUNS },
      );
      figures.checkConfigRuns = IN_PROCESS_RUNS;
    }),
  );
});

describe('hostile-secrets result', () => {
  it('records its figures', () => {
    if (passes.count !== 3) return;
    recordResult({
      id: 'hostile-secrets',
      what: 'generated secrets in OTLP header, endpoint user-info and auth variables, malformed and well-formed',
      durationS: round1((Date.now() - started) / 1000),
      load: `${figures.malformedChildren} malformed + ${figures.wellFormedChildren} well-formed preload children; ${figures.checkConfigRuns} check-config runs`,
      dataLost: 0,
      held: 'no secret in any start-up error, debug summary, diagnostic or check-config line',
      details: figures,
    });
  });
});
