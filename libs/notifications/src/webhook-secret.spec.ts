import { randomBytes } from 'node:crypto';
import {
  decryptWebhookSecret,
  encryptWebhookSecret,
  generateWebhookSecret,
} from './webhook-secret';

describe('webhook secrets', () => {
  const masterKey = randomBytes(32);

  it('are whsec_ and 32 random bytes in base64url, never twice the same', () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generateWebhookSecret()).not.toBe(a);
  });

  it('are stored encrypted, bound to their supplier and the master key', () => {
    const secret = generateWebhookSecret();
    const stored = encryptWebhookSecret(masterKey, 'org-acme', secret);
    expect(stored).not.toContain(secret.slice(6));
    expect(decryptWebhookSecret(masterKey, 'org-acme', stored)).toBe(secret);
    expect(() => decryptWebhookSecret(masterKey, 'org-birch', stored)).toThrow();
    expect(() => decryptWebhookSecret(randomBytes(32), 'org-acme', stored)).toThrow();
  });
});
