import type { TenderingPeriodRecord } from '../../tender/tendering-period-record';
/** A tender's events written by hand, folded into the view the integrity report reads (specs only). */
import type { AwardDeparture, AwardProposal, RankedBid } from '../../tender/events/award';
import type { DirectAwardGround } from '../../tender/direct-award-grounds';
import type { ChangeRedFlag, ContractChangeKind } from '../../tender/events/contract';
import type { ExclusionReasonCode } from '../../tender/exclusion-reasons';
import {
  evolveTenderView,
  initialTenderView,
  type TenderView,
  type TenderViewEvent,
} from '../../tender/tender-view';
import type { NoticeTerms } from '../../tender/terms';
import { sampleNoticeTerms } from '../../testing/sample-notice-terms';
import type { RecordedChangeFlags } from '../report';

export const TENDER = 't-cameras';
export const BUYER = 'org-council';
export const PUBLISHED_AT = '2025-03-03T09:00:00.000Z';
/** Minutes after 2025-04-01 09:00 UTC (after the default deadline), as an ISO string. */
export const later = (minutes: number) => new Date(Date.UTC(2025, 3, 1, 9, minutes)).toISOString();

const JUSTIFIED = 'Docking and storage meet the stated need well. ';
/** A justification of `length` characters (46 or more), a sentence as the rule for reasons wants. */
export const justification = (length: number) =>
  `${JUSTIFIED}${'x'.repeat(Math.max(0, length - JUSTIFIED.length))}`.slice(
    0,
    Math.max(length, JUSTIFIED.length - 1),
  );

export class TenderScenario {
  readonly events: TenderViewEvent[] = [];
  readonly changeFlags: RecordedChangeFlags[] = [];
  private bidders: string[] = [];

  constructor(readonly terms: NoticeTerms = sampleNoticeTerms()) {}

  /** `tenderingPeriod`: what publication recorded of the statutory minimum (absent in older events). */
  publish(publishedAt = PUBLISHED_AT, tenderingPeriod?: TenderingPeriodRecord): this {
    return this.add(
      {
        type: 'TenderDrafted',
        data: {
          tenderId: TENDER,
          buyerOrganisationId: BUYER,
          terms: this.terms,
          draftedAt: publishedAt,
        },
      },
      {
        type: 'TenderPublished',
        data: {
          terms: this.terms,
          publishedAt,
          noticeVersion: 1,
          ...(tenderingPeriod ? { tenderingPeriod } : {}),
        },
      },
    );
  }

  bid(supplierId: string, receivedAt = '2025-03-20T10:00:00.000Z'): this {
    this.bidders.push(supplierId);
    return this.add({
      type: 'BidSubmitted',
      data: {
        tenderId: TENDER,
        supplierId,
        receivedAt,
        noticeVersion: 1,
        contentHash: supplierId.padEnd(64, '0').slice(0, 64),
        sizeBytes: 100,
        sealed: { keyId: 'dk', iv: 'aXY=', ciphertext: 'Y2lwaGVy', tag: 'dGFn' },
        documents: [],
      },
    });
  }

  ask(questionId: string, askedAt = '2025-03-10T10:00:00.000Z', supplierId = 'org-asker'): this {
    return this.add({
      type: 'ClarificationRequested',
      data: { questionId, question: `Question ${questionId}?`, askedAt, supplierId },
    });
  }

  answer(questionId: string, answeredAt = '2025-03-11T10:00:00.000Z'): this {
    return this.add({
      type: 'ClarificationAnswered',
      data: { questionId, answer: 'Yes, for every supplier.', answeredAt },
    });
  }

  close(closedAt = this.terms.submissionDeadline): this {
    return this.add({
      type: 'TenderingClosed',
      data: { closedAt, submissionDeadline: this.terms.submissionDeadline },
    });
  }

  open(openedAt = later(0)): this {
    return this.add({
      type: 'BidsOpened',
      data: {
        openedAt,
        officerIds: ['u-alice', 'u-bob'],
        bidStreams: this.bidders.map((supplierId) => ({
          supplierId,
          streamName: `tender-${TENDER}.bid-${supplierId}`,
          revision: 0,
          hash: 'f'.repeat(64),
        })),
      },
    });
  }

  pass(supplierId: string, amount: number, recordedAt = later(10)): this {
    return this.compliance(supplierId, amount, 'passed', recordedAt);
  }

  exclude(
    supplierId: string,
    amount: number,
    recordedAt = later(11),
    reasonCode: ExclusionReasonCode = 'requirements-not-met',
    reasonText = 'The bid does not meet the mandatory requirement for storage.',
  ): this {
    return this.compliance(supplierId, amount, 'excluded', recordedAt, reasonCode, reasonText);
  }

