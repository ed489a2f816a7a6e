import { randomUUID } from 'node:crypto';
import { bidStream, type AssessmentSummary, type CriterionReasons } from '@fairtender/domain';
import { deadlinesPassed } from '@fairtender/domain/testing/notice-fixtures';
import { sampleNoticeTerms } from '@fairtender/domain/testing/sample-notice-terms';

/**
 * Tender-stream events as the api writes them up to a standstill, for scheduler tests that append
 * events directly: published (deadlines passed), closed, opened with `bidders`, the award to the first
 * bidder proposed with one assessment summary per bidder, and the standstill started.
 */

type Event = { type: string; data: unknown };

const iso = (ms: number) => new Date(ms).toISOString();

export const REASONS: CriterionReasons[] = [
  {
    criterionId: 'quality',
    justifications: ['Retention policy fully evidenced', 'Clear migration plan'],
  },
];

export function summaryFor(supplierId: string, winner: string): AssessmentSummary {
  const winning = { supplierId: winner, total: 82, scores: { quality: 8, price: 10 } };
  return supplierId === winner
    ? {
        supplierId,
        outcome: 'successful',
        own: { rank: 1, total: 82, scores: winning.scores, reasons: REASONS },
        winner: { ...winning, reasons: REASONS },
      }
    : {
        supplierId,
        outcome: 'unsuccessful',
        own: { rank: 2, total: 64, scores: { quality: 6, price: 8 }, reasons: REASONS },
        winner: { ...winning, reasons: REASONS },
      };
}

export interface AwardedTender {
  tenderId: string;
  endsAt: string;
  events: Event[];
}

export function awardedTender({
  bidders,
  standstillMs,
  tenderId = randomUUID(),
}: {
  bidders: string[];
  standstillMs: number;
  tenderId?: string;
}): AwardedTender {
  const now = Date.now();
  const day = 24 * 3600_000;
  const terms = sampleNoticeTerms({
    clarificationDeadline: iso(now - 10 * day),
    submissionDeadline: iso(now - 3 * day),
  });
  const winner = bidders[0];
  const endsAt = iso(now + standstillMs);
  return {
    tenderId,
    endsAt,
    events: [
      {
        type: 'TenderDrafted',
        data: {
          tenderId,
          buyerOrganisationId: 'org-council',
          terms,
          draftedAt: iso(now - 30 * day),
        },
      },
      {
        type: 'TenderPublished',
        data: { terms, publishedAt: iso(now - 29 * day), noticeVersion: 1 },
      },
      { type: 'BidSealingKeyIssued', data: { keyId: `dk-${tenderId}`, wrappedKey: 'd3JhcA==' } },
      ...deadlinesPassed(terms),
      {
        type: 'BidsOpened',
        data: {
          openedAt: iso(now - 2 * day),
          officerIds: ['u-alice', 'u-bob'],
          bidStreams: bidders.map((supplierId) => ({
            supplierId,
            streamName: bidStream(tenderId, supplierId),
            revision: 0,
            hash: 'f'.repeat(64),
          })),
        },
      },
      {
        type: 'AwardProposed',
        data: {
          supplierId: winner,
          round: 1,
          ranking: [],
          topRanked: [winner],
          departures: [],
          proposedBy: 'u-alice',
          proposedAt: iso(now),
        },
      },
      ...bidders.map((supplierId) => ({
        type: 'AssessmentSummaryIssued',
        data: { summary: summaryFor(supplierId, winner), issuedAt: iso(now), round: 1 },
      })),
      {
        type: 'StandstillStarted',
        data: {
          jurisdiction: 'uk-pa-2023',
          startsAt: iso(now),
          endsAt,
          countedDays: [],
          basis: 'Procurement Act 2023 s.51: 8 working days',
          round: 1,
        },
      },
    ],
  };
}

/** A challenge lodged in standstill, upheld, and the tender back in evaluation (round 2). */
export function challengeUpheldForReEvaluation(supplierId: string): Event[] {
  const now = Date.now();
  const challengeId = randomUUID();
  return [
    {
      type: 'ChallengeLodged',
      data: {
        challengeId,
        supplierId,
        grounds: ['evaluation-error'],
        text: 'Our quality answer was scored against an unpublished sub-criterion',
        lodgedAt: iso(now),
        round: 1,
      },
    },
    { type: 'AwardSuspended', data: { challengeId, suspendedAt: iso(now), round: 1 } },
    {
      type: 'ChallengeResolved',
      data: {
        challengeId,
        outcome: 'upheld',
        remedy: 're-evaluate',
        reason: 'The quality scores applied a sub-criterion the notice never published',
        resolvedAt: iso(now),
        resolvedBy: 'u-lee',
      },
    },
    {
      type: 'EvaluationReopened',
      data: {
        round: 2,
        reason: 'The quality scores applied a sub-criterion the notice never published',
        challengeId,
        reopenedAt: iso(now),
      },
    },
  ];
}
