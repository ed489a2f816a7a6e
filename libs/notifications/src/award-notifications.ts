import type {
  AssessmentSummary,
  AssessmentSummaryIssued,
  AwardSuspended,
  ChallengeResolved,
  ContractChangeNoticePublished,
  ContractConcluded,
  ContractPeriod,
  CriterionReasons,
  Money,
  StandstillEnded,
  StandstillStarted,
  TenderDeclaredUnsuccessful,
  TenderState,
} from '@fairtender/domain';
import type { Audience, Mapping, NotifiableEvent } from './notification-types';

/** Every supplier whose bid stream was opened: those who bid, withdrawn or not. */
export const biddersOf = (tender: TenderState): string[] =>
  (tender.opening.bidStreams ?? []).map((head) => head.supplierId);

/** The award stage is the bidders' business: public facts, told to those who bid. */
const BIDDERS: Audience = { kind: 'suppliers', of: (_event, tender) => biddersOf(tender) };

/** An assessment summary is its supplier's alone (PA 2023 s.50). */
const ITS_SUPPLIER: Audience = {
  kind: 'suppliers',
  of: (event: NotifiableEvent) => {
    const supplierId = (event.data as Partial<AssessmentSummaryIssued['data']>)?.summary
      ?.supplierId;
    return typeof supplierId === 'string' ? [supplierId] : [];
  },
};

const money = ({ amount, currency }: Money) => ({ amount, currency });
const period = ({ startDate, endDate }: ContractPeriod) => ({ startDate, endDate });
const scores = (byCriterion: Record<string, number>) => ({ ...byCriterion });
/** The panel's written reasons, as the summary holds them: never who wrote them. */
const reasons = (list: readonly CriterionReasons[]) =>
  list.map(({ criterionId, justifications, moderation }) => ({
    criterionId,
    justifications: [...justifications],
    moderation,
  }));

function summaryBody(summary: AssessmentSummary) {
  const { own, exclusion, winner } = summary;
  return {
    supplierId: summary.supplierId,
    outcome: summary.outcome,
    own: own && {
      rank: own.rank,
      total: own.total,
      scores: scores(own.scores),
      reasons: reasons(own.reasons),
    },
    exclusion: exclusion && {
      reasonCode: exclusion.reasonCode,
      reasonText: exclusion.reasonText,
      ...(exclusion.requirement ? { requirement: exclusion.requirement } : {}),
    },
    winner: {
      supplierId: winner.supplierId,
      total: winner.total,
      scores: scores(winner.scores),
      reasons: reasons(winner.reasons),
    },
  };
}

/**
 * The award stage's notices (docs/rules.md#standstill-and-challenge, #contract-changes), merged into NOTIFIED_EVENTS. Officers', legal's
 * and evaluators' identities (`declaredBy`, `resolvedBy`, `concludedBy`) are never part of a body, nor
 * the text of a challenge: its outcome is told with the reason legal recorded.
 */
export const AWARD_NOTIFIED_EVENTS = {
  AssessmentSummaryIssued: {
    type: 'assessment-summary.issued',
    audience: ITS_SUPPLIER,
    notify: (data: AssessmentSummaryIssued['data'], tender) => ({
      occurredAt: data.issuedAt,
      data: {
        title: tender.notice.terms?.title,
        round: data.round,
        summary: summaryBody(data.summary),
        issuedAt: data.issuedAt,
      },
    }),
  } satisfies Mapping<AssessmentSummaryIssued['data']>,
  StandstillStarted: {
    type: 'standstill.started',
    audience: BIDDERS,
    notify: (data: StandstillStarted['data'], tender) => ({
      occurredAt: data.startsAt,
      data: {
        title: tender.notice.terms?.title,
        round: data.round,
        jurisdiction: data.jurisdiction,
        startsAt: data.startsAt,
        endsAt: data.endsAt,
        countedDays: [...data.countedDays],
        basis: data.basis,
      },
    }),
  } satisfies Mapping<StandstillStarted['data']>,
  StandstillEnded: {
    type: 'standstill.ended',
    audience: BIDDERS,
    notify: (data: StandstillEnded['data'], tender) => ({
      occurredAt: data.endedAt,
      data: {
        title: tender.notice.terms?.title,
        round: data.round,
        endsAt: data.endsAt,
        endedAt: data.endedAt,
        openChallenges: data.openChallenges,
      },
    }),
  } satisfies Mapping<StandstillEnded['data']>,
  AwardSuspended: {
    type: 'award.suspended',
    audience: BIDDERS,
    notify: (data: AwardSuspended['data'], tender) => ({
      occurredAt: data.suspendedAt,
      data: {
        title: tender.notice.terms?.title,
        round: data.round,
        challengeId: data.challengeId,
        suspendedAt: data.suspendedAt,
      },
    }),
  } satisfies Mapping<AwardSuspended['data']>,
  ChallengeResolved: {
    type: 'challenge.resolved',
    audience: BIDDERS,
    notify: (data: ChallengeResolved['data'], tender) => ({
      occurredAt: data.resolvedAt,
      data: {
        title: tender.notice.terms?.title,
        challengeId: data.challengeId,
        outcome: data.outcome,
        remedy: data.remedy,
        reason: data.reason,
        resolvedAt: data.resolvedAt,
      },
    }),
  } satisfies Mapping<ChallengeResolved['data']>,
  TenderDeclaredUnsuccessful: {
    type: 'tender.unsuccessful',
    audience: BIDDERS,
    notify: (data: TenderDeclaredUnsuccessful['data'], tender) => ({
      occurredAt: data.declaredAt,
      data: {
        title: tender.notice.terms?.title,
        reason: data.reason,
        compliantBids: data.compliantBids,
        minimumBids: data.minimumBids,
        declaredAt: data.declaredAt,
      },
    }),
  } satisfies Mapping<TenderDeclaredUnsuccessful['data']>,
  ContractConcluded: {
    type: 'contract.concluded',
    audience: BIDDERS,
    notify: (data: ContractConcluded['data'], tender) => ({
      occurredAt: data.concludedAt,
      data: {
        title: tender.notice.terms?.title,
        contractId: data.contractId,
        supplierId: data.supplierId,
        value: money(data.value),
        period: period(data.period),
        concludedAt: data.concludedAt,
      },
    }),
  } satisfies Mapping<ContractConcluded['data']>,
  ContractChangeNoticePublished: {
    type: 'contract.change-published',
    audience: BIDDERS,
    notify: (data: ContractChangeNoticePublished['data'], tender) => ({
      occurredAt: data.publishedAt,
      data: {
        title: tender.notice.terms?.title,
        contractId: tender.contract?.contractId,
        changeId: data.changeId,
        changeNumber: data.changeNumber,
        kind: data.kind,
        description: data.description,
        justification: data.justification,
        addedValue: money(data.addedValue),
        addedMonths: data.addedMonths,
        value: money(data.value),
        period: period(data.period),
        redFlags: data.redFlags.map(({ code, message, threshold, actual }) => ({
          code,
          message,
          threshold,
          actual,
        })),
        publishedAt: data.publishedAt,
      },
    }),
  } satisfies Mapping<ContractChangeNoticePublished['data']>,
} as const;
