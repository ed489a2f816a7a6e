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
 *
 * Bids that arrive together on a tender not in the cache share one read (measured in bench:rush: 200
 * suppliers on 10 tenders read the tender streams about 2,000 times without it, once per tender and
 * second with it). A read that a write overtakes is still answered, it is as fresh as a read that had
 * started a moment before the write, but it is not remembered.
 */
export class TenderingCache {
  private readonly entries = new Map<string, { tender: ReadTenderStream; readAtMs: number }>();
  private readonly reading = new Map<string, Promise<ReadTenderStream>>();
  /** Bumped by every write: a read started before it must not be remembered after it. */
  private writes = 0;

  get(tenderId: string, nowMs: number): ReadTenderStream | undefined {
    const entry = this.entries.get(tenderId);
    if (!entry || nowMs - entry.readAtMs > TENDERING_CACHE_MS) return undefined;
    return entry.tender;
  }

  /** The cached tender, or the read already under way for it, or a new `read` shared from now on. */
  load(
    tenderId: string,
    now: () => number,
    read: () => Promise<ReadTenderStream>,
  ): Promise<ReadTenderStream> {
    const cached = this.get(tenderId, now());
    if (cached) return Promise.resolve(cached);
    const pending = this.reading.get(tenderId);
    if (pending) return pending;
    const writesBefore = this.writes;
    const reading = read()
      .then((tender) => {
        if (this.writes === writesBefore) this.remember(tenderId, tender, now());
        return tender;
      })
      .finally(() => {
        if (this.reading.get(tenderId) === reading) this.reading.delete(tenderId);
      });
    this.reading.set(tenderId, reading);
    return reading;
  }

  remember(tenderId: string, tender: ReadTenderStream, nowMs: number): void {
    if (tender.state.stage !== 'tendering') return;
    if (this.entries.size >= 10_000) this.entries.clear();
    this.entries.set(tenderId, { tender, readAtMs: nowMs });
  }

  forget(tenderId: string): void {
    this.writes += 1;
    this.entries.delete(tenderId);
    this.reading.delete(tenderId);
  }
}
