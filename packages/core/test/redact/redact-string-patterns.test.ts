import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_REDACT_LENGTH, redactString, truncateForRedaction } from '../../src/redact/redact-string';
import { REDACTED } from '../../src/redact/secret-key';

// Each pattern of redactString, at its edges: every character that ends a token, a userinfo or a value,
// every character class boundary, and the keys that must not match. `R` keeps the expectations short.
const R = REDACTED;

function same(text: string): void {
  assert.equal(redactString(text), text, text);
}

describe('redactString: authorization schemes', () => {
  it('masks the credential after each scheme, in any case, after spaces, a tab, %20 or +', () => {
    for (const scheme of ['Bearer', 'basic', 'TOKEN', 'Digest', 'negotiate']) {
      assert.equal(redactString(`${scheme} abc123`), `${scheme} ${R}`);
      assert.equal(redactString(`${scheme}   abc123`), `${scheme}   ${R}`);
      assert.equal(redactString(`${scheme}\tabc123`), `${scheme}\t${R}`);
      assert.equal(redactString(`${scheme}%20abc123`), `${scheme}%20${R}`);
      assert.equal(redactString(`${scheme}+abc123`), `${scheme}+${R}`);
    }
  });

  it('ends the credential at whitespace, , ; quotes < > & ) ] }', () => {
    for (const stop of [' ', '\n', ',', ';', '"', "'", '<', '>', '&', ')', ']', '}']) {
      assert.equal(redactString(`Bearer abc${stop}rest`), `Bearer ${R}${stop}rest`, JSON.stringify(stop));
    }
    assert.equal(redactString('Bearer a.b-c_d~e/f+g=h'), `Bearer ${R}`);
  });

  it('starts a scheme only at the start of a word', () => {
    same('xbearer abc123');
    same('subtoken abc123');
    same('Bearer');
  });
});

describe('redactString: URL userinfo', () => {
  it('masks the whole userinfo of any scheme (letters, digits, + . -), any case', () => {
    assert.equal(redactString('git+ssh://u:p@host/x'), `git+ssh://${R}@host/x`);
    assert.equal(redactString('s3.x-y9://key-id@bucket'), `s3.x-y9://${R}@bucket`);
    assert.equal(redactString('HTTPS://Admin:Pw@Host'), `HTTPS://${R}@Host`);
    assert.equal(redactString('at (postgres://u:p@db)'), `at (postgres://${R}@db)`);
    assert.equal(redactString('https://@host'), `https://${R}@host`);
  });

  it('does not take a path, query, fragment, space, quote or bracket for userinfo', () => {
    for (const stop of ['/', '?', '#', ' ', '"', "'", '<', '>']) {
      same(`https://host${stop}a@b`);
    }
    assert.equal(redactString('https://a@b@c'), `https://${R}@b@c`);
  });
});

describe('redactString: bare JSON Web Tokens', () => {
  const jwt = 'eyJAZaz09_-.eyJAZaz09_-.AZaz09_-';

  it('masks the whole token, every character class in each of its three parts', () => {
    assert.equal(redactString(`got ${jwt} end`), `got ${R} end`);
    assert.equal(redactString(jwt), R);
    assert.equal(redactString(`(${jwt})`), `(${R})`);
    assert.equal(redactString('.eyJ.eyJ.'), `.${R}`);
  });

  it('only at the start of a word', () => {
    for (const before of ['A', 'Z', 'a', 'z', '0', '9', '_', '-']) same(`${before}${jwt}`);
  });
});

