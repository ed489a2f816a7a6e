import { randomUUID } from 'node:crypto';
import {
  bidStream,
  evaluatorStream,
  tenderStream,
  type AwardProposal,
  type ChangeRedFlag,
  type ExclusionReasonCode,
  type NoticeTerms,
} from '@fairtender/domain';
import { sampleNoticeTerms } from '@fairtender/domain/testing/sample-notice-terms';
import type { AppendResult, EventMetadata, EventStore } from '@fairtender/event-store';

/**
 * One tender's history written by hand, event by event, into the tender, bid and evaluator streams
 * the way the deciders would have written it — appended straight to the event store, so these tests
 * depend on the events only, not on the command handlers.
 */
export class TenderHistory {
  readonly tenderId = randomUUID();
  last!: AppendResult;
  private readonly bidders: string[] = [];

  constructor(
    private readonly store: EventStore,
    readonly terms: NoticeTerms = sampleNoticeTerms(),
    readonly buyer = 'authority-1',
  ) {}

  private get officer(): EventMetadata['actor'] {
    return {
      userId: this.buyer === 'authority-1' ? 'officer-alice' : 'officer-oscar',
      organisationId: this.buyer,
      role: 'officer',
    };
  }

  async publish(publishedAt: string): Promise<this> {
    const { tenderId, buyer: buyerOrganisationId, terms } = this;
    await this.tender('TenderDrafted', {
      tenderId,
      buyerOrganisationId,
      terms,
      draftedAt: publishedAt,
    });
    await this.tender('TenderPublished', { terms, publishedAt, noticeVersion: 1 });
    return this.tender('BidSealingKeyIssued', {
      keyId: `dk-${tenderId}`,
      wrappedKey: 'V1JBUFBFRA==',
    });
  }

  ask(questionId: string, askedAt: string, supplierId: string) {
    return this.tender(
      'ClarificationRequested',
      {
        questionId,
        question: `Does the price of ${questionId} include training?`,
        askedAt,
        supplierId,
      },
      { userId: `supplier-${supplierId}`, organisationId: supplierId, role: 'supplier' },
    );
  }

  answer(questionId: string, answeredAt: string) {
    return this.tender('ClarificationAnswered', {
      questionId,
      answer: 'Yes: training for every site is part of the price.',
      answeredAt,
    });
  }

  async bid(supplierId: string, receivedAt: string): Promise<this> {
    this.bidders.push(supplierId);
    await this.append(
      bidStream(this.tenderId, supplierId),
      'BidSubmitted',
      {
        tenderId: this.tenderId,
        supplierId,
        receivedAt,
        noticeVersion: 1,
        contentHash: randomUUID().replaceAll('-', '').repeat(2),
        sizeBytes: 2048,
        sealed: {
          keyId: `dk-${this.tenderId}`,
          iv: 'aXY=',
          ciphertext: 'U0VBTEVELUJJRA==',
          tag: 'dGFn',
        },
      },
      { userId: `supplier-${supplierId}`, organisationId: supplierId, role: 'supplier' },
    );
    return this;
  }

  close(closedAt = this.terms.submissionDeadline) {
    return this.tender('TenderingClosed', {
      closedAt,
      submissionDeadline: this.terms.submissionDeadline,
    });
  }

  /** Two officers open: the heads of every bid stream, read from the store, are anchored. */
  async open(openedAt: string): Promise<this> {
    const bidStreams = [];
    for (const supplierId of this.bidders) {
      const [head] = await this.store.readStream(bidStream(this.tenderId, supplierId), {
        direction: 'backwards',
        maxCount: 1,
      });
      bidStreams.push({
        supplierId,
        streamName: head.streamName,
        revision: head.revision,
        hash: head.hash,
      });
    }
    await this.tender('BidOpeningConfirmed', { officerId: 'officer-alice', confirmedAt: openedAt });
    return this.tender('BidsOpened', {
      openedAt,
      officerIds: ['officer-alice', 'officer-bob'],
      bidStreams,
    });
  }

  compliance(
    supplierId: string,
    amount: number,
    recordedAt: string,
    exclusion?: { reasonCode: ExclusionReasonCode; reasonText: string },
  ) {
    return this.tender('BidComplianceRecorded', {
      supplierId,
      contentHash: 'c'.repeat(64),
      price: { amount, currency: 'GBP' },
      decision: exclusion ? 'excluded' : 'passed',
      ...(exclusion ?? {}),
      recordedAt,
      recordedBy: 'officer-alice',
      round: 1,
    });
  }

