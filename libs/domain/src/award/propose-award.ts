import type { TenderView } from '../tender/tender-view';
import {
  requireBuyerOfficer,
  requireOpenedTender,
  requireStage,
  requireTender,
} from '../tender/guards';
import { DomainError } from '../shared/domain-error';
import { isSubstantiveText, SUBSTANTIVE_TEXT_RULE } from '../shared/substantive-text';
import { compliantBids } from '../tender/bids-under-evaluation';
import { assessmentSummaries } from './assessment-summaries';
import { checkAward } from './award-guard';
import type { AwardCommand } from './commands';
import { DIRECT_AWARD_GROUNDS, isDirectAwardGround } from '../tender/direct-award-grounds';
import type {
  AssessmentSummaryIssued,
  AwardDeparture,
  AwardConfirmationRequested,
  AwardProposal,
  AwardProposed,
  StandstillStarted,
} from '../tender/events/award';
import { standstillPeriod, type StandstillRules } from './standstill';

type Command<Type extends AwardCommand['type']> = Extract<AwardCommand, { type: Type }>;
type AwardDecision = (
  AwardConfirmationRequested | AwardProposed | AssessmentSummaryIssued | StandstillStarted
)[];

/** Rules 1–5 checked on the streams; the award notice, assessment summaries and standstill follow. */
export function proposeAward(command: Command<'ProposeAward'>, view: TenderView): AwardDecision {
  const proposal = buildProposal(view, command, {
    supplierId: command.supplierId,
    justification: command.justification,
  });
  return decideProposal(view, proposal, command.standstillRules, command.now);
}

/**
 * Rule 1's exception: fewer compliant bids than the notice's minimum, and a ground from the fixed
 * list. The other rules still hold for the bids there are.
 */
export function proposeDirectAward(
  command: Command<'ProposeDirectAward'>,
  view: TenderView,
): AwardDecision {
  if (view.tender.planning?.plan.route.kind === 'direct-award') {
    return proposePlannedDirectAward(command, view);
  }
  const tender = requireTender(view.tender);
  // Who and when first: the ground and the compliance count are nobody else's business.
  requireBuyerOfficer(tender, command.actor, 'propose an award');
  requireStage(tender, ['evaluation'], 'propose an award');
  const { ground, justification } = command;
  if (!isDirectAwardGround(ground)) {
    throw new DomainError(
      'INVALID_LEGAL_GROUND',
      `A direct award needs one of the legal grounds ${Object.keys(DIRECT_AWARD_GROUNDS).join(', ')}`,
      {
        ground,
        allowed: Object.keys(DIRECT_AWARD_GROUNDS),
      },
    );
  }
  if (!isSubstantiveText(justification)) {
    throw new DomainError(
      'REASON_REQUIRED',
      `A direct award needs a justification of ${SUBSTANTIVE_TEXT_RULE}`,
      {
        field: 'justification',
      },
    );
  }
  const compliant = compliantBids(view).length;
  if (compliant >= tender.notice.terms.minimumBids) {
    throw new DomainError(
      'DIRECT_AWARD_NOT_ALLOWED',
      `${compliant} bids passed compliance, as many as the notice requires (${tender.notice.terms.minimumBids}): award by the published method`,
      { compliantBids: compliant, minimumBids: tender.notice.terms.minimumBids },
    );
  }
  const proposal = buildProposal(view, command, {
    supplierId: command.supplierId,
    directAward: { ground, justification: justification.trim() },
  });
  return decideProposal(view, proposal, command.standstillRules, command.now);
}

/**
 * A procurement planned as a direct award (PA 2023 s.41, Schedule 5): after its transparency notice
 * (s.44), the contract award notice is published to the supplier and at the value that notice named,
 * and the standstill of s.51 starts with it: 8 working days beginning with the day of the contract
 * award notice, not of the transparency notice. No bids, so no ranking to check: the award carries
 * the one supplier at the notified value, flagged `direct-award` like the in-tender exception above.
 */
function proposePlannedDirectAward(
  command: Command<'ProposeDirectAward'>,
  view: TenderView,
): AwardDecision {
  const tender = requireOpenedTender(view.tender);
  requireBuyerOfficer(tender, command.actor, 'award the contract directly');
  requireStage(tender, ['planning'], 'award the contract directly');
  const notice = tender.planning?.transparencyNotice;
  if (!notice) {
    throw new DomainError(
      'TRANSPARENCY_NOTICE_MISSING',
      'A direct award needs its transparency notice published first (PA 2023 s.44)',
    );
  }
  if (notice.supplierId !== command.supplierId || notice.ground !== command.ground) {
    throw new DomainError(
      'TRANSPARENCY_NOTICE_MISMATCH',
      `The transparency notice announced a direct award to ${notice.supplierId} on the ground ${notice.ground}`,
      {
        supplierId: command.supplierId,
        ground: command.ground,
        noticeSupplierId: notice.supplierId,
        noticeGround: notice.ground,
      },
    );
  }
  if (!isSubstantiveText(command.justification)) {
    throw new DomainError(
      'REASON_REQUIRED',
      `A direct award needs a justification of ${SUBSTANTIVE_TEXT_RULE}`,
      { field: 'justification' },
    );
  }
  const issuedAt = command.now.toISOString();
  const period = standstillPeriod(
    tender.planning!.plan.jurisdiction,
    command.now,
    command.standstillRules,
  );
  const proposal: AwardProposal = {
    supplierId: notice.supplierId,
    round: tender.evaluation.round,
    ranking: [
      { supplierId: notice.supplierId, rank: 1, total: 0, price: { ...notice.value }, scores: {} },
    ],
    topRanked: [notice.supplierId],
    departures: ['direct-award'],
    directAward: { ground: notice.ground, justification: command.justification.trim() },
    proposedBy: command.actor.userId,
    proposedAt: issuedAt,
  };
  return [
    { type: 'AwardProposed', data: proposal },
    {
      type: 'StandstillStarted',
      data: {
        jurisdiction: period.jurisdiction,
        startsAt: period.startsAt,
        endsAt: period.endsAt,
        countedDays: period.countedDays,
        basis: period.basis,
        round: proposal.round,
      },
    },
  ];
}

