import type { TenderView } from '../tender/tender-view';
import { DomainError } from '../shared/domain-error';
import {
  describeProblem,
  normalisedText,
  substantiveTextProblem,
  SUBSTANTIVE_TEXT_RULE,
  type SubstantiveTextProblem,
} from '../shared/substantive-text';
import type { EvaluationCommand } from './commands';
import type { BidComplianceRecorded } from '../tender/events/evaluation';
import {
  allowedRequirements,
  EXCLUSION_REASON_CODES,
  isExclusionReasonCode,
} from '../tender/exclusion-reasons';

type RecordCompliance = Extract<EvaluationCommand, { type: 'RecordCompliance' }>;
export type ExclusionReason = Pick<
  BidComplianceRecorded['data'],
  'reasonCode' | 'reasonText' | 'requirement'
>;

/** Which test of rule 4 an exclusion failed (`details.problem`). */
export type ExclusionProblem =
  | 'reason_code_unlisted'
  | SubstantiveTextProblem
  | 'requirement_missing'
  | 'requirement_unknown'
  | 'reused_reason';

/**
 * Rule 4: an exclusion gives a listed reason code, names the requirement or criterion the bid
 * failed, and says in its own words why — not the text already given for another bid of the tender
 * (the same words, whatever their case, spacing or punctuation: `normalisedText`). An assessment
 * summary tells each supplier why it lost (Procurement Act 2023 s.50): a reason pasted onto every
 * excluded bid tells none of them.
 */
export function reasonedExclusion(command: RecordCompliance, view: TenderView): ExclusionReason {
  const { supplierId, reasonCode, reasonText, requirement } = command;
  const refuse = (problem: ExclusionProblem, message: string, more: object = {}) =>
    new DomainError('EXCLUSION_UNREASONED', message, {
      supplierId,
      reasonCode: reasonCode ?? null,
      allowed: [...EXCLUSION_REASON_CODES],
      problem,
      ...more,
    });
  if (!isExclusionReasonCode(reasonCode)) {
    throw refuse(
      'reason_code_unlisted',
      `Excluding a bid needs a reason code, one of ${EXCLUSION_REASON_CODES.join(', ')}`,
    );
  }
  const textProblem = substantiveTextProblem(reasonText);
  if (textProblem) {
    throw refuse(
      textProblem,
      `Excluding a bid needs a reason text of ${SUBSTANTIVE_TEXT_RULE}: ${describeProblem(textProblem)}`,
    );
  }
  const requirements = allowedRequirements(
    reasonCode,
    view.tender.notice.terms?.awardCriteria ?? [],
  );
  if (requirement === undefined || requirement.trim() === '') {
    throw refuse(
      'requirement_missing',
      `An exclusion for ${reasonCode} names the requirement the bid failed: one of ${requirements.join(', ')}`,
      { requirements },
    );
  }
  if (!requirements.includes(requirement)) {
    throw refuse(
      'requirement_unknown',
      `${JSON.stringify(requirement)} is not a requirement an exclusion for ${reasonCode} can name on this notice: one of ${requirements.join(', ')}`,
      { requirement, requirements },
    );
  }
  const text = (reasonText as string).trim();
  const sameAs = reasonGivenForAnotherBid(view, supplierId, normalisedText(text));
  if (sameAs) {
    throw refuse(
      'reused_reason',
      `The bid from ${sameAs} was excluded with the same reason text: say why this bid fails, in its own terms`,
      { sameAs },
    );
  }
  return { reasonCode, reasonText: text, requirement };
}

/** Another bid whose standing exclusion has the same words. */
function reasonGivenForAnotherBid(
  view: TenderView,
  supplierId: string,
  normalised: string,
): string | undefined {
  const { compliance } = view.tender.evaluation;
  return Object.keys(compliance)
    .sort()
    .find((other) => {
      const record = compliance[other];
      return (
        other !== supplierId &&
        record.decision === 'excluded' &&
        record.reasonText !== undefined &&
        normalisedText(record.reasonText) === normalised
      );
    });
}
