import type { KnownEvent } from '@fairtender/domain';
import { sampleNoticeTerms } from '@fairtender/domain/testing/sample-notice-terms';
import type { PublicationEvent } from '../evolve-publication';

export const TENDER = 'b2a4a0f2-5d0c-4a8e-9d6e-0a1b2c3d4e5f';
export const BUYER = 'authority-1';

/** Builds events as the projection hands them over, with ids e-1, e-2, … in order. */
export class EventLog {
  private sequence = 0;
  readonly events: PublicationEvent[] = [];

  tender(event: KnownEvent): this {
    return this.push(event, 'tender');
  }

  bid(event: KnownEvent): this {
    return this.push(event, 'bid');
  }

  /** Another stream of the tender: an evaluator's, the refusals, the audit. */
  other(event: KnownEvent): this {
    return this.push(event, 'evaluator');
  }

  private push(event: KnownEvent, streamKind: string): this {
    this.sequence += 1;
    this.events.push({ ...event, eventId: `e-${this.sequence}`, streamKind });
    return this;
  }
}

const sealed = { keyId: 'k', iv: 'i', ciphertext: 'secret-ciphertext', tag: 't' };

export function submitted(supplierId: string, receivedAt: string, type = 'BidSubmitted') {
  return {
    type,
    data: {
      tenderId: TENDER,
      supplierId,
      receivedAt,
      noticeVersion: 1,
      contentHash: `hash-of-${supplierId}`,
      sizeBytes: 100,
      sealed,
    },
  } as KnownEvent;
}

/** Drafted, published, a question from acme answered, three bids (cedar withdraws), an amendment. */
export function tenderingEvents(log = new EventLog()): EventLog {
  const terms = sampleNoticeTerms();
  return log
    .tender({
      type: 'TenderDrafted',
      data: {
        tenderId: TENDER,
        buyerOrganisationId: BUYER,
        terms,
        draftedAt: '2025-03-01T10:00:00.000Z',
      },
    })
    .tender({
      type: 'TenderPublished',
      data: { terms, publishedAt: '2025-03-03T09:00:00.000Z', noticeVersion: 1 },
    })
    .tender({ type: 'BidSealingKeyIssued', data: { keyId: 'k', wrappedKey: 'wrapped-data-key' } })
    .tender({
      type: 'ClarificationRequested',
      data: {
        questionId: 'q-1',
        question: 'Must footage stay in the UK?',
        askedAt: '2025-03-04T09:00:00.000Z',
        supplierId: 'acme',
      },
    })
    .tender({
      type: 'ClarificationAnswered',
      data: { questionId: 'q-1', answer: 'Yes.', answeredAt: '2025-03-05T09:00:00.000Z' },
    })
    .bid(submitted('acme', '2025-03-06T09:00:00.000Z'))
    .bid(submitted('birch', '2025-03-07T09:00:00.000Z'))
    .bid(submitted('cedar', '2025-03-08T09:00:00.000Z'))
    .bid(submitted('birch', '2025-03-09T09:00:00.000Z', 'BidRevised'))
    .bid({
      type: 'BidWithdrawn',
      data: { tenderId: TENDER, supplierId: 'cedar', withdrawnAt: '2025-03-10T09:00:00.000Z' },
    })
    .tender({
      type: 'NoticeAmended',
      data: {
        changes: { submissionDeadline: '2025-04-07T12:00:00.000Z' },
        reason: 'More time after the storage clarification',
        amendedAt: '2025-03-11T09:00:00.000Z',
        noticeVersion: 2,
      },
    });
}

/** Closing and the two-officer opening, committing to every bid stream (a late-only stream too). */
export function openingEvents(log: EventLog): EventLog {
  return log
    .tender({
      type: 'TenderingClosed',
      data: {
        closedAt: '2025-04-07T12:00:01.000Z',
        submissionDeadline: '2025-04-07T12:00:00.000Z',
      },
    })
    .tender({
      type: 'BidOpeningConfirmed',
      data: { officerId: 'officer-alice', confirmedAt: '2025-04-08T09:00:00.000Z' },
    })
    .tender({
      type: 'BidsOpened',
      data: {
        openedAt: '2025-04-08T09:05:00.000Z',
        officerIds: ['officer-alice', 'officer-bob'],
        bidStreams: ['acme', 'birch', 'cedar', 'dogwood'].map((supplierId, revision) => ({
          supplierId,
          streamName: `tender-${TENDER}.bid-${supplierId}`,
          revision,
          hash: `head-${supplierId}`,
        })),
      },
    });
}

const GBP = (amount: number) => ({ amount, currency: 'GBP' });

