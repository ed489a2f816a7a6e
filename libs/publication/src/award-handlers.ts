import {
  directAwardGroundText,
  type AwardProposed,
  type AwardSuspended,
  type AwardSuspensionLifted,
  type BidComplianceRecorded,
  type ChallengeLodged,
  type ChallengeResolved,
  type ContractChangeNoticePublished,
  type ContractConcluded,
  type EvaluationReopened,
  type StandstillEnded,
  type StandstillStarted,
  type TenderDeclaredUnsuccessful,
} from '@fairtender/domain';
import { unchanged, type Handler, type Outcome } from './outcome';
import type { AwardFacts, PublicationState } from './publication-state';

/** The award of a round, changed by `change`; unchanged state when there is none. */
function withAward(
  state: PublicationState,
  round: number,
  change: (award: AwardFacts) => AwardFacts,
): PublicationState | undefined {
  const index = state.awards.findIndex((award) => award.round === round);
  if (index === -1) return undefined;
  const awards = state.awards.map((award, i) => (i === index ? change(award) : award));
  return { ...state, awards };
}

function awardUpdate(
  state: PublicationState,
  round: number,
  at: string,
  change: (award: AwardFacts) => AwardFacts,
  tag: 'awardUpdate' | 'awardCancellation' = 'awardUpdate',
): Outcome {
  const next = withAward(state, round, change);
  return next ? { state: next, publish: { tag, at } } : unchanged(state);
}

/**
 * Evaluation, award, standstill, challenge and contract facts. Evaluators, their scores and
 * conflicts, assessment summaries, who challenged and with what words, and the officers who decided
 * are never published: only the decisions, their dates and their public grounds.
 */
