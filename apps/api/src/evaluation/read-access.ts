import type { Actor } from '@fairtender/domain';

/**
 * Legal (of the buyer: `requireRecordReader` in the domain decides who reads at all) and oversight
 * see every score and the ranking on every recorded score; officers see submitted ones only.
 */
export const readsEveryScore = (actor: Actor) => actor.role === 'legal' || actor.role === 'auditor';
