import {
  evolveTender,
  initialTenderState,
  type TenderEvent,
  type TenderState,
} from '@fairtender/domain';
import { notificationFor, recipientsOf, type WebhookNotification } from './notice-notifications';
import { event, published, stream, TENDER } from './testing/tender-notifications';

const head = (supplierId: string) => ({
  supplierId,
  streamName: `${stream}.bid-${supplierId}`,
  revision: 0,
  hash: 'f'.repeat(64),
});
const opened: TenderEvent[] = [
  ...published,
  {
    type: 'BidsOpened',
    data: {
      openedAt: '2025-04-01T09:00:00Z',
      officerIds: ['u-alice', 'u-bob'],
      bidStreams: [head('org-acme'), head('org-birch')],
    },
  },
];
const tender: TenderState = opened.reduce(evolveTender, initialTenderState());
const REGISTERED = ['org-acme', 'org-birch', 'org-cedar'];

function told(type: string, data: unknown): { body: WebhookNotification; to: string[] } {
  const planned = notificationFor(event(type, data), tender)!;
  return {
    body: planned.notification,
    to: recipientsOf(planned.audience, event(type, data), REGISTERED, tender),
  };
}

const reasons = [
  { criterionId: 'quality', justifications: ['Well evidenced retention'], moderation: 'Agreed' },
];

