import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REDACTED, redactValue } from '../../src/redact/redact';

// The edges of redactValue the logger tests do not reach: flat header lists, error copies and their
// prototypes, and what is returned as is.
describe('redactValue: flat header lists (req.rawHeaders)', () => {
  it('masks the value after a credential header name, which is not read as a name itself', () => {
    assert.deepEqual(redactValue(['Authorization', 'Basic x', 'Accept', 'text/html']), [
      'Authorization',
      REDACTED,
      'Accept',
      'text/html',
    ]);
    assert.deepEqual(redactValue(['Cookie', 'token', 'visible']), ['Cookie', REDACTED, 'visible']);
    assert.deepEqual(redactValue(['x', 'Set-Cookie', 'a', 'Set-Cookie', 'b']), [
      'x',
      'Set-Cookie',
      REDACTED,
      'Set-Cookie',
      REDACTED,
    ]);
  });

  it('reads header names of letters, digits, _ and - up to 64 characters only', () => {
    for (const name of ['AZaz09_-Token', `${'x'.repeat(59)}Token`]) {
      assert.deepEqual(redactValue([name, 'v']), [name, REDACTED], name);
    }
    for (const name of [`${'x'.repeat(60)}Token`, 'my token', 'x.token', 'token:', '']) {
      assert.deepEqual(redactValue([name, 'v']), [name, 'v'], name);
    }
  });

  it('masks only a string after the name, and nothing after a name that ends the list', () => {
    assert.deepEqual(redactValue(['token', 5, 'x']), ['token', 5, 'x']);
    assert.deepEqual(redactValue(['a', 'token']), ['a', 'token']);
    assert.deepEqual(redactValue([7, 'token', 'v']), [7, 'token', REDACTED]);
    // A non-string that looks like a name (an array of one) is no header name.
    assert.deepEqual(redactValue([['token'], 'v']), [['token'], 'v']);
  });
});

describe('redactValue: errors', () => {
  it('gives masked copies of one class one prototype, and a copy of a copy the same one', () => {
    const a = redactValue(new TypeError('a')) as Error;
    const b = redactValue(new TypeError('b')) as Error;
    assert.equal(Object.getPrototypeOf(a), Object.getPrototypeOf(b));
    assert.notEqual(Object.getPrototypeOf(a), Object.getPrototypeOf(redactValue(new RangeError('c'))));
    const again = redactValue(a) as Error;
    assert.equal(Object.getPrototypeOf(again), Object.getPrototypeOf(a));
    assert.deepEqual({ ...again }, { ...a });
    assert.notEqual(Object.getPrototypeOf(a), TypeError.prototype, 'not the class’s own prototype');
    assert.equal(a.constructor, TypeError);
    assert.equal(a.name, 'TypeError');
    assert.ok(a instanceof Error);
  });

  it('reads nothing from the accessors of the error’s class (DOMException’s code checks its receiver)', () => {
    const out = redactValue(new DOMException('aborted', 'AbortError')) as Error & { code?: unknown };
    assert.doesNotThrow(() => out.code);
    assert.equal(out.constructor, DOMException);
    assert.equal(out.name, 'AbortError');
  });

  it('copes with an error whose constructor is not a function', () => {
    const odd = new Error('odd token=t1');
    Object.defineProperty(odd, 'constructor', { value: 'nope' });
    const out = redactValue(odd) as Error;
    assert.equal(Object.getPrototypeOf(out), Error.prototype);
    assert.equal(out.message, `odd token=${REDACTED}`);
  });

  it('keeps the name writable and out of the own enumerable properties', () => {
    const out = redactValue(new SyntaxError('s')) as Error;
    const name = Object.getOwnPropertyDescriptor(out, 'name');
    assert.deepEqual(
      {
        value: name?.value,
        writable: name?.writable,
        enumerable: name?.enumerable,
        configurable: name?.configurable,
      },
      { value: 'SyntaxError', writable: true, enumerable: false, configurable: true },
    );
    const message = Object.getOwnPropertyDescriptor(out, 'message');
    assert.deepEqual(
      { writable: message?.writable, enumerable: message?.enumerable, configurable: message?.configurable },
      { writable: true, enumerable: true, configurable: true },
    );
  });

  it('masks an own property under a credential key even when it is unset, and keeps a falsy cause', () => {
    const error = Object.assign(new Error('e', { cause: 0 }), { token: undefined, n: null });
    error.stack = undefined;
    assert.deepEqual(
      { ...(redactValue(error) as Error) },
      {
        type: 'Error',
        message: 'e',
        token: REDACTED,
        n: null,
        cause: 0,
      },
    );
  });
});

describe('redactValue: values returned as they are', () => {
  it('numbers, booleans, null, undefined, symbols, functions, bigints; typed arrays and ArrayBuffer views', () => {
    const fn = () => 1;
    const symbol = Symbol('s');
    for (const value of [0, 1.5, true, null, undefined, symbol, fn, 10n])
      assert.equal(redactValue(value), value);
    const view = new DataView(new ArrayBuffer(2));
    assert.equal(redactValue(view), view);
    const float = new Float64Array([1]);
    assert.equal((redactValue({ float }) as { float: unknown }).float, float);
  });

  it('copies plain objects and arrays, leaving the input as it was', () => {
    const input = { password: 'p', list: ['token=t1'], nested: { ok: 1 } };
    const out = redactValue(input) as typeof input;
    assert.deepEqual(out, { password: REDACTED, list: [`token=${REDACTED}`], nested: { ok: 1 } });
    assert.deepEqual(input, { password: 'p', list: ['token=t1'], nested: { ok: 1 } });
    assert.notEqual(out.nested, input.nested);
  });

  it('marks a cycle through a Map, an array and an error [Circular], and shares nothing else', () => {
    const map = new Map<string, unknown>();
    map.set('self', map);
    assert.deepEqual(redactValue(map), { self: '[Circular]' });
    const list: unknown[] = [];
    list.push(list);
    assert.deepEqual(redactValue(list), ['[Circular]']);
    const error = new Error('e') as Error & { self?: unknown };
    error.self = error;
    error.stack = undefined;
    assert.deepEqual(
      { ...(redactValue(error) as Error) },
      { type: 'Error', message: 'e', self: '[Circular]' },
    );
    const shared = new Map([['id', 1]]);
    assert.deepEqual(redactValue([shared, shared]), [{ id: 1 }, { id: 1 }]);
  });
});
