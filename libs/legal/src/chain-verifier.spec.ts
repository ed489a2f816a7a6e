import { GENESIS_HASH_HEX } from '@fairtender/crypto';
import type { RecordedEvent } from '@fairtender/event-store';
import { ChainVerifier } from './chain-verifier';
import { tenderHistory } from './testing/recorded-events';
import { chainLink } from './verify';

const TENDER = 't-1';
const verify = (events: RecordedEvent[]) => {
  const verifier = new ChainVerifier(TENDER);
  for (const event of events) verifier.add(chainLink(event));
  return verifier.finish();
};
const at = (events: RecordedEvent[], stream: string, revision: number) =>
  events.findIndex((e) => e.streamName === stream && e.revision === revision);

describe('ChainVerifier', () => {
  const acme = `tender-${TENDER}.bid-acme`;
  const tender = `tender-${TENDER}`;

  it('passes an untouched tender, with every stream head and anchor', () => {
    const report = verify(tenderHistory(TENDER));
    expect(report).toMatchObject({ intact: true, firstBreak: null, anchorsChecked: 2 });
    expect(report.eventsChecked).toBe(10);
    expect(report.streams.map((s) => [s.streamName, s.events, s.headRevision])).toEqual([
      [tender, 7, 6],
      [acme, 2, 1],
      [`tender-${TENDER}.bid-birch`, 1, 0],
    ]);
  });

  it('names changed data: the stored hash against the hash of the content now', () => {
    const events = tenderHistory(TENDER);
    const i = at(events, tender, 3);
    events[i] = { ...events[i], data: { ...(events[i].data as object), question: 'Changed?' } };
    const report = verify(events);
    expect(report.firstBreak).toMatchObject({
      streamName: tender,
      revision: 3,
      reason: 'content-changed',
      expectedHash: events[i].hash,
    });
    expect(report.firstBreak!.actualHash).toMatch(/^[0-9a-f]{64}$/);
    expect(report.firstBreak!.actualHash).not.toBe(events[i].hash);
  });

  it('names a deleted event by its revision and the hash the next event chains to', () => {
    const events = tenderHistory(TENDER);
    const deleted = events[at(events, tender, 2)];
    const report = verify(events.filter((e) => e !== deleted));
    expect(report.firstBreak).toMatchObject({
      streamName: tender,
      revision: 2,
      reason: 'missing-event',
      expectedHash: deleted.hash,
      actualHash: null,
    });
  });

  it('names swapped events: their content exchanged, or their revisions', () => {
    const events = tenderHistory(TENDER);
    const [a, b] = [at(events, tender, 0), at(events, tender, 1)];
    const swapped = [...events];
    swapped[a] = { ...events[b], revision: 0, position: events[a].position };
    swapped[b] = { ...events[a], revision: 1, position: events[b].position };
    expect(verify(swapped).firstBreak).toMatchObject({
      streamName: tender,
      revision: 0,
      reason: 'previous-hash-mismatch',
      expectedHash: GENESIS_HASH_HEX,
      actualHash: events[a].hash,
    });
    const renumbered = [...events];
    renumbered[a] = { ...events[a], revision: 1 };
    renumbered[b] = { ...events[b], revision: 0 };
    expect(verify(renumbered).firstBreak).toMatchObject({
      streamName: tender,
      revision: 0,
      reason: 'revision-order',
    });
  });

  it('names an anchored head that differs from the bid stream, or is missing', () => {
    const events = tenderHistory(TENDER);
    const head = events[at(events, acme, 1)];
    const tail = events.filter((e) => e !== head);
    expect(verify(tail).breaks).toContainEqual(
      expect.objectContaining({
        streamName: acme,
        revision: 1,
        reason: 'anchored-head-missing',
        expectedHash: head.hash,
      }),
    );
    const opened = events.findIndex((e) => e.type === 'BidsOpened');
    const forged = [...events];
    const data = forged[opened].data as { bidStreams: { hash: string }[] };
    forged[opened] = {
      ...forged[opened],
      data: { ...data, bidStreams: [{ ...data.bidStreams[0], hash: 'f'.repeat(64) }] },
    };
    const report = verify(forged);
    // The forged anchor also changed the opening's own content: both are reported.
    expect(report.breaks.map((b) => b.reason).sort()).toEqual([
      'anchored-head-mismatch',
      'content-changed',
    ]);
  });

  it('labels streams as asked, so that a sealed bid stream is never named', () => {
    const events = tenderHistory(TENDER, { opened: false });
    const i = at(events, acme, 0);
    events[i] = { ...events[i], data: { ...(events[i].data as object), sizeBytes: 1 } };
    const verifier = new ChainVerifier(TENDER, (name) =>
      name.includes('.bid-') ? 'sealed' : name,
    );
    for (const event of events) verifier.add(chainLink(event));
    const report = verifier.finish();
    expect(report.firstBreak).toMatchObject({ streamName: 'sealed', revision: 0 });
    expect(report.firstBreak!.message).not.toContain('acme');
  });
});
