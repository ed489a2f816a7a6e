import {
  directAwardGroundText,
  type AwardState,
  type ContractChangeNoticePublished,
  type TenderState,
} from '@fairtender/domain';

/**
 * The contract award notice as the public reads it: the winner, the ranking's totals, every departure
 * from a plain competitive award (with the officers' published justification and any direct-award
 * ground), the standstill, any suspension, the contract and its change notices. Never an evaluator,
 * an officer's user id, or what the panel wrote about any bid: those go to each bidder in its own
 * assessment summary.
 */
export function awardNotice(
  tender: TenderState,
  changeNotices: readonly ContractChangeNoticePublished['data'][],
) {
  const award = tender.award.awarded!;
  const compliance = Object.values(tender.evaluation.compliance);
  const openChallenges = Object.values(tender.challenges).filter(
    (challenge) => challenge.outcome === undefined && challenge.round === award.round,
  ).length;
  const { contract } = tender;
  return {
    tenderId: tender.tenderId,
    title: tender.notice.terms?.title,
    buyerOrganisationId: tender.buyerOrganisationId,
    stage: tender.stage,
    ...(tender.stage === 'cancelled'
      ? {
          cancellation: {
            reason: tender.notice.cancelled?.reason,
            cancelledAt: tender.notice.cancelled?.at,
          },
        }
      : {}),
    award: {
      round: award.round,
      supplierId: award.supplierId,
      proposedAt: award.proposedAt,
      ...(award.confirmedBy ? { confirmedBySecondOfficer: true } : {}),
      ranking: award.ranking.map(({ supplierId, rank, total }) => ({ supplierId, rank, total })),
      topRanked: [...award.topRanked],
      departures: [...award.departures],
      ...(award.departureJustification
        ? { departureJustification: award.departureJustification }
        : {}),
      ...(award.moderatedCells ? { moderation: moderationDeparture(award) } : {}),
      ...(award.directAward
        ? {
            directAward: {
              ground: award.directAward.ground,
              groundDescription: directAwardGroundText(award.directAward.ground),
              justification: award.directAward.justification,
            },
          }
        : {}),
    },
    bids: {
      assessed: compliance.length,
      compliant: compliance.filter((record) => record.decision === 'passed').length,
      excluded: compliance.filter((record) => record.decision === 'excluded').length,
    },
    standstill: award.standstill
      ? {
          jurisdiction: award.standstill.jurisdiction,
          startsAt: award.standstill.startsAt,
          endsAt: award.standstill.endsAt,
          countedDays: [...award.standstill.countedDays],
          basis: award.standstill.basis,
          ...(award.standstillEndedAt ? { endedAt: award.standstillEndedAt } : {}),
        }
      : null,
    suspension: { suspended: award.suspendedBy.length > 0, openChallenges },
    contract: contract
      ? {
          contractId: contract.contractId,
          supplierId: contract.supplierId,
          concludedAt: contract.concludedAt,
          originalValue: contract.originalValue,
          originalPeriod: contract.originalPeriod,
          value: contract.value,
          period: contract.period,
        }
      : null,
    changeNotices: changeNotices.map((notice) => ({
      changeNumber: notice.changeNumber,
      changeId: notice.changeId,
      kind: notice.kind,
      description: notice.description,
      justification: notice.justification,
      addedValue: notice.addedValue,
      addedMonths: notice.addedMonths,
      value: notice.value,
      period: notice.period,
      redFlags: notice.redFlags,
      publishedAt: notice.publishedAt,
    })),
  };
}

/**
 * Moderation's departures from the panel (issue 12): the panel's own top beside the award's, and each
 * agreed score that counted with the panel's range and mean and the officers' published reasons —
 * never an evaluator's own score nor an officer's user id.
 */
function moderationDeparture(award: AwardState) {
  return {
    panelTopRanked: [...(award.panelTopRanked ?? [])],
    topRanked: [...award.topRanked],
    agreedScores: (award.moderatedCells ?? []).map((cell) => ({
      supplierId: cell.supplierId,
      criterionId: cell.criterionId,
      panelRange: { ...cell.panelRange },
      panelMean: cell.panelMean,
      agreedScore: cell.agreedScore,
      outsidePanelRange: cell.departure,
      ...(cell.reason === undefined ? {} : { reason: cell.reason }),
      ...(cell.confirmedBy === undefined
        ? {}
        : { confirmedBySecondOfficer: true, confirmationReason: cell.confirmationReason }),
    })),
  };
}
