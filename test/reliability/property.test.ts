import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { context, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { isOtelkitError, parseInteger, parseKeyValueList, resolveConfig } from '@otelkit/core/internal';
import {
  getCorrelationId,
  isValidCorrelationId,
  REDACTED,
  redactString,
  redactValue,
  resolveTracingConfig,
  withCorrelation,
} from '@otelkit/tracing';
import fc from 'fast-check';
import { correlationIdFrom } from '../../packages/tracing/src/correlation/context';
import { VARIABLES } from './helpers/config-matrix';
import { LONG } from './helpers/profile';
import { recordResult } from './helpers/results';

const RUNS = LONG ? 50_000 : 300;
const SAFE_ID = /^[A-Za-z0-9._:~-]{1,128}$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for raw control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const started = Date.now();
let properties = 0;

/** Any string, including control characters, lone surrogates and very long ones. */
const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.string({ maxLength: 16 }).map((s) => s.repeat(500)),
  fc.constantFrom('', ' ', '-1', '0', '1e3', '0x10', 'NaN', 'Infinity', '99999999999999999', 'true', 'none'),
  fc.integer().map(String),
);

function check<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => void): void {
  properties++;
  fc.assert(fc.property(arb, predicate), { numRuns: RUNS });
}

function assertOneLineRefusal(error: unknown, names: readonly string[]): void {
  assert.ok(isOtelkitError(error), `only OtelkitError is thrown, got ${String(error)}`);
  assert.equal(error.code, 'OTELKIT_ERR_INVALID_CONFIG');
  assert.ok(!CONTROL_CHARS.test(error.message), 'one line, control characters escaped');
  assert.ok(error.message.length < 600, 'bounded');
  assert.ok(
    names.some((n) => error.message.includes(`${n}=`)),
    `names a variable: ${error.message}`,
  );
}

describe('property: the configuration parser', () => {
  it('parseInteger returns an in-bounds integer equal to the text, or refuses in one line naming the setting', () => {
    check(
      fc.tuple(hostileString, fc.integer({ min: -10, max: 10 }), fc.integer({ min: 0, max: 1e9 })),
      ([raw, min, span]) => {
        const bounds = { min, max: min + span };
        try {
          const value = parseInteger('SETTING', raw, bounds);
          assert.ok(Number.isInteger(value) && value >= bounds.min && value <= bounds.max);
          assert.equal(value, Number(raw.trim()));
        } catch (error) {
          assertOneLineRefusal(error, ['SETTING']);
        }
      },
    );
  });

  it('any environment of known variables with any values resolves, or refuses in one line naming a set variable (or the partner it needs)', () => {
    const names = VARIABLES.map((v) => v.name);
    const env = fc.dictionary(fc.constantFrom(...names), hostileString, { maxKeys: 6 });
    check(env, (e) => {
      try {
        resolveConfig({}, e);
        resolveTracingConfig({}, e);
      } catch (error) {
        // A variable that needs a partner (a TLS key file without its certificate) may name the missing one.
        const partners = Object.keys(e).flatMap((n) =>
          Object.keys(VARIABLES.find((v) => v.name === n)?.with ?? {}),
        );
        assertOneLineRefusal(error, [...Object.keys(e), ...partners]);
      }
    });
  });

  it('key=value lists round-trip any percent-encoded values', () => {
    const key = fc.stringMatching(/^[a-z][a-z0-9._-]{0,20}$/);
    check(fc.dictionary(key, fc.string({ unit: 'grapheme', maxLength: 40 }), { maxKeys: 8 }), (pairs) => {
      const raw = Object.entries(pairs)
        .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
        .join(',');
      assert.deepEqual(parseKeyValueList('OTEL_RESOURCE_ATTRIBUTES', raw), { ...pairs });
    });
  });
});

