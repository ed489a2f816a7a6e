import type { TenderView } from '../lifecycle/tender-view';
import { requireBuyerOfficer, requireStage, requireTender } from '../notice/guards';
import { DomainError } from '../shared/domain-error';
import { isSubstantiveText, SUBSTANTIVE_TEXT_RULE } from '../shared/substantive-text';
import type { EvaluationCommand } from './commands';
import type { BidComplianceRecorded } from './events';
import { EXCLUSION_REASON_CODES, isExclusionReasonCode } from './exclusion-reasons';
import { requireNoSubmissions, requireStandingBid } from './guards';

type RecordCompliance = Extract<EvaluationCommand, { type: 'RecordCompliance' }>;

/**
 * An officer passes or excludes an opened bid. Excluding needs a listed reason code and a real
 * reason (rule 4); a bid not re-confirmed after an amendment cannot pass (rule 6).
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
  let reason: { reasonCode?: BidComplianceRecorded['data']['reasonCode']; reasonText?: string } =
    {};
  if (decision === 'excluded') {
    const { reasonCode, reasonText } = command;
    if (!isExclusionReasonCode(reasonCode) || !isSubstantiveText(reasonText)) {
      throw new DomainError(
        'EXCLUSION_UNREASONED',
        `Excluding a bid needs a reason code (one of ${EXCLUSION_REASON_CODES.join(', ')}) and a reason text of ${SUBSTANTIVE_TEXT_RULE}`,
        { supplierId, reasonCode: reasonCode ?? null, allowed: [...EXCLUSION_REASON_CODES] },
      );
    }
    reason = { reasonCode, reasonText: reasonText.trim() };
  } else if ((bid.noticeVersion ?? 0) < (tender.noticeVersion ?? 0)) {
    throw new DomainError(
      'BID_NOT_RECONFIRMED',
      `The bid from ${supplierId} was made against notice version ${bid.noticeVersion} and never re-confirmed against version ${tender.noticeVersion}: it cannot pass (exclude it with reason not-reconfirmed-after-amendment)`,
      { supplierId, bidNoticeVersion: bid.noticeVersion, noticeVersion: tender.noticeVersion },
    );
  }
  const current = Object.hasOwn(tender.evaluation.compliance, supplierId)
    ? tender.evaluation.compliance[supplierId]
    : undefined;
  if (
    current &&
    current.decision === decision &&
    current.reasonCode === reason.reasonCode &&
    current.reasonText === reason.reasonText
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
