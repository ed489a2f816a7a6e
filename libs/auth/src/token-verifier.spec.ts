import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import type { JwksAuthSettings, SecretAuthSettings } from '@fairtender/config';
import { AuthError, AuthUnavailableError } from './auth-errors';
import { demoUser } from './demo-users';
import { issueToken } from './token-issuer';
import { TokenVerifier } from './token-verifier';

const auth: SecretAuthSettings = {
  mode: 'secret',
  secret: 'a-test-secret-that-is-at-least-32-characters',
  issuer: 'fairtender',
  audience: 'fairtender-api',
  isDevelopmentSecret: false,
};
const alice = demoUser('officer-alice');
const verifier = new TokenVerifier(auth);

function sign(
  claims: JWTPayload,
  key: Uint8Array | CryptoKey = new TextEncoder().encode(auth.secret),
  header: { alg: string; kid?: string } = { alg: 'HS256' },
): Promise<string> {
  return new SignJWT({
    iss: 'fairtender',
    aud: 'fairtender-api',
    sub: 'officer-alice',
    org: 'authority-1',
    role: 'officer',
    ...claims,
  })
    .setProtectedHeader(header)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key);
}

async function refusal(promise: Promise<unknown>): Promise<AuthError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthError);
  return error as AuthError;
}

describe('TokenVerifier with a shared secret', () => {
  it('accepts a token from issueToken and returns its actor', async () => {
    const token = await issueToken(auth, alice);
    await expect(verifier.verify(token)).resolves.toEqual(alice);
    await expect(verifier.verifyAuthorizationHeader(`Bearer ${token}`)).resolves.toEqual(alice);
    await expect(verifier.verifyAuthorizationHeader(`bearer  ${token}`)).resolves.toEqual(alice);
  });

  it('issues tokens that last 8 hours unless told otherwise', async () => {
    const [, body] = (await issueToken(auth, alice)).split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, number>;
    expect(claims.exp - claims.iat).toBe(8 * 3600);
    expect(claims).toMatchObject({
      sub: 'officer-alice',
      org: 'authority-1',
      role: 'officer',
      iss: 'fairtender',
      aud: 'fairtender-api',
    });
  });

  it('refuses an expired token with TOKEN_EXPIRED', async () => {
    const error = await refusal(
      verifier.verify(await issueToken(auth, alice, { expiresIn: '-1h' })),
    );
    expect(error).toMatchObject({ status: 401, code: 'TOKEN_EXPIRED' });
    expect(error.message).toMatch(/^Token expired at \d{4}-/);
  });

  it.each<[string, () => Promise<string>, RegExp]>([
    [
      'another secret',
      () => issueToken({ ...auth, secret: 'x'.repeat(40) }, alice),
      /signature is invalid/,
    ],
    [
      'another audience',
      () => issueToken({ ...auth, audience: 'someone-else' }, alice),
      /claim "aud" is invalid/,
    ],
    [
      'another issuer',
      () => issueToken({ ...auth, issuer: 'evil' }, alice),
      /claim "iss" is invalid/,
    ],
    ['no org', () => sign({ org: undefined }), /claim "org" is missing/],
    ['an empty sub', () => sign({ sub: '' }), /claim "sub" is not a non-empty string/],
    [
      'an unknown role',
      () => sign({ role: 'admin' }),
      /claim "role" must be one of supplier, officer, evaluator, legal, auditor/,
    ],
    [
      'no expiry',
      () =>
        new SignJWT({
          iss: 'fairtender',
          aud: 'fairtender-api',
          sub: 'a',
          org: 'b',
          role: 'officer',
        })
          .setProtectedHeader({ alg: 'HS256' })
          .sign(new TextEncoder().encode(auth.secret)),
      /claim "exp" is missing/,
    ],
    [
      'the wrong algorithm',
      () => sign({}, new TextEncoder().encode(auth.secret), { alg: 'HS512' }),
      /algorithm is not accepted/,
    ],
    ['garbage', async () => 'not.a.token', /malformed/],
    // Issue 17: the organisation claim became a supplier id (and a stream name) unchecked.
    ['a path in its organisation', () => sign({ org: '../acme' }), /claim "org" must be/],
    ['a slash in its organisation', () => sign({ org: 'x/y' }), /claim "org" must be/],
    ['an uppercase organisation', () => sign({ org: 'ACME' }), /claim "org" must be/],
    [
      'a Cyrillic look-alike of acme',
      () => sign({ org: '\u0430\u0441m\u0435' }),
      /claim "org" must be/,
    ],
    ['a NUL in its organisation', () => sign({ org: 'acme\u0000' }), /claim "org" must be/],
    ['a slash in its user id', () => sign({ sub: 'a/b' }), /claim "sub" must be/],
  ])('refuses a token with %s as TOKEN_INVALID, saying why', async (_case, token, message) => {
    const error = await refusal(verifier.verify(await token()));
    expect(error).toMatchObject({ status: 401, code: 'TOKEN_INVALID' });
    expect(error.message).toMatch(message);
  });

  it.each([undefined, '', 'Basic dXNlcjpwYXNz', 'Bearer', ['Bearer a', 'Bearer b']])(
    'refuses the Authorization header %p as UNAUTHENTICATED',
    async (header) => {
      const error = await refusal(verifier.verifyAuthorizationHeader(header));
      expect(error).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    },
  );

  it('will not issue tokens in JWKS mode', async () => {
    await expect(
      issueToken(
        { mode: 'jwks', jwksUrl: 'https://id.example.org/jwks', issuer: 'i', audience: 'a' },
        alice,
      ),
    ).rejects.toThrow(/AUTH_JWKS_URL is set/);
  });

  it('refuses a malformed lifetime', async () => {
    await expect(issueToken(auth, alice, { expiresIn: 'forever' })).rejects.toThrow(
      'expiresIn must be a time span like 30m, 8h or 2d (got "forever")',
    );
  });
});