export const AWARD_HANDLERS: Record<string, Handler<never>> = {
  BidComplianceRecorded: ((state, data: BidComplianceRecorded['data']) => ({
    state: {
      ...state,
      compliance: {
        ...state.compliance,
        [data.supplierId]: {
          decision: data.decision,
          price: data.price,
          recordedAt: data.recordedAt,
        },
      },
    },
    publish: { tag: 'tenderUpdate', at: data.recordedAt },
  })) satisfies Handler<BidComplianceRecorded['data']>,

  AwardProposed: ((state, data: AwardProposed['data']) => {
    const at = data.confirmedAt ?? data.proposedAt;
    const ranked = data.ranking.find((bid) => bid.supplierId === data.supplierId);
    const award: AwardFacts = {
      round: data.round,
      supplierId: data.supplierId,
      value: ranked?.price ?? state.compliance[data.supplierId]?.price ?? null,
      proposedAt: at,
      status: 'pending',
      departures: data.departures,
      ...(data.departureJustification
        ? { departureJustification: data.departureJustification }
        : {}),
    };
    const directAward = data.directAward
      ? {
          ground: directAwardGroundText(data.directAward.ground),
          justification: data.directAward.justification,
        }
      : state.directAward;
    return {
      state: {
        ...state,
        awards: [...state.awards.filter((a) => a.round !== data.round), award],
        directAward,
      },
      publish: { tag: 'award', at },
    };
  }) satisfies Handler<AwardProposed['data']>,

  StandstillStarted: ((state, data: StandstillStarted['data']) =>
    awardUpdate(state, data.round, data.startsAt, (award) => ({
      ...award,
      standstill: { startsAt: data.startsAt, endsAt: data.endsAt, basis: data.basis },
    }))) satisfies Handler<StandstillStarted['data']>,

  StandstillEnded: ((state, data: StandstillEnded['data']) =>
    awardUpdate(state, data.round, data.endedAt, (award) => ({
      ...award,
      standstillEndedAt: data.endedAt,
      // In force once the standstill has run with no challenge holding it.
      status: award.status === 'pending' && data.openChallenges === 0 ? 'active' : award.status,
    }))) satisfies Handler<StandstillEnded['data']>,

  ChallengeLodged: ((state, data: ChallengeLodged['data']) => ({
    state: {
      ...state,
      challenges: [
        ...state.challenges,
        {
          challengeId: data.challengeId,
          round: data.round,
          grounds: data.grounds,
          lodgedAt: data.lodgedAt,
        },
      ],
    },
  })) satisfies Handler<ChallengeLodged['data']>,

  AwardSuspended: ((state, data: AwardSuspended['data']) =>
    awardUpdate(state, data.round, data.suspendedAt, (award) => ({
      ...award,
      suspendedAt: data.suspendedAt,
    }))) satisfies Handler<AwardSuspended['data']>,

  ChallengeResolved: ((state, data: ChallengeResolved['data']) => {
    const challenge = state.challenges.find((c) => c.challengeId === data.challengeId);
    if (!challenge) return unchanged(state);
    const resolved = {
      ...challenge,
      outcome: data.outcome,
      ...(data.remedy ? { remedy: data.remedy } : {}),
      resolvedAt: data.resolvedAt,
    };
    const next = {
      ...state,
      challenges: state.challenges.map((c) => (c === challenge ? resolved : c)),
    };
    return state.awards.some((a) => a.round === challenge.round)
      ? { state: next, publish: { tag: 'awardUpdate', at: data.resolvedAt } }
      : { state: next };
  }) satisfies Handler<ChallengeResolved['data']>,

  AwardSuspensionLifted: ((state, data: AwardSuspensionLifted['data']) =>
    awardUpdate(state, data.round, data.liftedAt, (award) => ({
      ...award,
      suspensionLiftedAt: data.liftedAt,
      status: award.status === 'pending' && award.standstillEndedAt ? 'active' : award.status,
    }))) satisfies Handler<AwardSuspensionLifted['data']>,

  // An upheld challenge sends the tender back to evaluation: the award of the earlier round is void.
  EvaluationReopened: ((state, data: EvaluationReopened['data']) =>
    awardUpdate(
      state,
      data.round - 1,
      data.reopenedAt,
      (award) => ({
        ...award,
        status: 'cancelled',
        cancellation: {
          at: data.reopenedAt,
          reason: `Challenge upheld: the tender went back to evaluation (round ${data.round}).`,
        },
      }),
      'awardCancellation',
    )) satisfies Handler<EvaluationReopened['data']>,

  TenderDeclaredUnsuccessful: ((state, data: TenderDeclaredUnsuccessful['data']) => ({
    state: {
      ...state,
      status: 'unsuccessful',
      unsuccessful: {
        reason: data.reason,
        declaredAt: data.declaredAt,
        compliantBids: data.compliantBids,
        minimumBids: data.minimumBids,
      },
    },
    publish: { tag: 'tenderUpdate', at: data.declaredAt },
  })) satisfies Handler<TenderDeclaredUnsuccessful['data']>,

  ContractConcluded: ((state, data: ContractConcluded['data']) => {
    const award =
      [...state.awards]
        .reverse()
        .find((a) => a.supplierId === data.supplierId && a.status !== 'cancelled') ??
      state.awards.at(-1);
    const awards = state.awards.map((a) => (a === award ? { ...a, status: 'active' as const } : a));
    return {
      state: {
        ...state,
        status: 'complete',
        awards,
        contract: {
          contractId: data.contractId,
          supplierId: data.supplierId,
          round: award?.round ?? 1,
          value: data.value,
          period: data.period,
          concludedAt: data.concludedAt,
          changes: [],
        },
      },
      publish: { tag: 'contract', at: data.concludedAt },
    };
  }) satisfies Handler<ContractConcluded['data']>,

  ContractChangeNoticePublished: ((state, data: ContractChangeNoticePublished['data'], event) => {
    if (!state.contract) return unchanged(state);
    const change = {
      changeNumber: data.changeNumber,
      kind: data.kind,
      description: data.description,
      justification: data.justification,
      addedValue: data.addedValue,
      addedMonths: data.addedMonths,
      redFlags: data.redFlags,
      publishedAt: data.publishedAt,
      ...(state.lastRelease ? { amendsReleaseKey: state.lastRelease.key } : {}),
      releaseKey: event.eventId,
    };
    return {
      state: {
        ...state,
        contract: {
          ...state.contract,
          value: data.value,
          period: data.period,
          changes: [...state.contract.changes, change],
        },
      },
      publish: { tag: 'contractAmendment', at: data.publishedAt },
    };
  }) satisfies Handler<ContractChangeNoticePublished['data']>,
};
