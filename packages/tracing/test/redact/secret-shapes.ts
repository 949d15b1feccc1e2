import fc from 'fast-check';

// Generators shared by the redaction properties (the masking functions and the exported OTLP logs).

// Secrets: 12+ characters that cannot occur by chance in the surrounding output.
export const secret = fc.stringMatching(/^[A-Za-z0-9]{12,40}$/).map((s) => `S3CR3T${s}`);
export const secretKey = fc.constantFrom(
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
export const plainKey = fc.constantFrom('user', 'id', 'items', 'meta', 'nested', 'count', 'name');

/** An object with `value` under a secret key somewhere below `depth` levels of plain keys and arrays. */
export function nested(value: string): fc.Arbitrary<unknown> {
  return fc
    .tuple(fc.array(fc.tuple(plainKey, fc.boolean()), { maxLength: 6 }), secretKey)
    .map(([path, key]) => {
      let node: unknown = { [key]: value, ok: 'visible' };
      for (const [name, inArray] of path.reverse()) node = inArray ? [1, node] : { [name]: node, other: 2 };
      return node;
    });
}

/** A bare JSON Web Token carrying `value` in its signature. */
export function jwt(value: string): string {
  return `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib2IifQ.${value}`;
}

/** A string with `value` in a bearer/basic header, URL userinfo, a JWT or a key=value pair. */
export function inText(value: string): fc.Arbitrary<string> {
  return fc.constantFrom(
    `password='${value}' for bob`,
    `password="${value}", next`,
    `secret: correct horse ${value} staple`,
    `pass=${value} user=bob`,
    `auth: ${value}`,
    `?sig=${value}&x=1`,
    `key=${value}`,
    `session started with ${jwt(value)} ok`,
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