  /** Appointed, and every member accepted as an evaluator of the buyer. */
  panel(...evaluatorIds: string[]): this {
    return this.add(
      {
        type: 'EvaluationPanelAppointed',
        data: {
          evaluatorIds,
          appointedAt: later(20),
          appointedBy: 'u-alice',
          round: 1,
          acceptanceRequired: true,
        },
      },
      ...evaluatorIds.map((evaluatorId): TenderViewEvent => ({
        type: 'PanelMembershipAccepted',
        data: { evaluatorId, organisationId: BUYER, acceptedAt: later(21), round: 1 },
      })),
    );
  }

  declare(evaluatorId: string, supplierId: string, conflict = false): this {
    return this.add({
      type: 'ConflictOfInterestDeclared',
      data: {
        evaluatorId,
        supplierId,
        conflict,
        ...(conflict ? { statement: 'My brother runs its sales team.' } : {}),
        declaredAt: later(30),
      },
    });
  }

  score(
    evaluatorId: string,
    supplierId: string,
    text: string,
    criterionId = 'quality',
    score = 7,
  ): this {
    return this.add({
      type: 'BidScored',
      data: {
        evaluatorId,
        supplierId,
        criterionId,
        score,
        justification: text,
        scoredAt: later(40),
        round: 1,
      },
    });
  }

  submit(evaluatorId: string, submittedAt = later(50)): this {
    return this.add({
      type: 'EvaluationSubmitted',
      data: { evaluatorId, round: 1, submittedAt, scoredBids: [] },
    });
  }

  award(
    supplierId: string,
    options: {
      departures?: AwardDeparture[];
      ranking?: RankedBid[];
      topRanked?: string[];
      directAward?: { ground: DirectAwardGround; justification: string };
      proposedAt?: string;
      pending?: boolean;
    } = {},
  ): this {
    const proposal: AwardProposal = {
      supplierId,
      round: 1,
      ranking: options.ranking ?? [],
      topRanked: options.topRanked ?? [supplierId],
      departures: options.departures ?? [],
      ...(options.directAward ? { directAward: options.directAward } : {}),
      proposedBy: 'u-alice',
      proposedAt: options.proposedAt ?? later(60),
    };
    return this.add(
      options.pending
        ? { type: 'AwardConfirmationRequested', data: proposal }
        : { type: 'AwardProposed', data: proposal },
    );
  }

  conclude(supplierId: string, amount = 200_000): this {
    return this.add({
      type: 'ContractConcluded',
      data: {
        contractId: 'c-1',
        supplierId,
        value: { amount, currency: 'GBP' },
        period: { startDate: '2025-06-01', endDate: '2026-05-31' },
        concludedAt: later(90),
        concludedBy: 'u-alice',
      },
    });
  }

  change(
    changeId: string,
    kind: ContractChangeKind,
    addedMonths: number,
    redFlags: ChangeRedFlag[],
    approvedAt = later(120),
  ): this {
    this.changeFlags.push({ changeId, approvedAt, approvedBy: 'u-bob', redFlags });
    return this.add(
      {
        type: 'ContractChangeRequested',
        data: {
          changeId,
          kind,
          description: `${kind} of the pilot`,
          justification: 'The pilot needs another year to cover every ward.',
          addedValue: { amount: 0, currency: 'GBP' },
          addedMonths,
          requestedBy: 'u-alice',
          requestedAt: later(110),
        },
      },
      {
        type: 'ContractChangeApproved',
        data: { changeId, approvedBy: 'u-bob', approvedAt, redFlags },
      },
      {
        type: 'ContractChangeNoticePublished',
        data: {
          changeId,
          kind,
          description: `${kind} of the pilot`,
          justification: 'The pilot needs another year to cover every ward.',
          addedValue: { amount: 0, currency: 'GBP' },
          addedMonths,
          changeNumber: this.changeFlags.length,
          value: { amount: 200_000, currency: 'GBP' },
          period: { startDate: '2025-06-01', endDate: '2027-05-31' },
          redFlags,
          publishedAt: approvedAt,
        },
      },
    );
  }

  view(): TenderView {
    return this.events.reduce(evolveTenderView, initialTenderView());
  }

  private compliance(
    supplierId: string,
    amount: number,
    decision: 'passed' | 'excluded',
    recordedAt: string,
    reasonCode?: ExclusionReasonCode,
    reasonText?: string,
  ): this {
    return this.add({
      type: 'BidComplianceRecorded',
      data: {
        supplierId,
        contentHash: supplierId.padEnd(64, '0').slice(0, 64),
        price: { amount, currency: 'GBP' },
        decision,
        ...(reasonCode ? { reasonCode } : {}),
        ...(reasonText ? { reasonText } : {}),
        recordedAt,
        recordedBy: 'u-alice',
        round: 1,
      },
    });
  }

  private add(...events: TenderViewEvent[]): this {
    this.events.push(...events);
    return this;
  }
}