describe('redactString: key=value pairs', () => {
  it('reads the key with letters, digits, _ . - and stops at anything else', () => {
    // Not credential keys: read whole, they are not `key`.
    for (const key of ['akey', 'zkey', 'Akey', 'Zkey', '0key', '9key', 'x_key', 'x.key', 'x-key']) {
      same(`${key}=v1`);
    }
    // The character before `key` is not part of the key, so this is the credential key `key`.
    for (const before of ['@', '[', '`', '{', '/', '~', ' ', '(', 'é']) {
      assert.equal(redactString(`${before}key=v1`), `${before}key=${R}`, before);
    }
    assert.equal(redactString('db.password=pw'), `db.password=${R}`);
    assert.equal(redactString('X-API-KEY: k9'), `X-API-KEY: ${R}`);
  });

  it('reads a key of up to 64 characters before the separator', () => {
    const key64 = `${'a'.repeat(59)}token`;
    assert.equal(key64.length, 64);
    assert.equal(redactString(`${key64}=v1`), `${key64}=${R}`);
    // 65 characters: only the last 64 are read as the key.
    assert.equal(redactString(`b${key64}=v1`), `b${key64}=${R}`);
    assert.equal(redactString(`token${'a'.repeat(59)}=v1`), `token${'a'.repeat(59)}=${R}`);
    same(`token${'a'.repeat(60)}=v1`);
  });

  it('allows up to 8 blanks (spaces or tabs) between key and separator, and after it', () => {
    assert.equal(redactString(`password${' '.repeat(8)}= pw`), `password${' '.repeat(8)}= ${R}`);
    assert.equal(redactString('password \t = pw'), `password \t = ${R}`);
    same(`password${' '.repeat(9)}= pw`);
    assert.equal(redactString(`password=${' '.repeat(8)}pw`), `password=${' '.repeat(8)}${R}`);
    assert.equal(redactString('password=\tpw'), `password=\t${R}`);
    // Past 8 blanks the rest of the run is read as part of the value.
    assert.equal(redactString(`password=${' '.repeat(9)}pw`), `password=${' '.repeat(8)}${R}`);
    assert.equal(redactString('"token" : "t1"'), `"token" : "${R}"`);
    assert.equal(redactString("'token':'t1'"), `'token':'${R}'`);
  });

  it('ends an unquoted value at & , ; quotes < > and line ends', () => {
    for (const stop of ['&', ',', ';', '"', "'", '<', '>', '\n', '\r']) {
      assert.equal(redactString(`password=pw${stop}rest`), `password=${R}${stop}rest`, JSON.stringify(stop));
    }
    assert.equal(redactString('password=a)b]c}d/e=f:g'), `password=${R}`);
  });

  it('takes several words, up to a stop, the next key= or key:, or the end', () => {
    assert.equal(redactString('secret: one   two three'), `secret: ${R}`);
    assert.equal(redactString('secret: one two  '), `secret: ${R}  `);
    assert.equal(redactString('secret: one two , x'), `secret: ${R} , x`);
    assert.equal(redactString('secret: one two\tuser: bob'), `secret: ${R}\tuser: bob`);
    assert.equal(redactString('secret: one two user=bob'), `secret: ${R} user=bob`);
    // `=b` has no key, `x_` no separator: not the next pair.
    assert.equal(redactString('secret: a =b c'), `secret: ${R}`);
    assert.equal(redactString('secret: a x_ c'), `secret: ${R}`);
    // A 64-character key starts the next pair; a 65-character run does not.
    const key64 = 'k'.repeat(64);
    assert.equal(redactString(`secret: a ${key64}=1`), `secret: ${R} ${key64}=1`);
    assert.equal(redactString(`secret: a k${key64}=1`), `secret: ${R}`);
  });

  it('ends a quoted value at its quote or a line end (backslash escapes), or at the end of the text', () => {
    assert.equal(redactString('password="a b"c'), `password="${R}"c`);
    assert.equal(redactString("password='a\"b' c"), `password='${R}' c`);
    assert.equal(redactString('password="ab\ncd"'), `password="${R}\ncd"`);
    assert.equal(redactString('password="ab\rcd"'), `password="${R}\rcd"`);
    assert.equal(redactString('password="ab'), `password="${R}`);
    assert.equal(redactString('password="ab\\'), `password="${R}`);
    assert.equal(redactString('password="a\\"b\\\\" next=1'), `password="${R}" next=1`);
  });

  it('leaves empty and already masked values, and a separator at the very end', () => {
    same('password=&user=bob');
    same('password=""');
    same('password=');
    same('password=   ');
    same(`password=${R} token=REDACTED`);
  });

  it('masks every pair in one pass, never reading a masked value as the next key', () => {
    assert.equal(redactString('password=key=x'), `password=${R}`);
    assert.equal(redactString('password="token":x'), `password="${R}":x`);
    assert.equal(redactString('secret: a token: b'), `secret: ${R} token: ${R}`);
    assert.equal(
      redactString('{"token":"t1","user":"bob","apiKey":"k2"}'),
      `{"token":"${R}","user":"bob","apiKey":"${R}"}`,
    );
    assert.equal(redactString('a=1&pwd=p&b=2&sig=s'), `a=1&pwd=${R}&b=2&sig=${R}`);
    same('time 10:30, ratio=0.5');
  });

  it('combines the patterns: scheme, userinfo, JWT and pairs in one string', () => {
    assert.equal(
      redactString('Bearer b1 https://u:p@h eyJa.eyJb.c token=t1'),
      `Bearer ${R} https://${R}@h ${R} token=${R}`,
    );
  });
});

describe('redactString: the length cap', () => {
  it('keeps text of exactly the cap whole, cuts one character more', () => {
    const exact = `password=pw&${'x'.repeat(MAX_REDACT_LENGTH - 12)}`;
    assert.equal(exact.length, MAX_REDACT_LENGTH);
    assert.ok(truncateForRedaction(exact) === exact);
    assert.ok(redactString(exact) === `password=${R}&${'x'.repeat(MAX_REDACT_LENGTH - 12)}`);
    const over = `${exact}y`;
    const kept = MAX_REDACT_LENGTH - 40;
    const marker = `...[truncated ${over.length - kept} chars]`;
    assert.equal(marker, '...[truncated 41 chars]');
    assert.ok(truncateForRedaction(over) === `${over.slice(0, kept)}${marker}`);
    assert.ok(redactString(over) === `password=${R}&${'x'.repeat(kept - 12)}${marker}`);
  });

  it('masks the userinfo the cut separated from its @, and only that', () => {
    const kept = MAX_REDACT_LENGTH - 40;
    const marker = '...[truncated 100 chars]';
    const pad = (head: string) => '-'.repeat(kept - head.length);
    // `head` ends where the cut falls; the kept text is expected to read `want` there.
    const check = (head: string, want: string) => {
      const out = redactString(`${pad(head)}${head}${'z'.repeat(100)}`);
      assert.ok(out === `${pad(head)}${want}${marker}`, `${JSON.stringify(head)}: ${out.slice(-70)}`);
    };
    // The cut falls inside the userinfo (the z run continues it): masked to the end.
    check('see https://admin:pw', `see https://${R}`);
    check('see https://u:p@ho', `see https://${R}@ho`);
    // The cut falls after the userinfo, in the host, path, query, fragment, or after a quote, bracket
    // or blank: nothing to mask, the kept text stays as it is.
    for (const stop of ['/', '?', '#', ' ', '"', "'", '<', '>', '\t']) {
      check(`see https://host${stop}abc`, `see https://host${stop}abc`);
    }
    // The kept text starts with the `://` of a cut scheme: the rest is that URL's userinfo.
    const bare = redactString(`://${'u'.repeat(MAX_REDACT_LENGTH)}`);
    assert.ok(bare.startsWith(`://${R}...[truncated `), bare.slice(0, 40));
    // No scheme in the kept text: nothing to mask.
    check('see admin:pw', 'see admin:pw');
  });
});
