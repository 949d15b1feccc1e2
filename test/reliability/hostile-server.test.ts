import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createAuthenticator } from '../../packages/core/src/server/auth';
import { type Child, FIXTURES, observabilityUrl, preloadEnv, spawnNode } from './helpers/child';
import { seconds } from './helpers/profile';
import { rawExchange, statusOf } from './helpers/raw';
import { Passes, recordResult, round1 } from './helpers/results';
import { RssSampler } from './helpers/rss';
import { timedGet } from './helpers/scrape';

const USER = 'scraper';
const PASSWORD = 's3cret-password';
const AUTH = { authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}` };
const HEADERS_TIMEOUT_MS = 1_000;
const SCRAPE_ROUNDS = seconds(3, 300);
const CONCURRENT_SCRAPES = 50;
const SLOW_CLIENTS = 50;

const figures: Record<string, unknown> = {};
const passes = new Passes();
const TESTS = 8;
let app: Child;
let base: string;
let port: number;
let rss: RssSampler;
const started = Date.now();

before(async () => {
  app = spawnNode(
    ['--require', '@otelkit/register', join(FIXTURES, 'http-app.cjs')],
    preloadEnv({
      OTELKIT_AUTH_USERNAME: USER,
      OTELKIT_AUTH_PASSWORD: PASSWORD,
      OTELKIT_REQUEST_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
      OTEL_TRACES_EXPORTER: 'none',
    }),
  );
  await app.waitFor(/app listening/);
  base = await observabilityUrl(app);
  port = Number(new URL(base).port);
  rss = new RssSampler(app.pid);
});

after(() => {
  rss.stop();
  app.kill();
  if (passes.count !== TESTS) return;
  recordResult({
    id: 'hostile-server',
    what: 'observability server through the preload: long URLs, bad methods, slowloris, huge headers, concurrent scrapes, wrong credentials, cross-site and anonymous operator actions',
    durationS: round1((Date.now() - started) / 1000),
    load: `${SCRAPE_ROUNDS} rounds of ${CONCURRENT_SCRAPES} concurrent authenticated scrapes; ${SLOW_CLIENTS} slowloris clients`,
    rssBeforeMb: round1(rss.first ?? 0),
    rssAfterMb: round1(rss.last ?? 0),
    rssMaxMb: round1(rss.max),
    held: 'every hostile request got its status code within its time bound; the server and the app kept serving',
    dataLost: 0,
    details: figures,
  });
});

async function stillServing(): Promise<void> {
  assert.equal((await timedGet(`${base}/metrics`, 5_000, AUTH)).status, 200, 'still serves /metrics');
}

describe('hostile requests to the observability server (through the preload)', () => {
  it(
    'answers 414 or 431 to long URLs and keeps serving',
    passes.wrap(async () => {
      for (const length of [9_000, 100_000]) {
        const reply = await rawExchange(
          port,
          `GET /metrics?q=${'a'.repeat(length)} HTTP/1.1\r\nHost: x\r\n\r\n`,
        );
        assert.ok([414, 431].includes(statusOf(reply.text)), `URL of ${length}: ${reply.text.slice(0, 40)}`);
      }
      await stillServing();
    }),
  );

  it(
    'answers 405 to methods a route does not take, 400 to unknown ones, and keeps serving',
    passes.wrap(async () => {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
        const res = await fetch(`${base}/metrics`, { method, headers: AUTH });
        assert.equal(res.status, 405, method);
        assert.ok(res.headers.get('allow')?.includes('GET'), `${method}: Allow header`);
      }
      for (const method of ['FOO', 'G\u0001T', 'GET\u0000']) {
        const reply = await rawExchange(port, `${method} /metrics HTTP/1.1\r\nHost: x\r\n\r\n`);
        assert.ok(
          [400, 405, 501].includes(statusOf(reply.text)),
          `${JSON.stringify(method)}: ${reply.text.slice(0, 40)}`,
        );
      }
      await stillServing();
    }),
  );

  it(
    'answers 431 to huge headers (20 KB, 1 MB) and keeps serving',
    passes.wrap(async () => {
      const small = await timedGet(`${base}/metrics`, 5_000, { ...AUTH, 'x-big': 'a'.repeat(20 * 1024) });
      assert.equal(small.status, 431);
      const huge = await rawExchange(
        port,
        `GET /metrics HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(1024 * 1024)}\r\n\r\n`,
      );
      assert.ok(huge.text === '' || statusOf(huge.text) === 431, huge.text.slice(0, 40));
      await stillServing();
    }),
  );

  it(
    `cuts ${SLOW_CLIENTS} slowloris clients off after the headers timeout while /metrics stays fast`,
    passes.wrap(async () => {
      const slow = Array.from({ length: SLOW_CLIENTS }, () =>
        rawExchange(port, 'GET /metrics HTTP/1.1\r\nHost: x\r\nX-Slow: ', {
          drip: 'abcdef',
          dripMs: 100,
          maxMs: 10_000,
        }),
      );
      const during = await timedGet(`${base}/metrics`, 5_000, AUTH);
      const replies = await Promise.all(slow);
      const slowestMs = Math.max(...replies.map((r) => r.ms));
      figures.slowloris = {
        clients: SLOW_CLIENTS,
        cutOffAfterMsMax: round1(slowestMs),
        scrapeDuringMs: round1(during.ms),
      };
      assert.equal(during.status, 200);
      assert.ok(during.ms < 1_000, `/metrics took ${during.ms} ms during the attack`);
      for (const r of replies) assert.ok(r.text === '' || statusOf(r.text) === 408, r.text.slice(0, 40));
      assert.ok(
        slowestMs < HEADERS_TIMEOUT_MS * 3 + 1_000,
        `slowest slowloris client held on ${slowestMs} ms`,
      );
      await stillServing();
    }),
  );

  it(
    `answers ${CONCURRENT_SCRAPES} concurrent scrapes, round after round, in bounded time and memory`,
    passes.wrap(async () => {
      const rssStart = rss.sample() ?? 0;
      let worstMs = 0;
      for (let round = 0; round < SCRAPE_ROUNDS; round++) {
        const scrapes = await Promise.all(
          Array.from({ length: CONCURRENT_SCRAPES }, () => timedGet(`${base}/metrics`, 10_000, AUTH)),
        );
        for (const s of scrapes) assert.equal(s.status, 200);
        worstMs = Math.max(worstMs, ...scrapes.map((s) => s.ms));
      }
      const growth = (rss.sample() ?? 0) - rssStart;
      figures.concurrentScrapes = {
        rounds: SCRAPE_ROUNDS,
        concurrent: CONCURRENT_SCRAPES,
        worstMs: round1(worstMs),
        rssGrowthMb: round1(growth),
      };
      assert.ok(worstMs < 5_000, `slowest scrape ${worstMs} ms`);
      assert.ok(growth < 50, `RSS grew ${growth} MiB`);
    }),
  );

  it(
    'answers 401 with a challenge to missing, wrong and malformed credentials; 200 to the right ones',
    passes.wrap(async () => {
      const wrong = [
        undefined,
        `Basic ${Buffer.from(`${USER}:wrong`).toString('base64')}`,
        `Basic ${Buffer.from(`other:${PASSWORD}`).toString('base64')}`,
        `Basic ${Buffer.from(`${USER}:${PASSWORD}x`).toString('base64')}`,
        `Basic ${Buffer.from(USER).toString('base64')}`,
        'Basic !!!not-base64!!!',
        'Basic',
        `Bearer ${PASSWORD}`,
        `basic ${'A'.repeat(8_000)}`,
      ];
      for (const authorization of wrong) {
        const res = await fetch(`${base}/metrics`, {
          headers: authorization === undefined ? {} : { authorization },
        });
        assert.equal(res.status, 401, String(authorization).slice(0, 40));
        assert.match(res.headers.get('www-authenticate') ?? '', /^Basic realm=/);
        assert.doesNotMatch(await res.text(), /otelkit_|s3cret/, 'nothing leaks in the 401 body');
      }
      assert.equal((await fetch(`${base}/livez`)).status, 200, 'probes need no credentials');
      await stillServing();
    }),
  );
});

describe('operator actions against the observability server (through the preload)', () => {
  it(
    'refuses anonymous (401 before any 405), simple and cross-origin operator requests; none acts',
    passes.wrap(async () => {
      const isolate = `${base}/circuit-breakers/payments/isolate`;
      const attempts: Array<{ what: string; init: RequestInit; status: number }> = [
        { what: 'anonymous GET', init: {}, status: 401 },
        { what: 'anonymous DELETE', init: { method: 'DELETE' }, status: 401 },
        {
          what: 'anonymous JSON POST',
          init: { method: 'POST', headers: { 'content-type': 'application/json' } },
          status: 401,
        },
        {
          what: 'authenticated text/plain POST (CSRF)',
          init: { method: 'POST', headers: { ...AUTH, 'content-type': 'text/plain' }, body: 'x' },
          status: 403,
        },
        {
          what: 'authenticated form POST (CSRF)',
          init: {
            method: 'POST',
            headers: { ...AUTH, 'content-type': 'application/x-www-form-urlencoded' },
            body: 'a=b',
          },
          status: 403,
        },
        {
          what: 'authenticated JSON POST from a foreign Origin',
          init: {
            method: 'POST',
            headers: { ...AUTH, 'content-type': 'application/json', origin: 'http://evil.example' },
          },
          status: 403,
        },
        {
          what: 'authenticated POST, Origin: null',
          init: { method: 'POST', headers: { ...AUTH, 'x-requested-by': 'x', origin: 'null' } },
          status: 403,
        },
      ];
      for (const attempt of attempts) {
        const res = await fetch(isolate, attempt.init);
        assert.equal(res.status, attempt.status, attempt.what);
        assert.equal(res.headers.get('allow'), null, `${attempt.what}: no Allow header`);
        await res.text();
      }
      const metrics = (await timedGet(`${base}/metrics`, 5_000, AUTH)).text;
      assert.doesNotMatch(metrics, /otelkit_operator_actions_total\{/, 'no action reached the audit');
      figures.operatorRefused = attempts.length;
      await stillServing();
    }),
  );
});

describe('credential comparison', () => {
  it(
    'runs the same constant-time comparisons on fixed-length digests, whatever is wrong',
    passes.wrap(() => {
      const crypto = createRequire(__filename)('node:crypto') as typeof import('node:crypto');
      const original = crypto.timingSafeEqual;
      const calls: Array<[number, number]> = [];
      crypto.timingSafeEqual = ((a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
        calls.push([a.byteLength, b.byteLength]);
        return original(a, b);
      }) as typeof original;
      try {
        const basic = createAuthenticator({ type: 'basic', username: USER, password: PASSWORD });
        const bearer = createAuthenticator({ type: 'bearer', token: PASSWORD });
        const header = (user: string, password: string) =>
          `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
        const perCase: number[] = [];
        for (const [user, password] of [
          [USER, PASSWORD],
          [USER, 'x'],
          [USER, `${PASSWORD}${'x'.repeat(1000)}`],
          ['x', PASSWORD],
          ['', ''],
          [USER.slice(0, -1), PASSWORD],
          [USER, `${PASSWORD.slice(0, -1)}X`],
        ] as const) {
          const before = calls.length;
          const identity = basic.authenticate(header(user, password));
          assert.equal(identity === undefined, !(user === USER && password === PASSWORD));
          perCase.push(calls.length - before);
        }
        assert.ok(
          perCase.every((n) => n === 2),
          `two comparisons per attempt, whichever part is wrong: ${perCase}`,
        );
        for (const token of [PASSWORD, 'x', PASSWORD.slice(0, -1), `${PASSWORD}x`, 'y'.repeat(10_000)]) {
          const before = calls.length;
          bearer.authenticate(`Bearer ${token}`);
          assert.equal(calls.length - before, 1, `one comparison for a token of ${token.length} chars`);
        }
        assert.ok(
          calls.every(([a, b]) => a === 32 && b === 32),
          'always 32-byte SHA-256 digests: length leaks nothing',
        );
      } finally {
        crypto.timingSafeEqual = original;
      }
    }),
  );
});
