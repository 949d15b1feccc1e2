import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkInteger,
  hideListValues,
  hideUserinfo,
  parseBoolean,
  parseEnum,
  parseEnumList,
  parseHost,
  parseInteger,
  parseKeyValueList,
  parseUrl,
  showValue,
} from '../../src/config/parse';

/** The start-up error line `fn` throws (fails when it does not throw). */
function line(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    assert.equal((error as { code?: string }).code, 'OTELKIT_ERR_INVALID_CONFIG');
    return (error as Error).message.replace('OTELKIT_ERR_INVALID_CONFIG: ', '');
  }
  assert.fail('expected an invalid-config error');
}

const bounds = { min: -2, max: 5 };

describe('the parsers of settings values', () => {
  it('integers: base 10 within inclusive bounds, trimmed, nothing else', () => {
    assert.equal(parseInteger('N', ' 5 ', bounds), 5);
    assert.equal(parseInteger('N', '-2', bounds), -2);
    assert.equal(parseInteger('N', '0', bounds), 0);
    assert.equal(
      parseInteger('N', '1234567890123456', { min: 0, max: Number.MAX_SAFE_INTEGER }),
      1234567890123456,
    );
    for (const raw of ['6', '-3', '1e1', '0x1', '5ms', '', '+1', '1.0', '12345678901234567']) {
      assert.equal(
        line(() => parseInteger('N', raw, bounds)),
        `N=${JSON.stringify(raw)} is invalid: expected an integer from -2 to 5`,
      );
    }
    assert.equal(checkInteger('options.n', 5, bounds), 5);
    assert.equal(checkInteger('options.n', -2, bounds), -2);
    for (const value of [6, -3, 1.5, '3', Number.NaN, undefined]) {
      assert.equal(
        line(() => checkInteger('options.n', value, bounds)),
        `options.n=${JSON.stringify(String(value))} is invalid: expected an integer from -2 to 5`,
      );
    }
  });

  it('booleans: true or false in any case; enums: one of the words, in any case', () => {
    assert.equal(parseBoolean('B', ' TRUE '), true);
    assert.equal(parseBoolean('B', 'False'), false);
    assert.equal(
      line(() => parseBoolean('B', 'yes')),
      'B="yes" is invalid: expected true or false',
    );
    assert.equal(
      line(() => parseBoolean('B', '1')),
      'B="1" is invalid: expected true or false',
    );
    assert.equal(parseEnum('E', ' Debug ', ['info', 'debug']), 'debug');
    assert.equal(
      line(() => parseEnum('E', 'loud', ['info', 'debug'])),
      'E="loud" is invalid: expected one of info, debug',
    );
  });

  it('enum lists: trimmed, any case, without empty items or duplicates, never empty', () => {
    const words = ['a', 'b', 'c'] as const;
    assert.deepEqual(parseEnumList('L', ' a, B ,,a,c ', words), ['a', 'b', 'c']);
    assert.deepEqual(parseEnumList('L', 'c', words), ['c']);
    for (const raw of [' , ', 'a,d']) {
      assert.equal(
        line(() => parseEnumList('L', raw, words)),
        `L=${JSON.stringify(raw)} is invalid: expected a comma-separated list of a, b, c`,
      );
    }
  });

  it('key=value lists: trimmed, percent-decoded, split at the first =, empty parts skipped', () => {
    assert.deepEqual(parseKeyValueList('KV', ' a = 1 ,, b=x%20y=z ,'), { a: '1', b: 'x y=z' });
    assert.deepEqual(parseKeyValueList('KV', ''), {});
    assert.deepEqual(parseKeyValueList('KV', 'a=1, ,b=2'), { a: '1', b: '2' });
    const expectPairs = 'expected a comma-separated list of key=value pairs';
    assert.equal(
      line(() => parseKeyValueList('KV', 'a=1,novalue')),
      `KV="a=1,novalue" is invalid: ${expectPairs}`,
    );
    assert.equal(
      line(() => parseKeyValueList('KV', '=v')),
      `KV="=v" is invalid: ${expectPairs}`,
    );
    assert.equal(
      line(() => parseKeyValueList('KV', ' =v')),
      `KV=" =v" is invalid: ${expectPairs}`,
    );
    assert.equal(
      line(() => parseKeyValueList('KV', '=%E0')),
      `KV="=%E0" is invalid: ${expectPairs}`,
    );
    assert.equal(
      line(() => parseKeyValueList('KV', 'a=%E0%A4%A')),
      'KV="a=%E0%A4%A" is invalid: expected percent-encoded values',
    );
  });

  it('header lists: keys must be header names, and no error line shows a value', () => {
    assert.deepEqual(parseKeyValueList('H', 'authorization=Bearer%20t,x-tenant=acme', { headers: true }), {
      authorization: 'Bearer t',
      'x-tenant': 'acme',
    });
    assert.equal(
      line(() => parseKeyValueList('H', 'x-tenant=acme,bad key=s3cret', { headers: true })),
      'H="x-tenant=***,***" is invalid: expected header names as keys (name=value)',
    );
    assert.equal(
      line(() => parseKeyValueList('H', 'Authorization: Bearer s3cret', { headers: true })),
      'H="***" is invalid: expected a comma-separated list of key=value pairs',
    );
    // Resource attributes are not headers: any key.
    assert.deepEqual(parseKeyValueList('KV', 'bad key=visible'), { 'bad key': 'visible' });
  });

  it('hides every value of a header list, and a part without a header name whole', () => {
    assert.equal(hideListValues('authorization=Bearer t, x-tenant = acme'), 'authorization=***,x-tenant=***');
    assert.equal(hideListValues("a!#$%&'*+.^_`|~09AZaz-=v"), "a!#$%&'*+.^_`|~09AZaz-=***");
    assert.equal(hideListValues('=v,Authorization: Bearer t,k'), '***,***,***');
    assert.equal(hideListValues('a=1,, ,b=2'), 'a=***,, ,b=***');
    assert.equal(hideListValues('a(b=1'), '***');
    assert.equal(hideListValues('token'), '***');
  });

  it('URLs: absolute http or https, trimmed; an error line hides the userinfo', () => {
    assert.equal(parseUrl('U', ' http://collector:4318/v1 '), 'http://collector:4318/v1');
    assert.equal(parseUrl('U', 'HTTPS://Collector'), 'https://collector/');
    assert.equal(
      line(() => parseUrl('U', 'ftp://u:s3cret@collector')),
      'U="ftp://***@collector" is invalid: expected an absolute http:// or https:// URL',
    );
    assert.equal(
      line(() => parseUrl('U', 'http://')),
      'U="http://" is invalid: expected an absolute http:// or https:// URL',
    );
    assert.equal(
      line(() => parseUrl('U', 'u:s3cret@collector:4318')),
      'U="***@collector:4318" is invalid: expected an absolute http:// or https:// URL',
    );
  });

  it('hides everything between scheme:// (or the start) and the last @', () => {
    assert.equal(hideUserinfo('http://otel:s3cret@collector:4318'), 'http://***@collector:4318');
    assert.equal(hideUserinfo('https://u:p/w@x@host/a'), 'https://***@host/a');
    assert.equal(hideUserinfo('user:pw@host'), '***@host');
    assert.equal(hideUserinfo('pw@host://x'), '***@host://x');
    assert.equal(hideUserinfo('://@h'), '://***@h');
    assert.equal(hideUserinfo('http://collector'), 'http://collector');
    assert.equal(hideUserinfo('@host'), '***@host');
  });

  it('hosts: names and IP literals up to 253 characters, trimmed', () => {
    for (const host of ['127.0.0.1', '::1', '[::1]', 'fe80::1%eth0', 'My-Host.local', 'a'.repeat(253)]) {
      assert.equal(parseHost('HOST', ` ${host} `), host);
    }
    for (const raw of ['', '  ', 'bad host', 'a/b', 'a_b', 'a'.repeat(254)]) {
      assert.match(
        line(() => parseHost('HOST', raw)),
        /is invalid: expected a host name or IP address$/,
      );
    }
  });

  it('quotes a bad value as JSON, clipped to 80 characters with the full length', () => {
    assert.equal(showValue('a"b\n'), '"a\\"b\\n"');
    assert.equal(showValue(12), '"12"');
    assert.equal(showValue('x'.repeat(80)), JSON.stringify('x'.repeat(80)));
    assert.equal(showValue('x'.repeat(81)), JSON.stringify(`${'x'.repeat(80)}…(81 chars)`));
  });
});
