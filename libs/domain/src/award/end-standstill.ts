import type { TenderView } from '../tender/tender-view';
import { requireBuyerOfficer, requireOpenedTender } from '../tender/guards';
import { isSystemActor } from '../shared/actor';
import { DomainError } from '../shared/domain-error';
import type { AwardCommand } from './commands';
import type { StandstillEnded } from '../tender/events/award';

/**
 * The scheduler records that the standstill has run. Idempotent, since jobs run at least once: once
 * recorded, or when the award it timed is gone (re-evaluation, cancellation), nothing happens. The
 * contract rule reads the clock itself; this event tells bidders and the record.
 */
export function endStandstill(
  command: Extract<AwardCommand, { type: 'EndStandstill' }>,
  view: TenderView,
): StandstillEnded[] {
  const tender = requireOpenedTender(view.tender);
  if (!isSystemActor(command.actor)) {
    requireBuyerOfficer(tender, command.actor, 'end the standstill');
  }
  const standstill = tender.award.awarded?.standstill;
  if (tender.stage !== 'standstill' || !standstill || tender.award.awarded?.standstillEndedAt)
    return [];
  if (command.now.getTime() < Date.parse(standstill.endsAt)) {
    throw new DomainError(
      'DEADLINE_NOT_REACHED',
      `The standstill runs until ${standstill.endsAt}`,
      {
        endsAt: standstill.endsAt,
      },
    );
  }
  const openChallenges = Object.values(tender.challenges).filter(
    (challenge) => challenge.outcome === undefined && challenge.round === standstill.round,
  ).length;
  return [
    {
      type: 'StandstillEnded',
      data: {
        endedAt: command.now.toISOString(),
        endsAt: standstill.endsAt,
        openChallenges,
        round: standstill.round,
      },
    },
  ];
}
