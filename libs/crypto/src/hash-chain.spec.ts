import { chainHash, contentHash, GENESIS_HASH } from './hash-chain';

const event = {
  eventId: '6f1c1d7e-2a8e-4f7a-9a57-6c1f2f0f4a11',
  streamName: 'tender-1',
  type: 'TenderDrafted',
  version: 1,
  data: { title: 'Body-worn cameras', lots: [1, 2] },
  metadata: { correlationId: 'c-1' },
};

describe('hash chain', () => {
  it('hashes content independently of key order', () => {
    const reordered = { ...event, data: { lots: [1, 2], title: 'Body-worn cameras' } };
    expect(contentHash(reordered).equals(contentHash(event))).toBe(true);
  });

  it('changes the content hash when any field changes', () => {
    const base = contentHash(event).toString('hex');
    expect(contentHash({ ...event, streamName: 'tender-2' }).toString('hex')).not.toBe(base);
    expect(contentHash({ ...event, version: 2 }).toString('hex')).not.toBe(base);
    expect(contentHash({ ...event, data: { title: 'x' } }).toString('hex')).not.toBe(base);
    expect(contentHash({ ...event, metadata: {} }).toString('hex')).not.toBe(base);
  });

  it('binds each link to the previous hash and the revision', () => {
    const content = contentHash(event);
    const first = chainHash(GENESIS_HASH, content, 0);
    expect(first).toHaveLength(32);
    expect(chainHash(GENESIS_HASH, content, 1).equals(first)).toBe(false);
    expect(chainHash(first, content, 0).equals(first)).toBe(false);
  });
});
