import type { ReadAllOptions } from '@fairtender/event-store';
import { parseCursor } from './history';
import { LegalReplay, replayStates } from './legal-replay';
import { parseMoment } from './moment';
import { MemoryStore } from './testing/memory-store';
import { tenderHistory } from './testing/recorded-events';
import { STATE_FOLD_OMISSIONS } from './tender-log';

const TENDER = 't-2';
const auditor = { userId: 'auditor-ada', organisationId: 'oversight', role: 'auditor' } as const;
const now = () => new Date('2025-04-01T10:00:00.000Z');

function replayOf(opened: boolean) {
  const store = new MemoryStore([
    ...tenderHistory(TENDER, { opened }),
    // Another tender whose id starts with this one's: never part of this tender's replay.
    ...tenderHistory(`${TENDER}x`, { opened }).map((e, i) => ({
      ...e,
      position: { commit: 500n + BigInt(i), prepare: 1n },
    })),
  ]);
  return { store, replay: new LegalReplay(store, { via: 'api', now }) };
}

const audit = (store: MemoryStore) =>
  store.events.filter((e) => e.streamName === `tender-${TENDER}.audit`);

describe('LegalReplay', () => {
  it('pages the history of exactly this tender, sealed before opening, and records each look', async () => {
    const { store, replay } = replayOf(false);
    const first = await replay.history(TENDER, { limit: 6 }, { actor: auditor }, { limit: '6' });
    expect(first.sealed).toBe(true);
    expect(first.items.map((e) => e.type)).toEqual([
      'TenderDrafted',
      'TenderPublished',
      'BidSealingKeyIssued',
      'ClarificationRequested',
      'BidSubmitted',
      'ClarificationAnswered',
    ]);
    expect(first.items[4]).toEqual({
      position: first.items[4].position,
      recordedAt: first.items[4].recordedAt,
      streamName: `tender-${TENDER}.bid-(sealed)`,
      type: 'BidSubmitted',
      sealed: true,
    });
    const rest = await replay.history(
      TENDER,
      { after: parseCursor(first.nextCursor!) },
      { actor: auditor },
    );
    // The rest of the tender, then the record of the first look.
    expect(rest.items.map((e) => e.type)).toEqual([
      'BidSubmitted',
      'BidRevised',
      'TenderingClosed',
      'TenderHistoryViewed',
    ]);
    expect(rest.nextCursor).toBeNull();
    expect(JSON.stringify([first, rest])).not.toMatch(/acme|birch|c2VhbGVk|aaaa/);
    expect(rest.items.every((e) => !e.streamName.includes(`${TENDER}x`))).toBe(true);
    expect(audit(store).map((e) => [e.type, e.data])).toEqual([
      [
        'TenderHistoryViewed',
        {
          tenderId: TENDER,
          viewedAt: now().toISOString(),
          via: 'api',
          query: { limit: '6' },
          entries: 6,
          lastPosition: first.items[5].position,
        },
      ],
      ['TenderHistoryViewed', expect.objectContaining({ entries: rest.items.length })],
    ]);
  });

  it('filters by kind, type, actor and time; a sealed stream never matches its own name', async () => {
    const { replay } = replayOf(false);
    const caller = { actor: auditor };
    const bids = await replay.history(TENDER, { kind: 'bid' }, caller);
    expect(bids.items.map((e) => [e.type, e.sealed])).toEqual([
      ['BidSubmitted', true],
      ['BidSubmitted', true],
      ['BidRevised', true],
    ]);
    expect(
      (await replay.history(TENDER, { stream: `tender-${TENDER}.bid-acme` }, caller)).items,
    ).toEqual([]);
    expect((await replay.history(TENDER, { actor: 'u-acme' }, caller)).items).toEqual([]);
    const officer = await replay.history(
      TENDER,
      { actor: 'u-alice', types: ['TenderPublished', 'TenderingClosed'] },
      caller,
    );
    expect(officer.items.map((e) => e.type)).toEqual(['TenderPublished', 'TenderingClosed']);
    const window = await replay.history(
      TENDER,
      { from: new Date(Date.UTC(2025, 2, 3, 9, 1)), to: new Date(Date.UTC(2025, 2, 3, 9, 2)) },
      caller,
    );
    expect(window.items.map((e) => e.type)).toEqual(['TenderPublished', 'BidSealingKeyIssued']);
  });

  it('after opening shows who bid, never the ciphertext or the wrapped key', async () => {
    const { replay } = replayOf(true);
    const page = await replay.history(TENDER, { kind: 'bid' }, { actor: auditor });
    expect(page.sealed).toBe(false);
    expect(page.items[0]).toMatchObject({
      streamName: `tender-${TENDER}.bid-acme`,
      revision: 0,
      actor: { userId: 'u-acme' },
      data: { supplierId: 'acme', contentHash: 'a'.repeat(64) },
      withheld: ['data.sealed'],
    });
    const all = await replay.history(TENDER, {}, { actor: auditor });
    expect(JSON.stringify(all)).not.toMatch(/c2VhbGVk|V1JBUFBFRA/);
  });

  it('folds the state at a time or a position, and diffs two moments', async () => {
    const { replay } = replayOf(true);
    const caller = { actor: auditor };
    const before = await replay.state(TENDER, parseMoment('2025-03-03T09:06:30Z'), caller);
    expect(before.tender.stage).toBe('tendering');
    expect(before.asOf.events).toBe(7);
    expect(before.bids).toMatchObject({ sealed: false, bidCount: 2 });
    expect(before.tender.clarifications.q1).toMatchObject({
      answer: 'Yes, two.',
      supplierId: 'acme',
    });
    expect(before.tender.sealingKey).toEqual({ keyId: 'dk-1' });
    const end = await replay.state(TENDER, { kind: 'now' }, caller);
    expect(end.tender.stage).toBe('evaluation');
    const atPosition = await replay.state(TENDER, parseMoment(before.asOf.position!), caller);
    expect(atPosition).toEqual({ ...before, moment: before.asOf.position });

    const diff = await replay.diff(
      TENDER,
      parseMoment(before.asOf.position!),
      parseMoment(end.asOf.position!),
      caller,
    );
    expect(diff.changed).toEqual(expect.arrayContaining(['stage', 'opening', 'bids']));
    expect(diff.changes).toContainEqual({
      path: 'tender.stage',
      kind: 'changed',
      from: 'tendering',
      to: 'evaluation',
    });
    expect(diff.changes).toContainEqual(
      expect.objectContaining({ path: 'bids.items.acme.contentHash', kind: 'changed' }),
    );
  });

  it('folds states without reading ciphertext, document facts or metadata, to the same views; verification and evidence read whole events', async () => {
    const { store, replay } = replayOf(true);
    // Bids with uploaded documents, whose facts the state does not show either.
    for (const event of store.events) {
      if (event.type === 'BidSubmitted' || event.type === 'BidRevised') {
        const document = {
          documentId: 'd-1',
          sizeBytes: 9,
          sha256: 'a'.repeat(64),
          sealedSha256: 'b'.repeat(64),
        };
        event.data = { ...(event.data as object), documents: [document] };
      }
    }
    const asked: ReadAllOptions[] = [];
    const readAll = store.readAll.bind(store);
    store.readAll = (options: ReadAllOptions = {}) => {
      asked.push(options);
      return readAll(options);
    };
    const moments = [parseMoment('2025-03-03T09:06:30Z'), { kind: 'now' } as const];
    const light = await replayStates(store, TENDER, moments);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((options) => options.omit === STATE_FOLD_OMISSIONS)).toBe(true);

    const whole = new MemoryStore(store.events);
    const wholeReads = whole.readAll.bind(whole);
    whole.readAll = ({ omit: _ignored, ...options }: ReadAllOptions = {}) => wholeReads(options);
    expect(light).toEqual(await replayStates(whole, TENDER, moments));
    expect(light[1].bids).toMatchObject({ sealed: false, bidCount: 2 });

    asked.length = 0;
    await replay.verify(TENDER, { actor: auditor });
    for await (const _part of replay.evidence(TENDER, { actor: auditor }));
    await replay.history(TENDER, {}, { actor: auditor });
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((options) => options.omit !== undefined)).toEqual([]);
  });

  it("before opening, the state shows the bids as the officers' register does", async () => {
    const { replay } = replayOf(false);
    const view = await replay.state(TENDER, { kind: 'now' }, { actor: auditor });
    expect(view.bids).toEqual({
      sealed: true,
      bidCount: 2,
      withdrawnCount: 0,
      lateAttempts: 0,
      receiptTimes: ['2025-03-03T09:06:00.000Z', '2025-03-03T09:07:00.000Z'],
    });
    expect(view.tender.clarifications.q1.supplierId).toBeUndefined();
  });

  it('refuses an unknown tender with TENDER_NOT_FOUND and records nothing', async () => {
    const { store, replay } = replayOf(true);
    await expect(replay.verify('nope', { actor: auditor })).rejects.toMatchObject({
      code: 'TENDER_NOT_FOUND',
      status: 404,
    });
    expect(store.events.some((e) => e.streamName.endsWith('.audit'))).toBe(false);
  });
});
