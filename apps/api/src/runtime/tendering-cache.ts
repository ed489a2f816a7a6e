import type { ReadTenderStream } from '@fairtender/tender-streams';

/** How long a bid decision may rely on a tender read by an earlier one. */
export const TENDERING_CACHE_MS = 1_000;

/**
 * Tenders in their tendering stage, as recently read, for bid decisions only. A deadline rush reads
 * the same tender thousands of times a second; this saves the round trip. It is safe because the
 * server clock is checked on every bid (the deadline cannot slip past by caching), an amendment must
 * leave the minimum response time (days), so a stale deadline is never the one that matters, and a
 * bid recorded against a stale notice version is flagged for re-confirmation — the conservative side.
 * Writes to a tender through this process drop its entry at once.
 */
export class TenderingCache {
  private readonly entries = new Map<string, { tender: ReadTenderStream; readAtMs: number }>();

  get(tenderId: string, nowMs: number): ReadTenderStream | undefined {
    const entry = this.entries.get(tenderId);
    if (!entry || nowMs - entry.readAtMs > TENDERING_CACHE_MS) return undefined;
    return entry.tender;
  }

  remember(tenderId: string, tender: ReadTenderStream, nowMs: number): void {
    if (tender.state.stage !== 'tendering') return;
    if (this.entries.size >= 10_000) this.entries.clear();
    this.entries.set(tenderId, { tender, readAtMs: nowMs });
  }

  forget(tenderId: string): void {
    this.entries.delete(tenderId);
  }
}
