import { randomUUID } from 'node:crypto';
import {
  allowedRequirements,
  type AwardProposal,
  type ChangeRedFlag,
  type CommandActor,
  type ExclusionReasonCode,
  type NoticeTerms,
  type TenderViewEvent,
} from '@fairtender/domain';
import { scenario, type Scenario } from '@fairtender/domain/testing/scenario';
import { sampleNoticeTerms } from '@fairtender/domain/testing/sample-notice-terms';
import type { AppendResult, EventStore } from '@fairtender/event-store';
import { ScenarioStore } from '../support/scenario-store';

/**
 * One tender's history, appended to the event store step by step. Up to the evaluators' submissions
 * every step runs the real decider through the scenario builder (docs/testing.md#the-scenario-builder).
 * The award, standstill, contract and changes are what these tests assert on exactly — hand-picked
 * rankings, standstill dates and red flags the integrity projection must show as recorded — so they
 * are stored as written (`Scenario.stored`), not decided: the deciders would compute their own.
 */
export class TenderHistory {
  readonly tenderId = randomUUID();
  readonly history: Scenario;
  private readonly stored: ScenarioStore;

  constructor(
    store: EventStore,
    readonly terms: NoticeTerms = sampleNoticeTerms(),
    readonly buyer = 'authority-1',
  ) {
    const officers =
      buyer === 'authority-1'
        ? ['officer-alice', 'officer-bob']
        : ['officer-oscar', 'officer-olive'];
    this.history = scenario({
      tenderId: this.tenderId,
      buyer,
      terms,
      officers: [
        { userId: officers[0], organisationId: buyer, role: 'officer' },
        { userId: officers[1], organisationId: buyer, role: 'officer' },
      ],
      supplierUser: (supplierId) => `supplier-${supplierId}`,
    });
    this.stored = new ScenarioStore(store);
  }

  /** The last event appended. */
  get last(): AppendResult {
    if (!this.stored.last) throw new Error('Nothing appended yet');
    return this.stored.last;
  }

  /**
   * Published at `publishedAt`. `stored`: a notice whose tendering period the rules refuse today (the
   * short tender the integrity flags exist for), stored as an older notice would have been.
   */
  publish(publishedAt: string, { stored = false } = {}) {
    const sealingKey = { keyId: `dk-${this.tenderId}`, wrappedKey: 'V1JBUFBFRA==' };
    return this.step((s) =>
      stored
        ? s.publish({ at: publishedAt, sealingKey, stored: true })
        : s.draft({ at: publishedAt }).publish({ at: publishedAt, sealingKey }),
    );
  }

  ask(questionId: string, askedAt: string, supplierId: string) {
    const question = `Does the price of ${questionId} include training?`;
    return this.step((s) => s.ask(supplierId, { questionId, question, at: askedAt }));
  }

  answer(questionId: string, answeredAt: string) {
    return this.step((s) => s.answer(questionId, { at: answeredAt }));
  }

  bid(supplierId: string, receivedAt: string) {
    const contentHash = randomUUID().replaceAll('-', '').repeat(2);
    return this.step((s) => s.bid(supplierId, { at: receivedAt, contentHash }));
  }

  close(closedAt = this.terms.submissionDeadline) {
    return this.step((s) => s.closed({ at: closedAt }));
  }

  /** Two officers open: the heads of every bid stream, as the store chained them, are anchored. */
  open(openedAt: string) {
    return this.step((s) => s.opened({ at: openedAt }));
  }

  /** Passed, or excluded naming the first requirement its reason code allows on this notice. */
  compliance(
    supplierId: string,
    amount: number,
    recordedAt: string,
    exclusion?: { reasonCode: ExclusionReasonCode; reasonText: string },
  ) {
    return this.step((s) =>
      exclusion
        ? s.excluded(supplierId, {
            ...exclusion,
            requirement: allowedRequirements(exclusion.reasonCode, this.terms.awardCriteria)[0],
            price: amount,
            at: recordedAt,
          })
        : s.passed(supplierId, { price: amount, at: recordedAt }),
    );
  }

  /** Appointed, and every member accepted at once. */
  panel(evaluatorIds: string[], appointedAt: string) {
    return this.step((s) => s.panel(evaluatorIds, { at: appointedAt }));
  }

  declare(evaluatorId: string, supplierId: string, declaredAt: string, conflict = false) {
    return this.step((s) =>
      s.declared(evaluatorId, supplierId, {
        conflict,
        statement: 'I advised this supplier on its bid strategy last year.',
        at: declaredAt,
      }),
    );
  }

  score(
    evaluatorId: string,
    supplierId: string,
    criterionId: string,
    score: number,
    justification: string,
    scoredAt: string,
  ) {
    return this.step((s) =>
      s.scored(evaluatorId, supplierId, [{ criterionId, score, justification }], { at: scoredAt }),
    );
  }

  /** The decider works out the bids the evaluator scored. */
  submit(evaluatorId: string, submittedAt: string) {
    return this.step((s) => s.submittedBy(evaluatorId, { at: submittedAt }));
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

  /** An event stored as written (see the class comment): on the tender stream, by the first officer. */
  tender(type: string, data: unknown, actor: CommandActor = this.history.officers[0]) {
    return this.step((s) => s.stored(actor, { type, data } as TenderViewEvent));
  }

  private async step(run: (s: Scenario) => unknown): Promise<this> {
    run(this.history);
    await this.stored.append(this.history);
    return this;
  }
}
