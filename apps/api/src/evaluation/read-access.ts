import { requireRecordReader, type Actor, type TenderState } from '@fairtender/domain';

/** Legal (of the buyer) and oversight see every score and the ranking on every recorded score. */
export const readsEveryScore = (actor: Actor) => actor.role === 'legal' || actor.role === 'auditor';

/**
 * The tender's record for this reader (`requireRecordReader` in the domain): officers and legal of
 * the buyer, and oversight; a draft is no tender to anyone else. A refusal is recorded by the filter.
 */
export function assertBuyerOrOversight(tender: TenderState, tenderId: string, actor: Actor): void {
  requireRecordReader(tender, tenderId, actor);
}
