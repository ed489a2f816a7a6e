import { EVENT_VERSIONS, type IntegrityReport } from '@fairtender/domain';
import { LEGAL_READER, exportedBundle } from '../testing/exported-bundle';
import { renderTimeline } from '../timeline';
import type { HistoryEntry } from '../history';
import { sentenceOf } from './event-sentences';
import { readableEventName } from './event-names';
import { renderIntegrityPage } from './integrity-page';
import { localTime } from './local-time';

const legal = LEGAL_READER;
const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>';

const exported = exportedBundle;

const headings = (html: string) => [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);

describe('the timeline as a legal record', () => {
  it('puts the verdict first, then one section per stage in the order a tender lives them', async () => {
    const { manifest, entries } = await exported();
    const html = renderTimeline(manifest, entries, {
      verification: { intact: true, eventsChecked: 10, upTo: '1-9', firstBreak: null },
      renderedAt: '2025-04-02T10:00:00.000Z',
    });
    const order = headings(html);
    expect(order[0]).toBe('Verified: the record is intact');
    const stages = order.slice(1, -1);
    const lifecycle = [
      'The notice and its clarifications',
      'Bids',
      'Opening of the bids',
      'Evaluation',
      'Award and standstill',
      'Challenges',
      'The contract',
      'Looks at the record, and refused attempts',
    ];
    expect(stages).toEqual(lifecycle.filter((heading) => stages.includes(heading)));
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(order.at(-1)).toBe('Streams and their last hash');
  });

  it('a broken chain is the verdict, named precisely; a bundle folder says it was not verified', async () => {
    const { manifest, entries } = await exported();
    const broken = renderTimeline(manifest, entries, {
      verification: {
        intact: false,
        eventsChecked: 10,
        upTo: '1-9',
        firstBreak: {
          streamName: 'tender-t-3',
          revision: 4,
          reason: 'hash-mismatch',
          expectedHash: 'a'.repeat(64),
          actualHash: 'b'.repeat(64),
        } as never,
      },
    });
    expect(headings(broken)[0]).toBe('Verification failed: the record has been altered');
    expect(broken).toContain('<code>tender-t-3</code> at revision 4: hash-mismatch');
    expect(headings(renderTimeline(manifest, entries))[0]).toBe('Not verified on this page');
  });

  it('writes times in the link’s zone with the zone, and shows every value whole and escaped', async () => {
    const { manifest, entries } = await exported();
    const long = `${'A considered reason. '.repeat(400)}END`;
    const hostile: HistoryEntry = { ...entries[3], data: { question: HOSTILE, long } };
    const html = renderTimeline(manifest, [...entries, hostile], { timeZone: 'Europe/Paris' });
    expect(html).not.toMatch(/<script|<img|<link|https?:\/\//i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain(long);
    expect(html).not.toContain('…');
    // ICU versions join the date and the time with " at " or ", ".
    expect(localTime('2025-04-01T09:00:00.000Z', 'Europe/Paris')).toMatch(
      /^Tue, 1 April 2025(,| at) 11:00:00 CEST$/,
    );
    expect(localTime('2025-01-01T09:00:00.000Z', 'Europe/London')).toMatch(
      /^Wed, 1 January 2025(,| at) 09:00:00 GMT$/,
    );
  });

  it('before opening, bid events are marked sealed and their sentence says only that', async () => {
    const { manifest, entries } = await exported(false);
    const html = renderTimeline(manifest, entries);
    expect(html).toContain('<span class="badge sealed">sealed</span>');
    expect(html).not.toMatch(/acme|birch/);
    const sealed = entries.find((entry) => entry.sealed)!;
    expect(sentenceOf(sealed, 'Europe/London')).toMatch(
      /stays sealed until the bids are opened; only its type and time are shown\.$/,
    );
  });

  it('has a sentence for every event type, even from an event missing its fields', () => {
    for (const type of Object.keys(EVENT_VERSIONS)) {
      const entry: HistoryEntry = {
        position: '1-1',
        streamName: 'tender-t',
        type,
        recordedAt: '2025-01-01T00:00:00.000Z',
        actor: legal,
        data: {},
      };
      const sentence = sentenceOf(entry, 'Europe/London');
      expect([type, sentence.length > 20]).toEqual([type, true]);
    }
    expect(readableEventName('AccessRefusalsRepeated')).toBe('Access refusals repeated');
  });
});

function report(overrides: Partial<IntegrityReport> = {}): IntegrityReport {
  return {
    tenderId: 't-1',
    buyerOrganisationId: 'org-council',
    stage: 'standstill',
    round: 1,
    sealed: false,
    counts: { received: 2, compliant: 2, excluded: 0, awaitingCompliance: 0, fullyEvaluated: 1 },
    bids: [],
    excluded: [],
    panel: [],
    coverage: {
      criteria: ['quality', 'social-value'],
      evaluators: ['eve', 'evan'],
      bids: [
        {
          supplierId: HOSTILE,
          cells: { eve: ['scored', 'scored'], evan: ['scored', 'missing'] },
          complete: false,
        },
        {
          supplierId: 'birch',
          cells: { eve: ['conflicted', 'conflicted'], evan: ['scored', 'scored'] },
          complete: false,
        },
      ],
      totals: { scored: 5, unjustified: 0, missing: 1, conflicted: 2, 'not-declared': 0 },
    },
    openViolations: [],
    moderation: {
      panelRanking: [],
      ranking: [],
      panelTopRanked: [],
      topRanked: [],
      changesTopRanked: false,
      moderated: [],
      pending: [],
      superseded: [],
      departures: 0,
      moderators: [],
    },
    planning: { recorded: false },
    award: {
      status: 'standstill',
      supplierId: 'birch',
      ranking: [
        {
          supplierId: HOSTILE,
          rank: 1,
          total: 84,
          price: { amount: 1, currency: 'GBP' },
          scores: {},
        },
        {
          supplierId: 'birch',
          rank: 2,
          total: 76,
          price: { amount: 1, currency: 'GBP' },
          scores: {},
        },
      ],
    },
    redFlags: [
      {
        key: 'FT-WINNER-NOT-TOP-RANKED',
        code: 'FT-WINNER-NOT-TOP-RANKED',
        title: 'The winner is not the top-ranked bid',
        evidence: { justification: HOSTILE, topRanked: ['acme'] },
        raisedAt: '2025-04-01T09:00:00.000Z',
        supplierId: 'birch',
      },
    ],
    ...overrides,
  };
}

describe('the integrity page', () => {
  it('draws one square per bid × evaluator × criterion and a bar per ranked bid, the award marked', () => {
    const html = renderIntegrityPage(report(), { renderedAt: '2025-04-02T10:00:00.000Z' });
    expect(html.match(/<rect class="cell /g)).toHaveLength(8);
    expect(html.match(/<rect class="cell missing"/g)).toHaveLength(1);
    expect(html.match(/<rect class="cell conflicted"/g)).toHaveLength(2);
    expect(html.match(/<g class="bar/g)).toHaveLength(2);
    expect(html).toMatch(/<g class="bar winner">.*2\. birch.*★ award/);
  });

  it('shows each red flag with its evidence, every value escaped, nothing fetched', () => {
    const html = renderIntegrityPage(report(), { renderedAt: '2025-04-02T10:00:00.000Z' });
    expect(html).toContain('data-code="FT-WINNER-NOT-TOP-RANKED"');
    expect(html).not.toMatch(/<script|<img|<link|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
    expect(html.match(/&lt;script&gt;alert\(1\)&lt;\/script&gt;/g)!.length).toBeGreaterThanOrEqual(
      3,
    );
  });

  it('says so when there is nothing to draw yet', () => {
    const html = renderIntegrityPage(
      report({
        sealed: true,
        redFlags: [],
        coverage: { criteria: [], evaluators: [], bids: [], totals: report().coverage.totals },
        award: { status: 'none' },
      }),
      { renderedAt: '2025-04-02T10:00:00.000Z' },
    );
    expect(html).toContain('No compliant bid and panel to show yet.');
    expect(html).toContain('No ranking yet.');
    expect(html).toContain('None raised.');
    expect(html).toContain('<span class="badge sealed">sealed</span>');
  });
});
