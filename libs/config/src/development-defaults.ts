/**
 * Published values used outside production when a secret is not configured, so that `npm start` and
 * the tests work with no setup. Anyone can read them here: production refuses to start without its own
 * values, and refuses these ones if they are supplied explicitly.
 */

/** HS256 secret for tokens issued by `fairtender tokens` on a development machine. */
export const DEVELOPMENT_AUTH_JWT_SECRET =
  'fairtender-development-jwt-secret-do-not-use-in-production';

/** Base64 of 32 bytes: the AES-256 key-encryption key that wraps each tender's data key. */
export const DEVELOPMENT_SEALING_MASTER_KEY = 'F4mLlI1x5kV8ERa+T8jHVk0mImmRBq3c26r7dE6gCEM=';

/** Ed25519 private key, PKCS#8 DER in base64, that signs bid receipts. Generated once with node:crypto. */
export const DEVELOPMENT_RECEIPT_SIGNING_KEY =
  'MC4CAQAwBQYDK2VwBCIEIJDoHt+Dw+gntubMIO3N4chtskNgc9enjX+okFj2AKcQ';
