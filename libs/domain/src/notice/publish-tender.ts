import { DomainError } from '../shared/domain-error';
import { DAY_MS, isoAt, toMs } from '../shared/time';
import type { BidSealingKeyIssued, TenderPublished } from '../tender/events/notice';
import { requireBuyerOfficer, requireStage, requireTender } from '../tender/guards';
import type { Command } from './commands';
import type { TenderState } from '../tender/state';
import { requireTenderingPeriod } from './tendering-period';
import type { NoticeTerms } from '../tender/terms';
import { validateTerms } from './validate-terms';
import {
  DEFAULT_PLANNING_RULES,
  engagementStatement,
  requirePlannedProcedure,
  requirePlanningGates,
} from '../tender/planning-rules';

export function publishTender(
  command: Command<'PublishTender'>,
  state: TenderState,
): [TenderPublished, BidSealingKeyIssued] {
  const tender = requireTender(state);
  requireBuyerOfficer(tender, command.actor, 'publish this tender');
  requireStage(tender, ['draft'], 'publish the tender');
  // Re-checked in case the rules have tightened since the draft was written.
  const terms = validateTerms(tender.notice.terms);
  requireClarificationOpen(terms.clarificationDeadline, command.now);
  const publishedAt = command.now.toISOString();
  // The law's minimum first: Procurement Act 2023 s.54; Directive 2014/24/EU Arts. 27–28.
  const tenderingPeriod = requireTenderingPeriod(terms, publishedAt);
  requireResponseTime(terms, command.now);
  // Issue 14: a tender opened as a procurement passes the planning gates (docs/planning.md).
  requirePlannedProcedure(tender, terms.procedure);
  requirePlanningGates(
    tender,
    command.planningRules ?? DEFAULT_PLANNING_RULES,
    'tender-notice',
    command.actor,
    terms.estimatedValue,
  );
  const { keyId, wrappedKey } = command.sealingKey;
  return [
    {
      type: 'TenderPublished',
      data: {
        terms,
        publishedAt,
        noticeVersion: 1,
        tenderingPeriod,
        // PA 2023 s.17: the tender notice says whether preliminary market engagement took place.
        ...(tender.planning
          ? { preliminaryMarketEngagement: engagementStatement(tender.planning) }
          : {}),
      },
    },
    { type: 'BidSealingKeyIssued', data: { keyId, wrappedKey } },
  ];
}

/** A clarification deadline already past would leave suppliers no way to ask. */
export function requireClarificationOpen(clarificationDeadline: string, now: Date): void {
  if (toMs(clarificationDeadline) <= now.getTime()) {
    throw new DomainError(
      'DEADLINE_TOO_SOON',
      `The clarification deadline ${clarificationDeadline} has already passed`,
      { field: 'clarificationDeadline', clarificationDeadline, earliestAllowed: now.toISOString() },
    );
  }
}

/**
 * Rule 6: suppliers get at least `minimumResponseDays` whole days (of 24 hours) from the moment the
 * notice or an amendment is published until the submission deadline.
 */
export function requireResponseTime(terms: NoticeTerms, now: Date): void {
  const earliest = now.getTime() + terms.minimumResponseDays * DAY_MS;
  if (toMs(terms.submissionDeadline) < earliest) {
    const earliestAllowed = isoAt(earliest);
    throw new DomainError(
      'DEADLINE_TOO_SOON',
      `The submission deadline ${terms.submissionDeadline} leaves less than ${terms.minimumResponseDays} days to respond; the earliest allowed is ${earliestAllowed}`,
      {
        field: 'submissionDeadline',
        submissionDeadline: terms.submissionDeadline,
        earliestAllowed,
      },
    );
  }
}