describe('TokenVerifier against a JWKS', () => {
  let server: Server;
  let jwksUrl: string;
  let privateKey: CryptoKey;
  let requests = 0;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'ES256', use: 'sig' };
    server = createServer((request, response) => {
      requests += 1;
      if (request.url !== '/.well-known/jwks.json') return void response.writeHead(404).end();
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const settings = (): JwksAuthSettings => ({
    mode: 'jwks',
    jwksUrl,
    issuer: 'fairtender',
    audience: 'fairtender-api',
  });

  it('accepts a token signed by a key of the set, fetching the set once', async () => {
    const jwks = new TokenVerifier(settings());
    const token = await sign(
      { sub: 'auditor-ada', org: 'oversight', role: 'auditor' },
      privateKey,
      { alg: 'ES256', kid: 'key-1' },
    );
    const before = requests;
    await expect(jwks.verify(token)).resolves.toEqual({
      userId: 'auditor-ada',
      organisationId: 'oversight',
      role: 'auditor',
    });
    await expect(jwks.verify(token)).resolves.toMatchObject({ role: 'auditor' });
    expect(requests - before).toBe(1);
  });

  it('refuses a token signed by another key, or with the shared-secret algorithm', async () => {
    const jwks = new TokenVerifier(settings());
    const stranger = (await generateKeyPair('ES256')).privateKey;
    const forged = await refusal(
      jwks.verify(await sign({}, stranger, { alg: 'ES256', kid: 'key-1' })),
    );
    expect(forged).toMatchObject({ code: 'TOKEN_INVALID', message: 'Token signature is invalid' });
    const unknownKid = await refusal(
      jwks.verify(await sign({}, stranger, { alg: 'ES256', kid: 'key-2' })),
    );
    expect(unknownKid.message).toMatch(/not signed by any key of the identity provider/);
    const hs256 = await refusal(jwks.verify(await sign({})));
    expect(hs256).toMatchObject({ code: 'TOKEN_INVALID' });
    expect(hs256.message).toMatch(/algorithm is not accepted/);
  });

  it('checks audience and claims in JWKS mode too', async () => {
    const jwks = new TokenVerifier(settings());
    const token = await sign({ aud: 'other-api', role: 'root' }, privateKey, {
      alg: 'ES256',
      kid: 'key-1',
    });
    await expect(refusal(jwks.verify(token))).resolves.toMatchObject({
      code: 'TOKEN_INVALID',
      details: { claim: 'aud' },
    });
  });

  it('answers 503, not 401, when the identity provider cannot be reached', async () => {
    const jwks = new TokenVerifier({
      ...settings(),
      jwksUrl: jwksUrl.replace('jwks.json', 'missing.json'),
    });
    const token = await sign({}, privateKey, { alg: 'ES256', kid: 'key-1' });
    const error = await jwks.verify(token).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthUnavailableError);
    expect(error).toMatchObject({ status: 503, code: 'AUTH_UNAVAILABLE' });
  });
});
