import type { DomainEvent } from '../shared/domain-event';

/**
 * Refusals recorded in `tender-<id>.refusals` so that an infringement is detectable afterwards
 * (Directive 2014/24/EU Annex IV (g)). The actor is in the event metadata.
 */
export type SealedContentReadRefused = DomainEvent<
  'SealedContentReadRefused',
  { tenderId: string; attemptedAt: string; target: string; stage: string }
>;
export type AccessRefused = DomainEvent<
  'AccessRefused',
  { tenderId: string; attemptedAt: string; action: string; code: string; reason: string }
>;

export type AccessEvent = SealedContentReadRefused | AccessRefused;
