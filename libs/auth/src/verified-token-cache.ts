import type { Actor } from '@fairtender/domain';

const MAX_ENTRIES = 10_000;

/**
 * Tokens already verified, until they expire. A token is immutable, so re-checking its signature on
 * every request of a session only costs time (HMAC on the thread pool: the largest per-request cost
 * in the deadline-rush benchmark). Expiry is still checked on every use.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, { actor: Actor; expiresAtMs: number }>();

  get(token: string, nowMs: number): Actor | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.expiresAtMs <= nowMs) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.actor;
  }

  set(token: string, actor: Actor, expiresAtMs: number): void {
    // Crude but bounded: start again rather than grow without limit.
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(token, { actor, expiresAtMs });
  }
}
