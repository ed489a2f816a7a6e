import type { TenderView } from '../tender/tender-view';
import { requireBuyerOfficer, requireStage, requireTender } from '../tender/guards';
import { DomainError } from '../shared/domain-error';
import type { EvaluationCommand } from './commands';
import type { BidComplianceRecorded } from '../tender/events/evaluation';
import { reasonedExclusion, type ExclusionReason } from './exclusion-reasoning';
import { requireNoSubmissions, requireStandingBid } from './guards';

export type RecordCompliance = Extract<EvaluationCommand, { type: 'RecordCompliance' }>;

/**
 * An officer passes or excludes an opened bid. Excluding needs a listed reason code, the requirement
 * the bid failed and a real reason of its own (rule 4, `exclusion-reasoning.ts`); a bid not
 * re-confirmed after an amendment cannot pass (rule 6).
 */
export function recordCompliance(
  command: RecordCompliance,
  view: TenderView,
): BidComplianceRecorded[] {
  const tender = requireTender(view.tender);
  requireBuyerOfficer(tender, command.actor, 'record compliance');
  requireStage(tender, ['evaluation'], 'record compliance');
  const { supplierId, decision, opened } = command;
  requireStandingBid(view, supplierId);
  const bid = view.bids[supplierId];
  if (opened.contentHash !== bid.contentHash) {
    throw new Error(`The opened content of ${supplierId}'s bid does not match its commitment`);
  }
  let reason: ExclusionReason = {};
  if (decision === 'excluded') {
    reason = reasonedExclusion(command, view);
  } else if ((bid.noticeVersion ?? 0) < (tender.notice.version ?? 0)) {
    throw new DomainError(
      'BID_NOT_RECONFIRMED',
      `The bid from ${supplierId} was made against notice version ${bid.noticeVersion} and never re-confirmed against version ${tender.notice.version}: it cannot pass (exclude it with reason not-reconfirmed-after-amendment)`,
      { supplierId, bidNoticeVersion: bid.noticeVersion, noticeVersion: tender.notice.version },
    );
  }
  const current = Object.hasOwn(tender.evaluation.compliance, supplierId)
    ? tender.evaluation.compliance[supplierId]
    : undefined;
  if (
    current &&
    current.decision === decision &&
    current.reasonCode === reason.reasonCode &&
    current.reasonText === reason.reasonText &&
    current.requirement === reason.requirement
  ) {
    return [];
  }
  requireNoSubmissions(view, 'change a compliance decision');
  return [
    {
      type: 'BidComplianceRecorded',
      data: {
        supplierId,
        contentHash: opened.contentHash,
        price: { amount: opened.price.amount, currency: opened.price.currency },
        decision,
        ...reason,
        recordedAt: command.now.toISOString(),
        recordedBy: command.actor.userId,
        round: tender.evaluation.round,
      },
    },
  ];
}
