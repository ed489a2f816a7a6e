import type { RecordedEvent } from '@fairtender/event-store';
import { ScheduleCache } from './schedule-cache';

const T = 'tender-a';
const terms = {
  clarificationDeadline: '2025-03-24T12:00:00.000Z',
  submissionDeadline: '2025-03-31T12:00:00.000Z',
};

let position = 0n;
function recorded(
  tenderId: string,
  revision: number,
  type: string,
  data: unknown = {},
): RecordedEvent {
  position += 1n;
  return {
    eventId: `e-${position}`,
    type,
    version: 1,
    streamName: `tender-${tenderId}`,
    revision,
    position: { commit: position, prepare: position },
    data,
    metadata: {},
    recordedAt: new Date(),
    previousHash: '0'.repeat(64),
    hash: '0'.repeat(64),
  };
}

const history = (tenderId: string) => [
  recorded(tenderId, 0, 'TenderDrafted', {
    tenderId,
    buyerOrganisationId: 'org',
    terms,
    draftedAt: 'x',
  }),
  recorded(tenderId, 1, 'TenderPublished', { terms, publishedAt: 'x', noticeVersion: 1 }),
  recorded(tenderId, 2, 'BidSealingKeyIssued', { keyId: 'k', wrappedKey: 'w' }),
];

describe('the feed’s schedule cache', () => {
  it('folds a tender seen from its first event, without reading it', () => {
    const cache = new ScheduleCache();
    const observed = cache.observe(history(T));
    expect([...observed.touched]).toEqual([T]);
    expect([...observed.unknown]).toEqual([]);
    expect(cache.get(T)).toMatchObject({ tenderId: T, stage: 'tendering' });
  });

  it('skips events it has folded already (a batch handed over again)', () => {
    const cache = new ScheduleCache();
    const events = history(T);
    cache.observe(events);
    const amendment = recorded(T, 3, 'NoticeAmended', {
      changes: { submissionDeadline: '2025-04-30T12:00:00.000Z' },
      reason: 'r',
      amendedAt: 'x',
      noticeVersion: 2,
    });
    cache.observe([amendment]);
    const before = cache.get(T);
    const again = cache.observe([...events, amendment]);
    expect(again.unknown.size).toBe(0);
    expect(cache.get(T)).toBe(before);
    expect(cache.get(T)?.deadlines.submission).toMatchObject({ noticeVersion: 2, earlier: [1] });
  });

  it('asks for a read when it meets a tender mid-stream or after a gap, and only to schedule', () => {
    const cache = new ScheduleCache();
    const [, published, key] = history(T);
    expect([...cache.observe([key]).unknown]).toEqual([]);
    expect([...cache.observe([published]).unknown]).toEqual([T]);

    const other = history('tender-b');
    cache.observe(other.slice(0, 1));
    const gap = cache.observe([other[2]]);
    expect(gap.unknown.size).toBe(0);
    expect(cache.get('tender-b')).toBeUndefined();
    // Read from its stream: known again, and followed from there.
    const read = new ScheduleCache();
    read.observe(other);
    cache.set('tender-b', read.get('tender-b')!, 2);
    expect(
      cache.observe([
        recorded('tender-b', 3, 'TenderCancelled', {
          reason: 'r',
          cancelledAt: 'x',
          stage: 'tendering',
        }),
      ]).unknown.size,
    ).toBe(0);
    expect(cache.get('tender-b')?.stage).toBe('cancelled');
  });

  it('is seeded from whole streams by the reconciliation', () => {
    const cache = new ScheduleCache();
    for (const event of history(T)) cache.seed(event, T);
    expect(cache.observe(history(T)).unknown.size).toBe(0);
    expect(cache.get(T)?.stage).toBe('tendering');
    expect(cache.size).toBe(1);
  });
});
