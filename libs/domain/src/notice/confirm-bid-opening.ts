import { DomainError } from '../shared/domain-error';
import { toMs } from '../shared/time';
import type { BidOpeningConfirmed, BidsOpened } from '../tender/events/notice';
import { requireBuyerOfficer, requireStage, requireTender } from '../tender/guards';
import type { Command } from './commands';
import type { TenderState } from '../tender/state';

/**
 * Opening needs two different officers acting within `openingWindowMs` of each other (docs/rules.md#sealed-bids).
 * The first confirmation waits; one older than the window has lapsed and the next officer starts over.
 * The second, from another officer, opens the bids and commits the tender stream to every bid's head.
 */
export function confirmBidOpening(
  command: Command<'ConfirmBidOpening'>,
  state: TenderState,
): [BidOpeningConfirmed] | [BidsOpened] {
  const tender = requireTender(state);
  requireBuyerOfficer(tender, command.actor, 'open the bids');
  requireStage(tender, ['closed'], 'open the bids');
  const officerId = command.actor.userId;
  const now = command.now.toISOString();
  const pending = tender.opening.confirmation;
  const lapsed =
    !pending || command.now.getTime() - toMs(pending.confirmedAt) > command.openingWindowMs;
  if (lapsed) {
    return [{ type: 'BidOpeningConfirmed', data: { officerId, confirmedAt: now } }];
  }
  if (pending.officerId === officerId) {
    throw new DomainError(
      'SAME_OFFICER_TWICE',
      'Opening needs a second, different officer; you already confirmed it',
      { officerId, confirmedAt: pending.confirmedAt },
    );
  }
  return [
    {
      type: 'BidsOpened',
      data: {
        openedAt: now,
        officerIds: [pending.officerId, officerId],
        bidStreams: command.bidStreams.map(({ supplierId, streamName, revision, hash }) => ({
          supplierId,
          streamName,
          revision,
          hash,
        })),
      },
    },
  ];
}