  panel(evaluatorIds: string[], appointedAt: string) {
    return this.tender('EvaluationPanelAppointed', {
      evaluatorIds,
      appointedAt,
      appointedBy: 'officer-alice',
      round: 1,
    });
  }

  declare(evaluatorId: string, supplierId: string, declaredAt: string, conflict = false) {
    return this.evaluator(evaluatorId, 'ConflictOfInterestDeclared', {
      evaluatorId,
      supplierId,
      conflict,
      ...(conflict ? { statement: 'I advised this supplier on its bid strategy last year.' } : {}),
      declaredAt,
    });
  }

  score(
    evaluatorId: string,
    supplierId: string,
    criterionId: string,
    score: number,
    justification: string,
    scoredAt: string,
  ) {
    return this.evaluator(evaluatorId, 'BidScored', {
      evaluatorId,
      supplierId,
      criterionId,
      score,
      justification,
      scoredAt,
      round: 1,
    });
  }

  submit(evaluatorId: string, submittedAt: string, scoredBids: string[]) {
    return this.evaluator(evaluatorId, 'EvaluationSubmitted', {
      evaluatorId,
      round: 1,
      submittedAt,
      scoredBids,
    });
  }

  requestConfirmation(proposal: AwardProposal) {
    return this.tender('AwardConfirmationRequested', proposal);
  }

  async award(proposal: AwardProposal, confirmedBy?: string): Promise<this> {
    await this.tender('AwardProposed', {
      ...proposal,
      ...(confirmedBy ? { confirmedBy, confirmedAt: proposal.proposedAt } : {}),
    });
    return this;
  }

  async standstill(startsAt: string, endsAt: string): Promise<this> {
    await this.tender('StandstillStarted', {
      jurisdiction: 'uk-pa-2023',
      startsAt,
      endsAt,
      countedDays: [],
      basis: 'PA 2023 s.51: 8 working days',
      round: 1,
    });
    return this.tender('StandstillEnded', { endedAt: endsAt, endsAt, openChallenges: 0, round: 1 });
  }

  conclude(contractId: string, supplierId: string, amount: number, concludedAt: string) {
    return this.tender('ContractConcluded', {
      contractId,
      supplierId,
      value: { amount, currency: 'GBP' },
      period: { startDate: '2025-04-01', endDate: '2026-03-31' },
      concludedAt,
      concludedBy: 'officer-alice',
    });
  }

  /** Requested by one officer, approved by another; the change notice is published with it. */
  async extend(changeId: string, addedMonths: number, at: string, redFlags: ChangeRedFlag[]) {
    const change = {
      changeId,
      kind: 'extension' as const,
      description: `Pilot extended by ${addedMonths} months`,
      justification: 'The pilot needs another year of data before the force-wide roll-out.',
      addedValue: { amount: 0, currency: 'GBP' },
      addedMonths,
    };
    await this.tender('ContractChangeRequested', {
      ...change,
      requestedBy: 'officer-alice',
      requestedAt: at,
    });
    await this.tender('ContractChangeApproved', {
      changeId,
      approvedBy: 'officer-bob',
      approvedAt: at,
      redFlags,
    });
    return this.tender('ContractChangeNoticePublished', {
      ...change,
      changeNumber: 1,
      value: { amount: 180_000, currency: 'GBP' },
      period: { startDate: '2025-04-01', endDate: '2027-03-31' },
      redFlags,
      publishedAt: at,
    });
  }

  tender(type: string, data: unknown, actor: EventMetadata['actor'] = this.officer) {
    return this.append(tenderStream(this.tenderId), type, data, actor).then(() => this);
  }

  private evaluator(evaluatorId: string, type: string, data: unknown) {
    return this.append(evaluatorStream(this.tenderId, evaluatorId), type, data, {
      userId: evaluatorId,
      organisationId: this.buyer,
      role: 'evaluator',
    }).then(() => this);
  }

  private async append(stream: string, type: string, data: unknown, actor: EventMetadata['actor']) {
    this.last = await this.store.append(
      stream,
      [
        {
          eventId: randomUUID(),
          type,
          version: 1,
          data,
          metadata: { actor, correlationId: randomUUID() },
        },
      ],
      'any',
    );
  }
}
