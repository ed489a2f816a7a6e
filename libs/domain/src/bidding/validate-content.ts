import { DomainError } from '../shared/domain-error';
import type { NoticeTerms } from '../tender/terms';
import type { BidContent } from '../tender/bid-content';

/**
 * Checks a bid's plaintext against the notice before it is sealed (after sealing nobody can look):
 * priced in the notice's currency, and exactly one non-blank response per quality criterion.
 */
export function validateBidContent(terms: NoticeTerms, content: BidContent): void {
  const price = content?.price;
  const expected = terms.estimatedValue.currency;
  if (price?.currency !== expected) {
    throw new DomainError(
      'BID_CURRENCY_MISMATCH',
      `The bid is priced in ${String(price?.currency)}; the notice asks for ${expected}`,
      { expected, received: price?.currency },
    );
  }
  if (typeof price.amount !== 'number' || !Number.isFinite(price.amount) || price.amount <= 0) {
    throw new DomainError('BID_INCOMPLETE', 'The bid price must be a finite amount above 0', {
      field: 'price.amount',
      amount: price.amount,
    });
  }
  const quality = terms.awardCriteria.filter((c) => c.kind === 'quality').map((c) => c.id);
  const responses = Array.isArray(content.responses) ? content.responses : [];
  const counts = new Map<string, number>();
  const answered = new Set<string>();
  for (const { criterionId, response } of responses) {
    counts.set(criterionId, (counts.get(criterionId) ?? 0) + 1);
    if (typeof response === 'string' && response.trim() !== '') answered.add(criterionId);
  }
  const missing = quality.filter((id) => !answered.has(id));
  const unknown = [...counts.keys()].filter((id) => !quality.includes(id));
  const duplicated = quality.filter((id) => (counts.get(id) ?? 0) > 1);
  if (missing.length + unknown.length + duplicated.length > 0) {
    const problems = [
      missing.length > 0 ? `no response for ${missing.join(', ')}` : '',
      unknown.length > 0 ? `responses to criteria that take none: ${unknown.join(', ')}` : '',
      duplicated.length > 0 ? `more than one response for ${duplicated.join(', ')}` : '',
    ].filter(Boolean);
    throw new DomainError('BID_INCOMPLETE', `The bid is incomplete: ${problems.join('; ')}`, {
      missing,
      unknown,
      duplicated,
    });
  }
}
