import { canonicalJson } from '@fairtender/crypto';
import { BundleVerifier } from './bundle-verify';
import { BUNDLE_FORMAT } from './bundle';
import { LegalReplay } from './legal-replay';
import { EXPORTED_TENDER, LEGAL_READER, exportedBundle } from './testing/exported-bundle';
import { MemoryStore } from './testing/memory-store';
import { tenderHistory } from './testing/recorded-events';
import { renderTimeline } from './timeline';
import type { HistoryEntry } from './history';

const TENDER = EXPORTED_TENDER;
const legal = LEGAL_READER;

const exported = exportedBundle;

function verify(lines: string[], manifest: unknown) {
  const verifier = new BundleVerifier();
  for (const line of lines) verifier.line(line);
  return verifier.finish(manifest);
}

describe('evidence bundles', () => {
  it('writes canonical lines and a manifest that verify offline; the export is recorded', async () => {
    const { store, manifest, lines } = await exported();
    expect(lines.every((line) => canonicalJson(JSON.parse(line)) === line)).toBe(true);
    expect(manifest).toMatchObject({
      format: BUNDLE_FORMAT,
      tenderId: TENDER,
      exporter: legal,
      eventCount: 10,
      sealed: false,
      sealedEvents: 0,
      withheldEvents: 1,
    });
    expect(lines.join('\n')).not.toContain('V1JBUFBFRA');
    expect(verify(lines, manifest)).toMatchObject({
      intact: true,
      eventsChecked: 10,
      anchorsChecked: 2,
    });
    const audit = store.events.filter((e) => e.streamName.endsWith('.audit'));
    expect(audit.map((e) => e.data)).toEqual([
      expect.objectContaining({
        completed: true,
        eventCount: 10,
        eventsSha256: manifest.eventsSha256,
      }),
    ]);
  });

  it('records an export cut short as not completed, with what was sent', async () => {
    const store = new MemoryStore(tenderHistory(TENDER));
    const parts = new LegalReplay(store, { via: 'api' }).evidence(TENDER, { actor: legal });
    await parts.next();
    await parts.next();
    await parts.return(undefined);
    const audit = store.events.filter((e) => e.streamName.endsWith('.audit'));
    expect(audit.map((e) => e.data)).toEqual([
      expect.objectContaining({ completed: false, eventCount: 2, upTo: null, eventsSha256: null }),
    ]);
  });

  it('fails on the line that was altered, with the reason', async () => {
    const { manifest, lines } = await exported();
    const changed = [...lines];
    changed[3] = changed[3].replace('Spare batteries?', 'Spare lenses?');
    expect(verify(changed, manifest).firstBreak).toMatchObject({
      line: 4,
      reason: 'content-changed',
    });
    const withheld = [...lines];
    withheld[2] = withheld[2].replace('"keyId":"dk-1"', '"keyId":"dk-2"');
    expect(verify(withheld, manifest).firstBreak).toMatchObject({
      line: 3,
      reason: 'line-digest-mismatch',
    });
    const spaced = [...lines];
    spaced[0] = spaced[0].replace('{', '{ ');
    expect(verify(spaced, manifest).firstBreak).toMatchObject({ line: 1, reason: 'not-canonical' });
    const swapped = [lines[1], lines[0], ...lines.slice(2)];
    expect(verify(swapped, manifest).firstBreak).toMatchObject({ line: 1 });
    expect(
      verify([...lines.slice(0, 3), 'not json', ...lines.slice(3)], manifest).firstBreak,
    ).toMatchObject({ line: 4, reason: 'malformed-line' });
  });

  it('compares the manifest: heads, counts and the digest of the whole', async () => {
    const { manifest, lines } = await exported();
    const forged = {
      ...manifest,
      streams: manifest.streams.map((s) => ({ ...s, headHash: '0'.repeat(64) })),
    };
    expect(
      verify(lines, forged).breaks.filter((b) => b.reason === 'manifest-mismatch'),
    ).toHaveLength(3);
    expect(verify(lines.slice(0, -1), manifest).intact).toBe(false);
    expect(() => verify(lines, { ...manifest, format: 'other/1' })).toThrow(
      expect.objectContaining({ code: 'INVALID_BUNDLE' }),
    );
    expect(() => verify(lines, undefined)).toThrow('Not an evidence bundle: no manifest');
  });

  it('before opening, bid events are placeholders outside the chain checks', async () => {
    const { manifest, lines } = await exported(false);
    expect(manifest).toMatchObject({ sealed: true, sealedEvents: 3 });
    expect(lines.join('\n')).not.toMatch(/acme|birch|c2VhbGVk/);
    expect(verify(lines, manifest)).toMatchObject({
      intact: true,
      sealedEvents: 3,
      eventsChecked: 6,
    });
  });

  it('renders a timeline with every value escaped and nothing loaded from elsewhere', async () => {
    const { manifest, entries } = await exported();
    const hostile: HistoryEntry = {
      ...entries[3],
      data: { question: '<script>alert(1)</script><img src=x onerror=alert(2)>' },
    };
    const html = renderTimeline(manifest, [...entries, hostile]);
    expect(html).not.toMatch(/<script|<img|<link|https?:\/\//i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('BidsOpened');
  });
});
