import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_REDACT_LENGTH, redactString, truncateForRedaction } from '../../src/redact/redact-string';
import { REDACTED } from '../../src/redact/secret-key';

describe('redactString', () => {
  it('cuts text over the cap to at most the cap, with a marker naming what was dropped, before scanning', () => {
    const text = `password=hunter2 ${'x'.repeat(MAX_REDACT_LENGTH * 4)}`;
    const out = redactString(text);
    assert.ok(out.length <= MAX_REDACT_LENGTH, String(out.length));
    assert.match(out, /\.\.\.\[truncated \d+ chars\]$/);
    const dropped = Number(/truncated (\d+) chars/.exec(out)![1]);
    assert.ok(out.startsWith(`password=${REDACTED}...[truncated`), out.slice(0, 80));
    assert.equal(dropped, text.length - (MAX_REDACT_LENGTH - 40));
    const cut = truncateForRedaction(text);
    assert.ok(cut.length <= MAX_REDACT_LENGTH, String(cut.length));
    assert.equal(truncateForRedaction(cut), cut, 'cutting twice changes nothing');
    assert.equal(redactString('short password=x'), `short password=${REDACTED}`);
  });

  it('masks a URL password that the cut separates from its @', () => {
    const filler = 'x '.repeat((MAX_REDACT_LENGTH - 40 - 30) / 2);
    const out = redactString(`${filler}see postgres://admin:S3cretDbPass0123456789@db/x ${'y'.repeat(100)}`);
    assert.match(out, /\.\.\.\[truncated \d+ chars\]$/);
    assert.ok(!out.includes('S3cret'), out.slice(-80));
  });

  it('masks quoted and multi-word values up to the next pair, and keeps masked values as they are', () => {
    assert.equal(redactString(`a password='x y' b=1`), `a password='${REDACTED}' b=1`);
    assert.equal(redactString('{"token":"a\\"b","ok":true}'), `{"token":"${REDACTED}","ok":true}`);
    assert.equal(redactString('secret: one two three user=bob'), `secret: ${REDACTED} user=bob`);
    assert.equal(redactString(`sig=REDACTED&key=${REDACTED}`), `sig=REDACTED&key=${REDACTED}`);
    assert.equal(redactString('monkey=banana cacheKey=users:42'), 'monkey=banana cacheKey=users:42');
  });
});
