import { DomainError } from '../shared/domain-error';
import { toMs } from '../shared/time';
import type { NoticeAmended } from '../tender/events/notice';
import { requireBuyerOfficer, requireStage, requireText, requireTender } from '../tender/guards';
import type { Command } from './commands';
import { requireClarificationOpen, requireResponseTime } from './publish-tender';
import type { TenderState } from '../tender/state';
import { requireTenderingPeriod } from './tendering-period';
import type { AmendableTerms } from '../tender/terms';
import { validateTerms } from './validate-terms';

const AMENDABLE = [
  'title',
  'description',
  'cpvCodes',
  'estimatedValue',
  'clarificationDeadline',
  'submissionDeadline',
] as const satisfies readonly (keyof AmendableTerms)[];
// Compile-time check that AMENDABLE lists every amendable field.
const _everyFieldListed: Exclude<keyof AmendableTerms, (typeof AMENDABLE)[number]> extends never
  ? true
  : never = true;

/**
 * Amends a published notice (rule 6). Only the fields that actually change are recorded; the merged
 * terms must still be valid and must leave suppliers the minimum response time from now.
 */
export function amendNotice(command: Command<'AmendNotice'>, state: TenderState): [NoticeAmended] {
  const tender = requireTender(state);
  requireBuyerOfficer(tender, command.actor, 'amend this notice');
  requireStage(tender, ['tendering'], 'amend the notice');
  // Refused as ILLEGAL_STAGE: once the deadline has passed tendering is over in effect, whether or not
  // the close job has run (docs/rules.md#lifecycle), and reopening it would be unfair to suppliers already refused.
  const { submissionDeadline } = tender.notice.terms;
  if (command.now.getTime() >= toMs(submissionDeadline)) {
    throw new DomainError(
      'ILLEGAL_STAGE',
      `Cannot amend the notice: the submission deadline ${submissionDeadline} has passed, so tendering is over`,
      { stage: tender.stage, allowed: ['tendering'], submissionDeadline, deadlinePassed: true },
    );
  }
  const reason = requireText(command.reason, 'reason');
  const changes = changedFields(command.changes ?? {}, tender.notice.terms);
  if (Object.keys(changes).length === 0) {
    throw new DomainError('NOTHING_TO_AMEND', 'The amendment changes nothing in the notice');
  }
  const terms = validateTerms({ ...tender.notice.terms, ...changes });
  if (changes.clarificationDeadline !== undefined) {
    requireClarificationOpen(terms.clarificationDeadline, command.now);
  }
  requireResponseTime(terms, command.now);
  // The statutory minimum runs from the tender notice's publication, whatever an amendment moves.
  const tenderingPeriod =
    changes.submissionDeadline === undefined
      ? undefined
      : requireTenderingPeriod(terms, tender.notice.publishedAt ?? command.now.toISOString());
  // Take the validated copies, so the event holds plain data only.
  const recorded: Record<string, unknown> = {};
  for (const field of AMENDABLE) if (field in changes) recorded[field] = terms[field];
  return [
    {
      type: 'NoticeAmended',
      data: {
        changes: recorded as AmendableTerms,
        reason,
        amendedAt: command.now.toISOString(),
        noticeVersion: tender.notice.version + 1,
        ...(tenderingPeriod ? { tenderingPeriod } : {}),
      },
    },
  ];
}

function changedFields(requested: AmendableTerms, current: AmendableTerms): AmendableTerms {
  const unknown = Object.keys(requested).filter(
    (field) => !(AMENDABLE as readonly string[]).includes(field),
  );
  if (unknown.length > 0) {
    throw new DomainError(
      'INVALID_NOTICE',
      `Invalid notice: ${unknown.join(', ')} cannot be amended after publication`,
      { field: unknown[0], notAmendable: unknown },
    );
  }
  const changed: Record<string, unknown> = {};
  for (const field of AMENDABLE) {
    const value = requested[field];
    if (value !== undefined && !sameValue(field, value, current[field])) changed[field] = value;
  }
  return changed as AmendableTerms;
}

function sameValue(field: keyof AmendableTerms, next: unknown, previous: unknown): boolean {
  if (field === 'clarificationDeadline' || field === 'submissionDeadline') {
    // The same instant written differently is no change.
    const [a, b] = [toMs(next as string), toMs(previous as string)];
    if (!Number.isNaN(a) && !Number.isNaN(b)) return a === b;
  }
  if (field === 'estimatedValue') {
    type Value = { amount?: unknown; currency?: unknown } | undefined;
    const [a, b] = [next as Value, previous as Value];
    return a?.amount === b?.amount && a?.currency === b?.currency;
  }
  return JSON.stringify(next) === JSON.stringify(previous);
}
