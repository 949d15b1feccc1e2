import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createLogger } from '../../src/logs/logger';
import { isSecretKey, REDACTED, redactString, redactValue } from '../../src/redact/redact';

// Secrets: 12+ characters that cannot occur by chance in the surrounding output.
const secret = fc.stringMatching(/^[A-Za-z0-9]{12,40}$/).map((s) => `S3CR3T${s}`);
const secretKey = fc.constantFrom(
  'password',
  'passwd',
  'secret',
  'token',
  'api_key',
  'apiKey',
  'access_key',
  'private_key',
  'Authorization',
  'cookie',
  'Set-Cookie',
  'db_password',
  'clientSecret',
  'X-Api-Key',
  'refresh_token',
);
const plainKey = fc.constantFrom('user', 'id', 'items', 'meta', 'nested', 'count', 'name');

/** An object with `value` under a secret key somewhere below `depth` levels of plain keys and arrays. */
function nested(value: string): fc.Arbitrary<unknown> {
  return fc
    .tuple(fc.array(fc.tuple(plainKey, fc.boolean()), { maxLength: 6 }), secretKey)
    .map(([path, key]) => {
      let node: unknown = { [key]: value, ok: 'visible' };
      for (const [name, inArray] of path.reverse()) node = inArray ? [1, node] : { [name]: node, other: 2 };
      return node;
    });
}

/** A string with `value` in a bearer/basic header, URL userinfo or a key=value pair. */
function inText(value: string): fc.Arbitrary<string> {
  return fc.constantFrom(
    `Authorization: Bearer ${value}`,
    `auth header was basic ${value} for user`,
    `calling https://admin:${value}@db.internal:5432/app`,
    `redis://${value}@cache:6379`,
    `GET /login?user=bob&password=${value}&x=1`,
    `{"apiKey":"${value}","ok":true}`,
    `token=${value}`,
    `failed with access_key: ${value}`,
  );
}

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
    ]) {
      assert.equal(isSecretKey(key), true, key);
    }
    for (const key of ['user', 'id', 'status', 'path']) assert.equal(isSecretKey(key), false, key);
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

  it('copes with cycles without throwing', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    assert.deepEqual(redactValue(a), { name: 'a', self: '[Circular]' });
  });
});