/** Compliance (birch, the lowest price, excluded), panel, scores, an award to acme and its standstill. */
export function awardEvents(log: EventLog): EventLog {
  return log
    .tender({
      type: 'BidComplianceRecorded',
      data: {
        supplierId: 'acme',
        contentHash: 'hash-of-acme',
        price: GBP(41_000),
        decision: 'passed',
        recordedAt: '2025-04-09T09:00:00.000Z',
        recordedBy: 'officer-alice',
        round: 1,
      },
    })
    .tender({
      type: 'BidComplianceRecorded',
      data: {
        supplierId: 'birch',
        contentHash: 'hash-of-birch',
        price: GBP(40_000),
        decision: 'excluded',
        reasonCode: 'requirements-not-met',
        reasonText: 'No UK data centre was offered for storing the footage',
        recordedAt: '2025-04-09T10:00:00.000Z',
        recordedBy: 'officer-alice',
        round: 1,
      },
    })
    .tender({
      type: 'EvaluationPanelAppointed',
      data: {
        evaluatorIds: ['evaluator-eve', 'evaluator-evan'],
        appointedAt: '2025-04-09T11:00:00.000Z',
        appointedBy: 'officer-alice',
        round: 1,
        acceptanceRequired: true,
      },
    })
    .tender({
      type: 'PanelMembershipAccepted',
      data: {
        evaluatorId: 'evaluator-eve',
        organisationId: 'authority-1',
        acceptedAt: '2025-04-09T11:10:00.000Z',
        round: 1,
      },
    })
    .tender({
      type: 'PanelMembershipAccepted',
      data: {
        evaluatorId: 'evaluator-evan',
        organisationId: 'authority-1',
        acceptedAt: '2025-04-09T11:20:00.000Z',
        round: 1,
      },
    })
    .other({
      type: 'BidScored',
      data: {
        evaluatorId: 'evaluator-eve',
        supplierId: 'acme',
        criterionId: 'quality',
        score: 7,
        justification: 'A solid evidence platform with tested retention and retrieval',
        scoredAt: '2025-04-10T09:00:00.000Z',
        round: 1,
      },
    })
    .tender({
      type: 'AwardProposed',
      data: {
        supplierId: 'acme',
        round: 1,
        ranking: [
          { supplierId: 'acme', rank: 1, total: 80, price: GBP(41_000), scores: { quality: 7 } },
        ],
        topRanked: ['acme'],
        departures: ['all-but-winner-excluded'],
        proposedBy: 'officer-alice',
        proposedAt: '2025-04-11T09:00:00.000Z',
        confirmedBy: 'officer-bob',
        confirmedAt: '2025-04-11T10:00:00.000Z',
      },
    })
    .tender({
      type: 'AssessmentSummaryIssued',
      data: {
        summary: {
          supplierId: 'birch',
          outcome: 'excluded',
          exclusion: {
            reasonCode: 'requirements-not-met',
            reasonText: 'No UK data centre was offered for storing the footage',
          },
          winner: { supplierId: 'acme', total: 80, scores: { quality: 7 }, reasons: [] },
        },
        issuedAt: '2025-04-11T10:00:00.000Z',
        round: 1,
      },
    })
    .tender({
      type: 'StandstillStarted',
      data: {
        jurisdiction: 'uk-pa-2023',
        startsAt: '2025-04-11T10:00:00.000Z',
        endsAt: '2025-04-24T00:00:00.000Z',
        countedDays: [],
        basis: 'UK Procurement Act 2023 s.51: 8 working days',
        round: 1,
      },
    });
}

/** A challenge by birch, dismissed; the standstill ends; the contract and a 12-month extension. */
export function contractEvents(log: EventLog): EventLog {
  return log
    .tender({
      type: 'ChallengeLodged',
      data: {
        challengeId: 'c-1',
        supplierId: 'birch',
        grounds: ['wrongful-exclusion'],
        text: 'Our data centre is in Leeds, see annex 4',
        lodgedAt: '2025-04-14T09:00:00.000Z',
        round: 1,
      },
    })
    .tender({
      type: 'AwardSuspended',
      data: { challengeId: 'c-1', suspendedAt: '2025-04-14T09:00:00.000Z', round: 1 },
    })
    .tender({
      type: 'ChallengeResolved',
      data: {
        challengeId: 'c-1',
        outcome: 'dismissed',
        reason: 'Annex 4 names a London office, not a data centre',
        resolvedAt: '2025-04-20T09:00:00.000Z',
        resolvedBy: 'legal-lee',
      },
    })
    .tender({
      type: 'AwardSuspensionLifted',
      data: { liftedAt: '2025-04-20T09:00:00.000Z', round: 1 },
    })
    .tender({
      type: 'StandstillEnded',
      data: {
        endedAt: '2025-04-24T00:00:01.000Z',
        endsAt: '2025-04-24T00:00:00.000Z',
        openChallenges: 0,
        round: 1,
      },
    })
    .tender({
      type: 'ContractConcluded',
      data: {
        contractId: 'contract-1',
        supplierId: 'acme',
        value: GBP(41_000),
        period: { startDate: '2025-05-01', endDate: '2026-04-30' },
        concludedAt: '2025-04-25T09:00:00.000Z',
        concludedBy: 'officer-alice',
      },
    })
    .tender({
      type: 'ContractChangeNoticePublished',
      data: {
        changeId: 'ch-1',
        kind: 'extension',
        description: 'Pilot extended by 12 months',
        justification: 'The force delayed the roll-out while its new docking stations were built',
        addedValue: GBP(20_000),
        addedMonths: 12,
        changeNumber: 1,
        value: GBP(61_000),
        period: { startDate: '2025-05-01', endDate: '2027-04-30' },
        redFlags: [
          {
            code: 'CHANGE_TIME',
            message: 'Adds 12 months (threshold 6)',
            threshold: 6,
            actual: 12,
          },
        ],
        publishedAt: '2026-03-01T09:00:00.000Z',
      },
    });
}
