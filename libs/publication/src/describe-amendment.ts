import type { AmendableTerms, NoticeTerms } from '@fairtender/domain';

/** Where each amendable term appears in a release. */
const FIELD_OF: Record<keyof AmendableTerms, string> = {
  title: 'tender.title',
  description: 'tender.description',
  cpvCodes: 'tender.items[].classification',
  estimatedValue: 'tender.value',
  clarificationDeadline: 'tender.enquiryPeriod.endDate',
  submissionDeadline: 'tender.tenderPeriod.endDate',
};

function shown(key: keyof AmendableTerms, value: unknown): string {
  if (key === 'estimatedValue') {
    const money = value as NoticeTerms['estimatedValue'];
    return `${money.amount} ${money.currency}`;
  }
  if (key === 'cpvCodes') return (value as string[]).join(', ');
  return String(value);
}

/** A sentence a reader can follow: which fields changed, from what to what (long texts by name only). */
export function describeAmendment(before: NoticeTerms, changes: AmendableTerms): string {
  const parts = (Object.keys(FIELD_OF) as (keyof AmendableTerms)[])
    .filter((key) => changes[key] !== undefined)
    .map((key) =>
      key === 'description' || key === 'title'
        ? `${FIELD_OF[key]} replaced`
        : `${FIELD_OF[key]} changed from ${shown(key, before[key])} to ${shown(key, changes[key])}`,
    );
  return parts.length > 0 ? `${parts.join('; ')}.` : 'No term changed.';
}