describe('notifications of the award stage', () => {
  it('an assessment summary goes to its supplier alone, with its scores and the winner’s', () => {
    const { body, to } = told('AssessmentSummaryIssued', {
      summary: {
        supplierId: 'org-birch',
        outcome: 'unsuccessful',
        own: { rank: 2, total: 71.5, scores: { quality: 6 }, reasons, evaluatorIds: ['u-eve'] },
        winner: { supplierId: 'org-acme', total: 80, scores: { quality: 8 }, reasons },
      },
      issuedAt: '2025-04-14T10:00:00.000Z',
      round: 1,
    });
    expect(to).toEqual(['org-birch']);
    expect(body).toEqual({
      id: '11111111-2222-4333-8444-555555555555',
      type: 'assessment-summary.issued',
      tenderId: TENDER,
      occurredAt: '2025-04-14T10:00:00.000Z',
      data: {
        title: 'Body-worn cameras',
        round: 1,
        summary: {
          supplierId: 'org-birch',
          outcome: 'unsuccessful',
          own: { rank: 2, total: 71.5, scores: { quality: 6 }, reasons },
          winner: { supplierId: 'org-acme', total: 80, scores: { quality: 8 }, reasons },
        },
        issuedAt: '2025-04-14T10:00:00.000Z',
      },
    });
    // A field the event grows later is not passed on.
    expect(JSON.stringify(body)).not.toContain('u-eve');
  });

  it('an excluded bidder’s summary carries the exclusion and no score of its own', () => {
    const { body, to } = told('AssessmentSummaryIssued', {
      summary: {
        supplierId: 'org-cedar',
        outcome: 'excluded',
        exclusion: {
          reasonCode: 'late-evidence',
          reasonText: 'No insurance certificate was supplied with the tender documents',
        },
        winner: { supplierId: 'org-acme', total: 80, scores: { quality: 8 }, reasons },
      },
      issuedAt: '2025-04-14T10:00:00.000Z',
      round: 1,
    });
    expect(to).toEqual(['org-cedar']);
    expect(JSON.parse(JSON.stringify(body)).data.summary).toEqual({
      supplierId: 'org-cedar',
      outcome: 'excluded',
      exclusion: {
        reasonCode: 'late-evidence',
        reasonText: 'No insurance certificate was supplied with the tender documents',
      },
      winner: { supplierId: 'org-acme', total: 80, scores: { quality: 8 }, reasons },
    });
  });

  it('the standstill’s start and end go to every bidder, and to nobody who did not bid', () => {
    const started = told('StandstillStarted', {
      jurisdiction: 'uk-pa-2023',
      startsAt: '2025-04-14T10:00:00.000Z',
      endsAt: '2025-04-25T23:00:00.000Z',
      countedDays: ['2025-04-14'],
      basis: 'PA 2023 s.51',
      round: 1,
    });
    expect(started.to).toEqual(['org-acme', 'org-birch']);
    expect(started.body).toMatchObject({
      type: 'standstill.started',
      occurredAt: '2025-04-14T10:00:00.000Z',
      data: { round: 1, endsAt: '2025-04-25T23:00:00.000Z', jurisdiction: 'uk-pa-2023' },
    });
    const ended = told('StandstillEnded', {
      endedAt: '2025-04-25T23:00:00.120Z',
      endsAt: '2025-04-25T23:00:00.000Z',
      openChallenges: 0,
      round: 1,
    });
    expect(ended.to).toEqual(['org-acme', 'org-birch']);
    expect(ended.body.type).toBe('standstill.ended');
  });

  it('a challenge’s suspension and outcome: the reason, never who resolved it', () => {
    const suspended = told('AwardSuspended', {
      challengeId: 'ch-1',
      suspendedAt: '2025-04-15T10:00:00.000Z',
      round: 1,
    });
    expect(suspended.to).toEqual(['org-acme', 'org-birch']);
    expect(suspended.body.data).toEqual({
      title: 'Body-worn cameras',
      round: 1,
      challengeId: 'ch-1',
      suspendedAt: '2025-04-15T10:00:00.000Z',
    });
    const resolved = told('ChallengeResolved', {
      challengeId: 'ch-1',
      outcome: 'upheld',
      remedy: 're-evaluate',
      reason: 'The quality scores were never justified against the published criteria',
      resolvedAt: '2025-04-20T10:00:00.000Z',
      resolvedBy: 'u-lee',
    });
    expect(resolved.to).toEqual(['org-acme', 'org-birch']);
    expect(resolved.body.data).toEqual({
      title: 'Body-worn cameras',
      challengeId: 'ch-1',
      outcome: 'upheld',
      remedy: 're-evaluate',
      reason: 'The quality scores were never justified against the published criteria',
      resolvedAt: '2025-04-20T10:00:00.000Z',
    });
  });

  it('an unsuccessful tender, a contract and its change notice, without officers’ ids', () => {
    const unsuccessful = told('TenderDeclaredUnsuccessful', {
      reason: 'Only one compliant bid remained; the requirement will be re-tendered',
      compliantBids: 1,
      minimumBids: 2,
      declaredAt: '2025-04-10T10:00:00.000Z',
      declaredBy: 'u-alice',
    });
    expect(unsuccessful.body.type).toBe('tender.unsuccessful');
    expect(JSON.stringify(unsuccessful.body)).not.toContain('u-alice');
    const concluded = told('ContractConcluded', {
      contractId: 'k-1',
      supplierId: 'org-acme',
      value: { amount: 200000, currency: 'GBP' },
      period: { startDate: '2025-05-01', endDate: '2026-04-30' },
      concludedAt: '2025-04-28T10:00:00.000Z',
      concludedBy: 'u-alice',
    });
    expect(concluded.to).toEqual(['org-acme', 'org-birch']);
    expect(concluded.body.data).toEqual({
      title: 'Body-worn cameras',
      contractId: 'k-1',
      supplierId: 'org-acme',
      value: { amount: 200000, currency: 'GBP' },
      period: { startDate: '2025-05-01', endDate: '2026-04-30' },
      concludedAt: '2025-04-28T10:00:00.000Z',
    });
    const change = told('ContractChangeNoticePublished', {
      changeId: 'c-1',
      kind: 'extension',
      description: 'Pilot extended',
      justification: 'The force-wide roll-out was delayed by late vendor deliveries',
      addedValue: { amount: 100000, currency: 'GBP' },
      addedMonths: 12,
      changeNumber: 1,
      value: { amount: 300000, currency: 'GBP' },
      period: { startDate: '2025-05-01', endDate: '2027-04-30' },
      redFlags: [{ code: 'CHANGE_TIME', message: '12 months added', threshold: 6, actual: 12 }],
      publishedAt: '2026-03-01T10:00:00.000Z',
      requestedBy: 'u-alice',
    });
    expect(change.to).toEqual(['org-acme', 'org-birch']);
    expect(change.body).toMatchObject({
      type: 'contract.change-published',
      data: {
        changeNumber: 1,
        kind: 'extension',
        addedMonths: 12,
        redFlags: [{ code: 'CHANGE_TIME', threshold: 6, actual: 12 }],
      },
    });
    expect(JSON.stringify(change.body)).not.toContain('u-alice');
  });

  it('before any bid was opened, the award stage has nobody to tell', () => {
    const draft = opened.slice(0, 2).reduce(evolveTender, initialTenderState());
    const e = event('StandstillEnded', { endedAt: 'x', endsAt: 'x', openChallenges: 0, round: 1 });
    const planned = notificationFor(e, draft)!;
    expect(recipientsOf(planned.audience, e, REGISTERED, draft)).toEqual([]);
  });
});
