import type { Actor } from '../shared/actor';
import { given } from '../shared/testing';
import type { NoticeCommand } from './commands';
import { tenderDecider } from './decide';
import type { BidStreamHead, NoticeEvent } from '../tender/events/notice';
import {
  at,
  closedAtDeadline,
  officer,
  secondOfficer,
  tendering,
} from '../testing/notice-fixtures';

const WINDOW_MS = 5 * 60_000;
const FIRST_AT = '2025-04-01T09:00:00.000Z';
const heads: BidStreamHead[] = [
  {
    supplierId: 'org-acme',
    streamName: 'tender-t-cameras.bid-org-acme',
    revision: 1,
    hash: 'a'.repeat(64),
  },
  {
    supplierId: 'org-beta',
    streamName: 'tender-t-cameras.bid-org-beta',
    revision: 0,
    hash: 'b'.repeat(64),
  },
];

const confirm = (actor: Actor, now: Date): NoticeCommand => ({
  type: 'ConfirmBidOpening',
  actor,
  now,
  openingWindowMs: WINDOW_MS,
  bidStreams: heads,
});
const closed = (): NoticeEvent[] => [...tendering(), closedAtDeadline()];
const firstConfirmed: NoticeEvent = {
  type: 'BidOpeningConfirmed',
  data: { officerId: officer.userId, confirmedAt: FIRST_AT },
};
const plus = (ms: number) => new Date(Date.parse(FIRST_AT) + ms);

describe('ConfirmBidOpening', () => {
  it('records the first officer’s confirmation and waits for a second', () => {
    given(tenderDecider, closed())
      .when(confirm(officer, at(FIRST_AT)))
      .then([
        { type: 'BidOpeningConfirmed', data: { officerId: 'u-alice', confirmedAt: FIRST_AT } },
      ]);
  });

  it('opens the bids when a second officer confirms within the window', () => {
    given(tenderDecider, [...closed(), firstConfirmed])
      .when(confirm(secondOfficer, plus(WINDOW_MS)))
      .then([
        {
          type: 'BidsOpened',
          data: {
            openedAt: '2025-04-01T09:05:00.000Z',
            officerIds: ['u-alice', 'u-bob'],
            bidStreams: heads,
          },
        },
      ]);
  });

  it('moves the tender to evaluation', () => {
    const history = [...closed(), firstConfirmed];
    const events = given(tenderDecider, history)
      .when(confirm(secondOfficer, plus(1000)))
      .then([
        {
          type: 'BidsOpened',
          data: {
            openedAt: plus(1000).toISOString(),
            officerIds: ['u-alice', 'u-bob'],
            bidStreams: heads,
          },
        },
      ]);
    expect(given(tenderDecider, [...history, ...events]).state()).toMatchObject({
      stage: 'evaluation',
      opening: { openedBy: ['u-alice', 'u-bob'], bidStreams: heads },
    });
  });

  it('refuses the same officer twice within the window', () => {
    given(tenderDecider, [...closed(), firstConfirmed])
      .when(confirm(officer, plus(1000)))
      .thenFails('SAME_OFFICER_TWICE', { officerId: 'u-alice', confirmedAt: FIRST_AT });
  });

  it('treats a confirmation older than the window as lapsed: the next officer is first again', () => {
    const late = plus(WINDOW_MS + 1);
    given(tenderDecider, [...closed(), firstConfirmed])
      .when(confirm(secondOfficer, late))
      .then([
        {
          type: 'BidOpeningConfirmed',
          data: { officerId: 'u-bob', confirmedAt: late.toISOString() },
        },
      ]);
    given(tenderDecider, [...closed(), firstConfirmed])
      .when(confirm(officer, late))
      .then([
        {
          type: 'BidOpeningConfirmed',
          data: { officerId: 'u-alice', confirmedAt: late.toISOString() },
        },
      ]);
  });

  it('counts the window from the latest confirmation', () => {
    const renewedAt = plus(WINDOW_MS + 1);
    const renewed: NoticeEvent = {
      type: 'BidOpeningConfirmed',
      data: { officerId: 'u-bob', confirmedAt: renewedAt.toISOString() },
    };
    const now = new Date(renewedAt.getTime() + 1000);
    given(tenderDecider, [...closed(), firstConfirmed, renewed])
      .when(confirm(officer, now))
      .then([
        {
          type: 'BidsOpened',
          data: {
            openedAt: now.toISOString(),
            officerIds: ['u-bob', 'u-alice'],
            bidStreams: heads,
          },
        },
      ]);
  });

  it('is refused before tendering has closed and after the bids are opened', () => {
    given(tenderDecider, tendering())
      .when(confirm(officer, at(FIRST_AT)))
      .thenFails('ILLEGAL_STAGE', { stage: 'tendering', allowed: ['closed'] });
    const opened: NoticeEvent = {
      type: 'BidsOpened',
      data: { openedAt: FIRST_AT, officerIds: ['u-alice', 'u-bob'], bidStreams: heads },
    };
    given(tenderDecider, [...closed(), firstConfirmed, opened])
      .when(confirm(officer, plus(1000)))
      .thenFails('ILLEGAL_STAGE', { stage: 'evaluation' });
  });
});
