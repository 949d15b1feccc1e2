import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createLogger } from '../../src/logs/logger';
import { isSecretKey, REDACTED, redactString, redactValue } from '../../src/redact/redact';
import { inText, jwt, nested, secret } from './secret-shapes';

function capture(): { stream: Writable; text: () => string } {
  let out = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      out += chunk.toString('utf8');
      cb();
    },
  });
  return { stream, text: () => out };
}

describe('redaction', () => {
  it('recognises credential keys in any spelling', () => {
    for (const key of [
      'password',
      'PASSWD',
      'api_key',
      'apiKey',
      'x-api-key',
      'private_key',
      'accessKey',
      'set-cookie',
      'pass',
      'auth',
      'sig',
      'key',
      'X-Auth-Token',
      'X-Amz-Signature',
    ]) {
      assert.equal(isSecretKey(key), true, key);
    }
    for (const key of ['user', 'id', 'status', 'path']) assert.equal(isSecretKey(key), false, key);
  });

  it('recognises each credential fragment inside a longer key, ignoring case, - _ . and spaces', () => {
    for (const fragment of [
      'password',
      'passwd',
      'passphrase',
      'pwd',
      'secret',
      'token',
      'apikey',
      'accesskey',
      'privatekey',
      'authorization',
      'cookie',
      'credential',
      'session',
      'signature',
      'jwt',
    ]) {
      assert.equal(isSecretKey(`db_${fragment.toUpperCase()}_value`), true, fragment);
    }
    for (const key of [
      'api-key',
      'api_key',
      'api.key',
      'api key',
      'x-api-key',
      'a_p-i.k e_y',
      'PASS',
      'Auth',
      'SIG',
      'k-e-y',
    ]) {
      assert.equal(isSecretKey(key), true, key);
    }
    // pass, auth, sig and key only as the whole key.
    for (const key of ['passage', 'author', 'signal', 'keys', 'monkey', 'x_sig', 'authority']) {
      assert.equal(isSecretKey(key), false, key);
    }
  });

  it('keeps ordinary text and values unchanged', () => {
    assert.equal(redactString('GET /users/42 took 12 ms'), 'GET /users/42 took 12 ms');
    assert.deepEqual(redactValue({ a: 1, b: ['x', { c: true }] }), { a: 1, b: ['x', { c: true }] });
  });

  it('masks a secret under a credential key at any depth (property)', () => {
    fc.assert(
      fc.property(
        secret.chain((s) => nested(s).map((obj) => [s, obj] as const)),
        ([s, obj]) => {
          const out = JSON.stringify(redactValue(obj));
          assert.ok(!out.includes(s), out);
          assert.ok(out.includes(REDACTED));
          assert.ok(out.includes('visible'));
        },
      ),
    );
  });

  it('masks secret keys inside a Map, also a Map nested in an object, and keeps its other entries', () => {
    const headers = new Map<string, unknown>([
      ['Authorization', 'Bearer-less-opaque-value'],
      ['x-api-key', 'k-123456'],
      ['accept', 'application/json'],
      ['nested', new Map([['password', 'hunter2']])],
    ]);
    assert.deepEqual(redactValue({ request: { headers } }), {
      request: {
        headers: {
          Authorization: REDACTED,
          'x-api-key': REDACTED,
          accept: 'application/json',
          nested: { password: REDACTED },
        },
      },
    });
  });

  it('masks bearer/basic tokens, URL userinfo and key=value secrets inside strings (property)', () => {
    fc.assert(
      fc.property(
        secret.chain((s) => inText(s).map((text) => [s, text] as const)),
        ([s, text]) => {
          const out = redactString(text);
          assert.ok(!out.includes(s), out);
        },
      ),
    );
  });

  it('lets no generated secret reach a log line: fields, message, errors and child bindings (property)', () => {
    fc.assert(
      fc.property(
        secret.chain((s) => fc.tuple(fc.constant(s), nested(s), inText(s))),
        ([s, obj, text]) => {
          const { stream, text: output } = capture();
          const log = createLogger({ name: 'prop', destination: stream });
          log.info(obj as object, text);
          log.error(new Error(text), 'failed');
          log.child({ session_token: s }).warn({ err: new Error(`db ${text}`) }, 'child');
          log.info(`plain message ${text}`);
          const out = output();
          assert.ok(out.split('\n').filter(Boolean).length === 4, out);
          assert.ok(!out.includes(s), out);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('masks quoted values, whole multi-word values, pass/auth/sig/key and bare JWTs in log lines', () => {
    const { stream, text } = capture();
    const log = createLogger({ name: 'gaps', destination: stream });
    log.info(`login password='Quoted Secret1' user=bob`);
    log.info('config secret: correct horse battery Staple2');
    log.info('pass=Pass3 auth=Auth4 sig=Sig5 key=Key6 monkey=banana');
    log.info(`token found: ${jwt('Jwt7Signature')}`);
    log.info(`bare ${jwt('Jwt8Signature')} in text`);
    const out = text();
    for (const s of ['Quoted', 'Secret1', 'horse', 'battery', 'Staple2', 'Pass3', 'Auth4', 'Sig5', 'Key6'])
      assert.ok(!out.includes(s), `${s} in ${out}`);
    for (const s of ['Jwt7Signature', 'Jwt8Signature', 'eyJzdWIiOiJib2IifQ'])
      assert.ok(!out.includes(s), `${s} in ${out}`);
    assert.match(out, /user=bob/);
    assert.match(out, /monkey=banana/);
    assert.equal(isSecretKey('cacheKey'), false);
    assert.equal(isSecretKey('author'), false);
  });

  it('masks cookie, X-Api-Key and X-Auth-Token values when an app logs req.rawHeaders', async () => {
    const { stream, text } = capture();
    const log = createLogger({ name: 'raw', destination: stream });
    const server = createServer((req, res) => {
      log.info({ rawHeaders: req.rawHeaders }, 'request');
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await new Promise<void>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            agent: false,
            headers: {
              Cookie: 'sid=Cookie9',
              'X-Api-Key': 'ApiKey10',
              'X-Auth-Token': 'AuthToken11',
              'X-Trace': 'visible',
            },
          },
          (res) => res.resume().on('end', resolve),
        );
        req.on('error', reject);
        req.end();
      });
    } finally {
      server.close();
    }
    const out = text();
    for (const s of ['Cookie9', 'ApiKey10', 'AuthToken11']) assert.ok(!out.includes(s), `${s} in ${out}`);
    assert.match(out, /"X-Trace","visible"/);
  });

  it('keeps the type name of a logged Error (TypeError, not Object), also when it is the err field', () => {
    const { stream, text } = capture();
    const log = createLogger({ name: 'errors', destination: stream });
    log.error({ err: new TypeError('bad input password=Err12') }, 'failed');
    log.error(new RangeError('out of range'));
    const [first, second] = text()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { err?: { type?: string; message?: string } });
    assert.equal(first?.err?.type, 'TypeError');
    assert.equal(first?.err?.message, `bad input password=${REDACTED}`);
    assert.equal(second?.err?.type, 'RangeError');
    assert.ok(!text().includes('Err12'));
  });

  it('logs an error whose class has receiver-checking accessors (DOMException from an aborted fetch) without throwing', () => {
    const { stream, text } = capture();
    const log = createLogger({ name: 'dom', destination: stream });
    assert.doesNotThrow(() =>
      log.error({ err: new DOMException('aborted token=Dom13', 'AbortError') }, 'request aborted'),
    );
    const line = JSON.parse(text()) as { err?: { type?: string; message?: string } };
    assert.equal(line.err?.type, 'DOMException');
    assert.equal(line.err?.message, `aborted token=${REDACTED}`);
  });

  it('copes with cycles without throwing', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    assert.deepEqual(redactValue(a), { name: 'a', self: '[Circular]' });
  });
});

