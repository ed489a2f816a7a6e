import { compliantBids, excludedBids, standingBids } from '../tender/bids-under-evaluation';
import { evaluationViolations, type RuleViolation } from '../tender/rule-violations';
import type { TenderView } from '../tender/tender-view';
import { DomainError } from '../shared/domain-error';
import type { ErrorCode } from '../shared/error-codes';
import { isSubstantiveText, SUBSTANTIVE_TEXT_RULE } from '../shared/substantive-text';
import type { AwardDeparture, ModeratedCell, RankedBid } from '../tender/events/award';
import { moderationOutcome, type ModerationOutcome } from './moderated-ranking';
import { rankBids } from './ranking';

/** The order problems are reported in: the record's integrity first, then competition, then method. */
const RULE_ORDER: readonly ErrorCode[] = [
  'EXCLUSION_UNREASONED',
  'INSUFFICIENT_COMPETITION',
  'PANEL_TOO_SMALL',
  'UNDECLARED_CONFLICT',
  'INCOMPLETE_EVALUATION',
  'MODERATION_PENDING',
  'WINNER_NOT_TOP_RANKED',
];
/** Enough to act on without sending back every one of 10,000 missing scores. */
const REPORTED = 100;

export interface AwardCheck {
  ranking: RankedBid[];
  topRanked: string[];
  departures: AwardDeparture[];
  /** Recorded when moderation departed from the panel (see `AwardProposal`). */
  panelTopRanked?: string[];
  moderatedCells?: ModeratedCell[];
}

/**
 * Rules 1–5 (docs/rules.md#the-rules), checked at the moment of the decision on the tender's own streams. Every
 * failing rule is collected; the error carries the first rule's code and lists them all.
 */
export function checkAward(
  view: TenderView,
  supplierId: string,
  options: { direct: boolean; justification?: string },
): AwardCheck {
  const { terms } = view.tender.notice;
  if (!terms) throw new DomainError('TENDER_NOT_FOUND', 'There is no such tender');
  const compliant = compliantBids(view);
  if (!compliant.includes(supplierId)) {
    throw new DomainError(
      'WINNER_NOT_COMPLIANT',
      standingBids(view).includes(supplierId)
        ? `The bid from ${supplierId} has not passed compliance, so it cannot win`
        : `There is no opened, standing bid from ${supplierId} on this tender`,
      { supplierId },
    );
  }
  const violations: RuleViolation[] = evaluationViolations(view);
  if (!options.direct && compliant.length < terms.minimumBids) {
    violations.push({
      code: 'INSUFFICIENT_COMPETITION',
      message: `${compliant.length} bid(s) passed compliance (${compliant.join(', ')}); the notice requires ${terms.minimumBids}. Declare the tender unsuccessful, re-tender, or make a direct award on a listed legal ground`,
    });
  }
  const ranking = rankBids(view);
  const moderation = moderationOutcome(view, ranking);
  violations.push(...pendingModerations(moderation));
  const { topRanked } = moderation;
  const departures: AwardDeparture[] = [];
  if (!topRanked.includes(supplierId)) {
    if (!isSubstantiveText(options.justification)) {
      const winner = ranking.find((bid) => bid.supplierId === supplierId);
      violations.push({
        code: 'WINNER_NOT_TOP_RANKED',
        message: `The bid from ${supplierId} ranks ${winner?.rank} (total ${winner?.total}); the top-ranked is ${topRanked.join(', ')} (total ${ranking[0]?.total}). Proposing another bid needs a justification of ${SUBSTANTIVE_TEXT_RULE}`,
        supplierId,
      });
    }
    departures.push('winner-not-top-ranked');
  }
  if (violations.length > 0) throw awardRefused(violations);
  const standing = standingBids(view);
  if (standing.length >= 2 && excludedBids(view).length === standing.length - 1) {
    departures.push('all-but-winner-excluded');
  }
  if (options.direct) departures.unshift('direct-award');
  const moderationDepartures = moderationDeparturesOf(moderation);
  departures.push(...moderationDepartures);
  return {
    ranking,
    topRanked,
    departures,
    ...(moderationDepartures.length > 0
      ? {
          panelTopRanked: moderation.panelTopRanked,
          moderatedCells: moderation.cells.filter(
            (cell) => cell.departure || cell.agreedScore !== cell.panelMean,
          ),
        }
      : {}),
  };
}

/** An agreed score outside the panel's range still waiting for a second officer: not settled. */
function pendingModerations({ pending }: ModerationOutcome): RuleViolation[] {
  return pending.map((cell) => ({
    code: 'MODERATION_PENDING',
    message: `The agreed score ${cell.agreedScore} on ${cell.criterionId} of the bid from ${cell.supplierId} lies outside the evaluators' scores (${cell.evaluatorScores.join(', ')}) and waits for a second officer's confirmation`,
    supplierId: cell.supplierId,
    criterionId: cell.criterionId,
  }));
}

function moderationDeparturesOf(moderation: ModerationOutcome): AwardDeparture[] {
  return [
    ...(moderation.cells.some((cell) => cell.departure)
      ? (['moderation-outside-panel-range'] as const)
      : []),
    ...(moderation.changesTopRanked ? (['moderation-changed-ranking'] as const) : []),
  ];
}

function awardRefused(violations: RuleViolation[]): DomainError {
  const ordered = [...violations].sort(
    (a, b) => RULE_ORDER.indexOf(a.code) - RULE_ORDER.indexOf(b.code),
  );
  const [first] = ordered;
  const more = ordered.length - 1;
  const message =
    more === 0 ? first.message : `${first.message} (and ${more} more: see details.violations)`;
  return new DomainError(first.code, message, {
    violations: ordered.slice(0, REPORTED),
    totalViolations: ordered.length,
    rules: [...new Set(ordered.map((violation) => violation.code))],
  });
}