describe('property: the header and baggage sanitisers', () => {
  const tracecontext = new W3CTraceContextPropagator();
  const baggage = new W3CBaggagePropagator();

  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());

  it('a correlation ID is only ever accepted when it is safe to log and to put in a header', () => {
    check(hostileString, (value) => {
      if (isValidCorrelationId(value)) assert.match(value, SAFE_ID);
      const seen = withCorrelation({ id: value }, () => getCorrelationId());
      assert.ok(seen !== undefined && SAFE_ID.test(seen));
      assert.equal(seen === value, isValidCorrelationId(value));
    });
  });

  it('any incoming baggage header yields no correlation ID or a safe one', () => {
    const header = fc.oneof(
      hostileString,
      hostileString.map((v) => `correlation.id=${v}`),
      hostileString.map((v) => `correlation.id=${encodeURIComponent(v)},k=v`),
    );
    check(header, (value) => {
      const ctx = baggage.extract(
        ROOT_CONTEXT,
        { baggage: value },
        { get: (c, k) => c[k], keys: (c) => Object.keys(c) },
      );
      const id = correlationIdFrom(ctx);
      assert.ok(id === undefined || SAFE_ID.test(id), String(id));
    });
  });

  it('any incoming traceparent yields no parent or a valid one', () => {
    const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-fA-F]{${n}}$`));
    const header = fc.oneof(
      hostileString,
      fc
        .tuple(hex(2), hex(32), hex(16), hex(2), fc.constantFrom('', '-x', '-00', `-${'a'.repeat(300)}`))
        .map(([v, t, s, f, rest]) => `${v}-${t}-${s}-${f}${rest}`),
    );
    check(header, (value) => {
      const ctx = tracecontext.extract(
        ROOT_CONTEXT,
        { traceparent: value, tracestate: value },
        { get: (c, k) => c[k], keys: (c) => Object.keys(c) },
      );
      const sc = trace.getSpanContext(ctx);
      if (sc !== undefined) {
        assert.ok(trace.isSpanContextValid(sc), JSON.stringify(sc));
        assert.match(sc.traceId, /^[0-9a-f]{32}$/);
        assert.match(sc.spanId, /^[0-9a-f]{16}$/);
      }
    });
  });
});

describe('property: the redactor', () => {
  const secret = fc.stringMatching(/^[A-Za-z0-9]{8,40}$/).map((s) => `Zq${s}`);
  const filler = fc.string({ maxLength: 40 }).map((s) => s.replace(/[A-Za-z0-9]/g, ' '));

  it('masks credentials in free text wherever they appear (also quoted, multi-word, short keys, JWTs)', () => {
    const templates = [
      (s: string) => `password=${s}`,
      (s: string) => `Authorization: Bearer ${s}`,
      (s: string) => `basic ${s}`,
      (s: string) => `https://user:${s}@example.com/x`,
      (s: string) => `GET /x?api_key=${s}&page=2`,
      (s: string) => `{"client_secret": "${s}"}`,
      (s: string) => `db_password: ${s}`,
      (s: string) => `password='quoted ${s}'`,
      (s: string) => `secret: correct horse ${s} staple`,
      (s: string) => `pass=${s}`,
      (s: string) => `auth: ${s}`,
      (s: string) => `?sig=${s}&key=${s}`,
      (s: string) => `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.${s}`,
    ];
    check(
      fc.tuple(secret, filler, filler, fc.integer({ min: 0, max: templates.length - 1 })),
      ([s, before, after, t]) => {
        const masked = redactString(`${before} ${templates[t]!(s)} ${after}`);
        assert.ok(!masked.includes(s), masked);
        assert.ok(masked.includes(REDACTED));
      },
    );
  });

  it('masks credential-named keys at any depth and never throws, mutates its input or changes on a second pass', () => {
    const key = fc.constantFrom(
      'password',
      'apiKey',
      'X-Api-Key',
      'client_secret',
      'refreshToken',
      'authorization',
      'Cookie',
    );
    check(
      fc.tuple(fc.anything({ maxDepth: 4 }), key, secret, fc.integer({ min: 0, max: 6 })),
      ([noise, k, s, depth]) => {
        let value: unknown = { [k]: s };
        for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { nested: value, noise } : [noise, value];
        const copy = structuredClone(value);
        const once = redactValue(value);
        assert.deepEqual(value, copy, 'input untouched');
        assert.ok(
          !JSON.stringify(once, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)).includes(s),
        );
        assert.deepEqual(redactValue(once), once, 'idempotent');
      },
    );
    check(fc.anything(), (value) => {
      assert.doesNotThrow(() => redactValue(value));
    });
  });
});

describe('property runs', () => {
  it('recorded', () => {
    assert.ok(properties >= 9);
    recordResult({
      id: 'property',
      what: 'fast-check: config parser, correlation/baggage/traceparent sanitisers, redactor',
      durationS: Math.round((Date.now() - started) / 100) / 10,
      load: `${properties} properties × ${RUNS} runs`,
      held: 'no counterexample',
      dataLost: 0,
    });
  });
});
