import { declarationOf } from '../tender/bids-under-evaluation';
import { requirePanelMember } from '../evaluation/guards';
import type { EvaluatorSheet } from '../tender/evaluation-state';
import type { ExistingTender } from '../tender/guards';
import type { TenderState } from '../tender/state';
import type { Actor, Role } from '../shared/actor';
import { DomainError } from '../shared/domain-error';

/**
 * Who may read what of a tender: the read side of the write rules (docs/api.md#roles). Pure, decided on the
 * tender as its streams hold it and on the actor as its token proves it.
 */

/** What access is decided on: the stage and the buyer (a read model row carries both too). */
export type TenderAccessFacts = Pick<TenderState, 'stage' | 'buyerOrganisationId'>;

/** Oversight (`auditor`) reads every tender of every authority, drafts included, and writes nothing. */
export const isOversight = (actor: Actor) => actor.role === 'auditor';

/** One answer for "no such tender", whether the id is unknown or the tender is hidden from the reader. */
export const tenderNotFound = (tenderId: string) =>
  new DomainError('TENDER_NOT_FOUND', `No tender ${tenderId}`, { tenderId });

/**
 * A draft is no tender to anyone outside its buyer's organisation and oversight: not even its
 * existence may show (issue 17 finding 5), so they get exactly what an unknown id gets.
 */
export function isHiddenFrom(tender: TenderAccessFacts, actor: Actor | undefined): boolean {
  if (tender.stage === 'none') return true;
  // A procurement before its notice (issue 14) is as private as a draft.
  if (tender.stage !== 'draft' && tender.stage !== 'planning') return false;
  return !actor || (tender.buyerOrganisationId !== actor.organisationId && !isOversight(actor));
}

export function requireVisibleTender(
  tender: TenderAccessFacts,
  tenderId: string,
  actor: Actor,
): asserts tender is ExistingTender {
  if (isHiddenFrom(tender, actor)) throw tenderNotFound(tenderId);
}

/** A user of the buyer's organisation in one of `roles` (officers, evaluators, legal act for it alone). */
export function requireBuyerUser(
  tender: TenderAccessFacts,
  tenderId: string,
  actor: Actor,
  roles: readonly Role[],
): asserts tender is ExistingTender {
  requireVisibleTender(tender, tenderId, actor);
  if (!roles.includes(actor.role)) {
    throw new DomainError('ROLE_NOT_ALLOWED', `A ${actor.role} may not read this`, {
      role: actor.role,
      allowed: [...roles],
    });
  }
  if (tender.buyerOrganisationId !== actor.organisationId) {
    throw new DomainError(
      'NOT_YOUR_ORGANISATION',
      `Tender ${tenderId} belongs to another contracting authority`,
      { tenderId },
    );
  }
}

/**
 * The record of a tender — scores, ranking, integrity, challenges, legal replay: officers and
 * `legal` of the buyer (legal acts for its own authority, issue 12 finding 8), and oversight.
 */
export function requireRecordReader(
  tender: TenderAccessFacts,
  tenderId: string,
  actor: Actor,
): void {
  requireVisibleTender(tender, tenderId, actor);
  if (isOversight(actor)) return;
  requireBuyerUser(tender, tenderId, actor, ['officer', 'legal']);
}

/**
 * An opened bid's content, once the reader is known to be an officer or evaluator of the buyer (a
 * sealed read is refused before this): officers read every bid; an evaluator only as a member of
 * the panel that counts, and never a bid it declared a conflict with (issue 12 finding 4).
 */
export function requireBidContentReader(
  tender: ExistingTender,
  supplierId: string,
  actor: Actor,
  ownSheet: EvaluatorSheet | undefined,
): void {
  if (actor.role === 'officer') return;
  requirePanelMember(tender, actor, `read the bid from ${supplierId}`);
  // Procurement Act 2023 s.81(2)–(3): whoever influences a decision acts in the procurement, and its
  // interest is a conflict to manage; s.82 (duty to mitigate): a declared conflict removes the
  // evaluator from that bid, reading it included.
  if (declarationOf(ownSheet, supplierId)?.conflict === true) {
    throw new DomainError(
      'CONFLICTED_FROM_BID',
      `You declared a conflict of interest with ${supplierId}, so you are removed from its bid and may not read it`,
      { evaluatorId: actor.userId, supplierId },
    );
  }
}

/**
 * Legal (of the buyer: `requireRecordReader` decides who reads at all) and oversight see every score
 * and the ranking on every recorded score; officers see submitted ones only.
 */
export const readsEveryScore = (actor: Actor) => actor.role === 'legal' || actor.role === 'auditor';