describe('redaction, exact output', () => {
  it('replaces only the credential in strings, with [REDACTED], keeping the scheme, separator and key', () => {
    assert.equal(REDACTED, '[REDACTED]');
    assert.equal(
      redactString('Authorization Bearer abc.def-ghi, next'),
      'Authorization Bearer [REDACTED], next',
    );
    assert.equal(redactString('basic  dXNlcjpwYXNz;'), 'basic  [REDACTED];');
    assert.equal(redactString('token%20abc123&x=1'), 'token%20[REDACTED]&x=1');
    assert.equal(redactString('see https://admin:pw@db/x'), 'see https://[REDACTED]@db/x');
    assert.equal(redactString('x://tok@host'), 'x://[REDACTED]@host');
    assert.equal(redactString('?user=bob&api_key=k-1&page=2'), '?user=bob&api_key=[REDACTED]&page=2');
    assert.equal(redactString('{"password": "hunter2"}'), '{"password": "[REDACTED]"}');
    assert.equal(redactString('ratio=0.5 at 10:30'), 'ratio=0.5 at 10:30');
  });

  it('masks strings under ordinary keys, credential keys unless unset, and keeps Dates and Buffers', () => {
    const at = new Date(0);
    const bytes = Buffer.from('password=raw');
    const out = redactValue({
      note: 'Bearer abc',
      password: 'x',
      token: undefined,
      secret: null,
      at,
      bytes,
      view: new Uint8Array([1]),
    }) as Record<string, unknown>;
    assert.deepEqual(out, {
      note: 'Bearer [REDACTED]',
      password: REDACTED,
      token: undefined,
      secret: null,
      at,
      bytes,
      view: new Uint8Array([1]),
    });
    assert.equal(out.at, at);
    assert.equal(out.bytes, bytes);
    assert.equal(redactValue('password=x'), 'password=[REDACTED]');
  });

  it('gives an Error as type, masked message and stack, own properties and cause', () => {
    const cause = new Error('db password=p1');
    const error = Object.assign(new TypeError('login token=t1', { cause }), { apiKey: 'k', code: 'E1' });
    error.stack = 'TypeError: login token=t1\n    at x';
    cause.stack = undefined;
    const out = redactValue(error) as Error & { cause: object };
    assert.ok(out instanceof Error, 'an Error stays an Error');
    assert.equal(out.constructor.name, 'TypeError', 'of its class, for serializers');
    assert.deepEqual(
      { ...out, cause: { ...out.cause } },
      {
        type: 'TypeError',
        message: 'login token=[REDACTED]',
        stack: 'TypeError: login token=[REDACTED]\n    at x',
        apiKey: REDACTED,
        code: 'E1',
        cause: { type: 'Error', message: 'db password=[REDACTED]' },
      },
    );
    const bare = new Error('plain');
    bare.stack = undefined;
    assert.deepEqual({ ...(redactValue(bare) as Error) }, { type: 'Error', message: 'plain' });
  });

  it('truncates below depth 10 through objects, arrays, Maps, Errors and causes, and only there', () => {
    const wrap = (depth: number, make: (inner: unknown) => unknown): unknown => {
      let node: unknown = 'leaf';
      for (let i = 0; i < depth; i++) node = make(node);
      return node;
    };
    const unwrap = (value: unknown, depth: number, take: (outer: unknown) => unknown): unknown => {
      let node = value;
      for (let i = 0; i < depth; i++) node = take(node);
      return node;
    };
    const kinds: [string, (inner: unknown) => unknown, (outer: unknown) => unknown][] = [
      ['object', (inner) => ({ k: inner }), (outer) => (outer as { k: unknown }).k],
      ['array', (inner) => [inner], (outer) => (outer as unknown[])[0]],
      ['map', (inner) => new Map([['k', inner]]), (outer) => (outer as { k: unknown }).k],
      [
        'error',
        (inner) => Object.assign(new Error('e'), { k: inner }),
        (outer) => (outer as { k: unknown }).k,
      ],
      ['cause', (inner) => new Error('e', { cause: inner }), (outer) => (outer as { cause: unknown }).cause],
    ];
    for (const [kind, make, take] of kinds) {
      // 10 containers: the 10th sits at depth 9 and is still read; its content is a string, returned as is
      assert.equal(unwrap(redactValue(wrap(10, make)), 10, take), 'leaf', kind);
      // 11 containers: the 11th sits at depth 10 and is cut off
      assert.equal(unwrap(redactValue(wrap(11, make)), 10, take), '[Truncated]', kind);
    }
  });

  it('marks a cycle [Circular] but copies an object referenced twice without a cycle', () => {
    const shared = { id: 1 };
    assert.deepEqual(redactValue({ a: shared, b: shared, list: [shared, shared] }), {
      a: { id: 1 },
      b: { id: 1 },
      list: [{ id: 1 }, { id: 1 }],
    });
  });
});
