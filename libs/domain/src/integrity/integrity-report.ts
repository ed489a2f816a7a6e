import { compliantBids, excludedBids, standingBids } from '../tender/bids-under-evaluation';
import { evaluationViolations } from '../tender/rule-violations';
import type { TenderView } from '../tender/tender-view';
import { awardDepartureFlags, evaluationAsymmetry } from './award-flags';
import { contractChangeFlags, incumbentExtendedThenWon } from './contract-flags';
import {
  averageCharacters,
  coverageMatrix,
  justificationStats,
  panelMembers,
  type JustificationStats,
} from './coverage';
import { awardOf, compareText } from './flag-support';
import { moderationChangedRanking, moderationSection } from './moderation';
import { moderationOutcome } from '../award/moderated-ranking';
import { priceFlags } from './price-flags';
import {
  incumbentInCompetition,
  repeatedDirectAward,
  planningSection,
  singleSupplierEngagement,
} from './planning-flags';
import type {
  AwardIntegrity,
  BidIntegrity,
  IntegrityFacts,
  IntegrityReport,
  RedFlag,
} from './report';
import {
  reducedTenderingPeriod,
  shortSubmissionPeriod,
  singleBid,
  unansweredClarifications,
} from './tendering-flags';
import type { IntegrityThresholds } from './thresholds';

/**
 * The competition-integrity report of one tender (docs/integrity.md), from the same view the deciders judge:
 * the bids and what became of them, the panel, the coverage of the evaluation, the rule violations
 * still open, the award, and the red flags with their evidence. Pure: the caller passes the view,
 * the thresholds and what the view does not keep (change flags as recorded, other tenders' facts).
 */
export function integrityReport(
  view: TenderView,
  thresholds: IntegrityThresholds,
  facts: IntegrityFacts = {},
): IntegrityReport {
  const { tender } = view;
  const sealed = !tender.opening.bidStreams;
  const received = sealed
    ? Object.values(view.bids).filter((bid) => bid.status === 'submitted').length
    : standingBids(view).length;
  const coverage = coverageMatrix(view);
  const complete = new Set(coverage.bids.filter((b) => b.complete).map((b) => b.supplierId));
  const stats = justificationStats(view);
  const bids = sealed ? [] : bidSummaries(view, complete, stats);
  const excluded = sealed ? [] : excludedBids(view);
  const moderation = sealed || !tender.notice.terms ? undefined : moderationOutcome(view);
  return {
    tenderId: tender.tenderId ?? '',
    buyerOrganisationId: tender.buyerOrganisationId ?? '',
    stage: tender.stage,
    round: tender.evaluation.round,
    sealed,
    counts: {
      received,
      compliant: sealed ? 0 : compliantBids(view).length,
      excluded: excluded.length,
      awaitingCompliance: bids.filter((bid) => bid.compliance === 'pending').length,
      fullyEvaluated: complete.size,
    },
    bids,
    excluded: excluded.map((supplierId) => {
      const { reasonCode, reasonText, requirement } = tender.evaluation.compliance[supplierId];
      return {
        supplierId,
        ...(reasonCode ? { reasonCode } : {}),
        ...(reasonText ? { reasonText } : {}),
        ...(requirement ? { requirement } : {}),
      };
    }),
    panel: panelMembers(view),
    coverage,
    openViolations: sealed || !tender.notice.terms ? [] : evaluationViolations(view),
    moderation: moderationSection(view, moderation === undefined, moderation),
    planning: planningSection(view),
    award: awardIntegrity(view),
    redFlags: sortFlags([
      ...singleSupplierEngagement(view),
      ...incumbentInCompetition(view),
      ...shortSubmissionPeriod(view, thresholds),
      ...reducedTenderingPeriod(view),
      ...singleBid(view, received, sealed),
      ...unansweredClarifications(view),
      ...(sealed ? [] : priceFlags(view, thresholds)),
      ...awardDepartureFlags(view),
      ...(moderation ? moderationChangedRanking(moderation) : []),
      ...evaluationAsymmetry(view, thresholds, stats),
      ...contractChangeFlags(view, facts.contractChanges ?? []),
      ...incumbentExtendedThenWon(view, facts.incumbentExtensions ?? []),
      ...repeatedDirectAward(view, facts.directAwards ?? []),
    ]),
  };
}

function bidSummaries(
  view: TenderView,
  complete: ReadonlySet<string>,
  stats: ReadonlyMap<string, JustificationStats>,
): BidIntegrity[] {
  const { compliance } = view.tender.evaluation;
  return standingBids(view).map((supplierId) => {
    const record = Object.hasOwn(compliance, supplierId) ? compliance[supplierId] : undefined;
    const bid = view.bids[supplierId];
    const justified = stats.get(supplierId);
    return {
      supplierId,
      ...(bid.receivedAt ? { receivedAt: bid.receivedAt } : {}),
      ...(record ? { price: { ...record.price } } : {}),
      compliance: record?.decision ?? 'pending',
      ...(record?.reasonCode ? { reasonCode: record.reasonCode } : {}),
      ...(record?.reasonText ? { reasonText: record.reasonText } : {}),
      fullyEvaluated: complete.has(supplierId),
      justifications: justified?.justifications ?? 0,
      averageJustificationCharacters: averageCharacters(justified),
    };
  });
}

function awardIntegrity(view: TenderView): AwardIntegrity {
  const { tender } = view;
  const proposal = awardOf(view);
  const openChallenges = Object.values(tender.challenges).filter((c) => !c.outcome).length;
  const base: AwardIntegrity = { status: 'none' };
  if (proposal) {
    Object.assign(base, {
      supplierId: proposal.supplierId,
      proposedAt: proposal.proposedAt,
      proposedBy: proposal.proposedBy,
      departures: [...proposal.departures],
      ranking: proposal.ranking,
      ...(proposal.directAward ? { directAward: { ...proposal.directAward } } : {}),
      ...(tender.award.awarded?.confirmedBy
        ? { confirmedBy: tender.award.awarded.confirmedBy }
        : {}),
      openChallenges,
    });
  }
  const standstill = tender.award.awarded?.standstill;
  if (standstill) {
    base.standstill = {
      startsAt: standstill.startsAt,
      endsAt: standstill.endsAt,
      ...(tender.award.awarded?.standstillEndedAt
        ? { endedAt: tender.award.awarded.standstillEndedAt }
        : {}),
    };
  }
  const { contract } = tender;
  if (contract) {
    base.contract = {
      contractId: contract.contractId,
      value: contract.value,
      originalValue: contract.originalValue,
      period: contract.period,
      originalPeriod: contract.originalPeriod,
      approvedChanges: contract.approvedChanges,
    };
  }
  base.status = awardStatus(view);
  if (tender.award.unsuccessful) base.unsuccessfulReason = tender.award.unsuccessful.reason;
  return base;
}

function awardStatus(view: TenderView): AwardIntegrity['status'] {
  const { tender } = view;
  if (tender.stage === 'cancelled') return 'cancelled';
  if (tender.stage === 'unsuccessful') return 'unsuccessful';
  if (tender.contract) return 'contracted';
  const { awarded } = tender.award;
  if (awarded) {
    if (awarded.suspendedBy.length > 0) return 'suspended';
    return awarded.standstillEndedAt ? 'standstill-ended' : 'standstill';
  }
  return tender.award.pending ? 'awaiting-confirmation' : 'none';
}

/** Flags in a stable order: by the time raised, then key. */
function sortFlags(flags: RedFlag[]): RedFlag[] {
  return flags.sort((a, b) => compareText(a.raisedAt, b.raisedAt) || compareText(a.key, b.key));
}