/**
 * Rules 4 and 5: a second, different officer confirms an award where every other bid was excluded,
 * or to a bid other than the system's top-ranked one; never the proposer, nor an officer who
 * moderated this tender's scores.
 */
export function confirmAward(command: Command<'ConfirmAward'>, view: TenderView): AwardDecision {
  const tender = requireTender(view.tender);
  requireBuyerOfficer(tender, command.actor, 'confirm the award');
  requireStage(tender, ['evaluation'], 'confirm the award');
  const pending = tender.award.pending;
  if (!pending) {
    throw new DomainError(
      'AWARD_NOT_PENDING',
      'No award is waiting for a second officer’s confirmation',
    );
  }
  if (pending.proposedBy === command.actor.userId) {
    throw new DomainError(
      'SAME_OFFICER_TWICE',
      'The award must be confirmed by an officer other than the one who proposed it',
      {
        proposedBy: pending.proposedBy,
      },
    );
  }
  // Separation of duties (docs/rules.md#separation-of-duties): whoever moved the panel's scores does not also pass the award.
  const moderators = tender.evaluation.moderators ?? [];
  if (moderators.includes(command.actor.userId)) {
    throw new DomainError(
      'CONFIRMER_MODERATED',
      'You moderated scores on this tender, so another officer must confirm the award',
      { confirmerId: command.actor.userId, moderators },
    );
  }
  // The evaluation may have moved since the proposal: check again, on the streams as they are now.
  const check = checkAward(view, pending.supplierId, {
    direct: pending.directAward !== undefined,
    justification: pending.departureJustification,
  });
  const { panelTopRanked: _was, moderatedCells: _then, ...proposal } = pending;
  const confirmed: AwardProposal = { ...proposal, ...check };
  return awardEvents(view, confirmed, command.standstillRules, command.now, {
    confirmedBy: command.actor.userId,
    confirmedAt: command.now.toISOString(),
  });
}

function buildProposal(
  view: TenderView,
  command: { actor: Command<'ProposeAward'>['actor']; now: Date },
  choice: {
    supplierId: string;
    justification?: string;
    directAward?: AwardProposal['directAward'];
  },
): AwardProposal {
  const tender = requireTender(view.tender);
  requireBuyerOfficer(tender, command.actor, 'propose an award');
  requireStage(tender, ['evaluation'], 'propose an award');
  const { supplierId, justification, directAward } = choice;
  const check = checkAward(view, supplierId, { direct: directAward !== undefined, justification });
  return {
    supplierId,
    round: tender.evaluation.round,
    ...check,
    ...(check.departures.includes('winner-not-top-ranked')
      ? { departureJustification: justification!.trim() }
      : {}),
    ...(directAward ? { directAward } : {}),
    proposedBy: command.actor.userId,
    proposedAt: command.now.toISOString(),
  };
}

/**
 * Departures no officer decides alone (rules 4 and 5; docs/rules.md#separation-of-duties). The award goes to the most
 * advantageous tender, the one that best satisfies the award criteria assessed by the published
 * methodology (Procurement Act 2023 s.19(1)–(2), s.23(3)): a winner other than the system's
 * top-ranked bid departs from that assessment, so one officer's judgement does not suffice.
 */
const SECOND_OFFICER_DEPARTURES: readonly AwardDeparture[] = [
  'all-but-winner-excluded',
  'winner-not-top-ranked',
];

function decideProposal(
  view: TenderView,
  proposal: AwardProposal,
  rules: StandstillRules,
  now: Date,
): AwardDecision {
  if (SECOND_OFFICER_DEPARTURES.some((departure) => proposal.departures.includes(departure))) {
    return [{ type: 'AwardConfirmationRequested', data: proposal }];
  }
  return awardEvents(view, proposal, rules, now, {});
}

function awardEvents(
  view: TenderView,
  proposal: AwardProposal,
  rules: StandstillRules,
  now: Date,
  confirmation: { confirmedBy?: string; confirmedAt?: string },
): AwardDecision {
  const tender = requireTender(view.tender);
  const issuedAt = now.toISOString();
  const period = standstillPeriod(tender.notice.terms.jurisdiction, now, rules);
  return [
    { type: 'AwardProposed', data: { ...proposal, ...confirmation } },
    ...assessmentSummaries(view, proposal.supplierId, proposal.ranking).map(
      (summary): AssessmentSummaryIssued => ({
        type: 'AssessmentSummaryIssued',
        data: { summary, issuedAt, round: proposal.round },
      }),
    ),
    {
      type: 'StandstillStarted',
      data: {
        jurisdiction: period.jurisdiction,
        startsAt: period.startsAt,
        endsAt: period.endsAt,
        countedDays: period.countedDays,
        basis: period.basis,
        round: proposal.round,
      },
    },
  ];
}
