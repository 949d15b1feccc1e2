import type * as NodeCrypto from 'node:crypto';

import type { ServerAuthOptions } from './options';

/** `node:crypto`, loaded on first use: start-up does not need it. */
let loaded: typeof NodeCrypto | undefined;
const nodeCrypto = (): typeof NodeCrypto => (loaded ??= require('node:crypto') as typeof NodeCrypto);

/** Checks the `Authorization` header of a request against the configured credentials. */
export interface Authenticator {
  /** Value of the `WWW-Authenticate` header sent with 401 responses. */
  readonly challenge: string;
  /** The identity (`basic:<username>` or `bearer`) when the header carries the right credentials. */
  authenticate(authorization: string | undefined): string | undefined;
}

/** SHA-256 digests have a fixed length, so comparing them in constant time leaks neither content nor length. */
function digest(value: string): Buffer {
  return nodeCrypto().createHash('sha256').update(value, 'utf8').digest();
}

/** Splits `Scheme credentials`; the scheme is case-insensitive (RFC 9110 §11.1). */
function credentialsFor(scheme: string, authorization: string | undefined): string | undefined {
  if (authorization === undefined) return undefined;
  const space = authorization.indexOf(' ');
  if (space <= 0 || authorization.slice(0, space).toLowerCase() !== scheme) return undefined;
  const credentials = authorization.slice(space + 1).trim();
  return credentials.length > 0 ? credentials : undefined;
}

function basicAuthenticator(username: string, password: string): Authenticator {
  const expectedUser = digest(username);
  const expectedPassword = digest(password);
  const identity = `basic:${username}`;
  return {
    challenge: 'Basic realm="otelkit", charset="UTF-8"',
    authenticate(authorization) {
      const encoded = credentialsFor('basic', authorization);
      if (encoded === undefined) return undefined;
      const decoded = Buffer.from(encoded, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0) return undefined;
      // Both comparisons always run, so the timing does not tell which part was wrong.
      const userMatches = nodeCrypto().timingSafeEqual(digest(decoded.slice(0, colon)), expectedUser);
      const passwordMatches = nodeCrypto().timingSafeEqual(
        digest(decoded.slice(colon + 1)),
        expectedPassword,
      );
      return userMatches && passwordMatches ? identity : undefined;
    },
  };
}

function bearerAuthenticator(token: string): Authenticator {
  const expected = digest(token);
  return {
    challenge: 'Bearer realm="otelkit"',
    authenticate(authorization) {
      const presented = credentialsFor('bearer', authorization);
      if (presented === undefined) return undefined;
      return nodeCrypto().timingSafeEqual(digest(presented), expected) ? 'bearer' : undefined;
    },
  };
}

/**
 * Builds the credential check for `auth`. Expected digests are computed once here, not per request.
 * @example
 * const auth = createAuthenticator({ type: 'bearer', token: 's3cret' });
 * auth.authenticate('Bearer s3cret'); // 'bearer'
 */
export function createAuthenticator(auth: ServerAuthOptions): Authenticator {
  return auth.type === 'basic'
    ? basicAuthenticator(auth.username, auth.password)
    : bearerAuthenticator(auth.token);
}
