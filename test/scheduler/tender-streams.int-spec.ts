import { randomUUID } from 'node:crypto';
import {
  bidStream,
  currentVersion,
  evaluatorStream,
  isDomainError,
  SCHEDULER_ACTOR,
  decideAward,
  tenderStream,
  type TenderViewEvent,
} from '@fairtender/domain';
import {
  ACME,
  inStandstill,
  STANDSTILL_ENDS_AT,
  viewOf,
} from '@fairtender/domain/testing/evaluation-fixtures';
import { TENDER_ID } from '@fairtender/domain/testing/notice-fixtures';
import { runOnTender, loadTenderView } from '@fairtender/tender-streams';
import { SchedulerTestbed } from './scheduler-harness';

/** Where the api writes each event: bids and evaluators have streams of their own. */
function streamOf(event: TenderViewEvent): string {
  const data = event.data as { supplierId?: string; evaluatorId?: string };
  if (['BidSubmitted', 'BidRevised', 'BidWithdrawn', 'BidReconfirmed'].includes(event.type)) {
    return bidStream(TENDER_ID, data.supplierId!);
  }
  if (['ConflictOfInterestDeclared', 'BidScored', 'EvaluationSubmitted'].includes(event.type)) {
    return evaluatorStream(TENDER_ID, data.evaluatorId!);
  }
  return tenderStream(TENDER_ID);
}

/**
 * The view the scheduler decides on, read from PostgreSQL, is the view the domain folds from the same
 * history: tender, bids up to the heads anchored at opening, and the panel's sheets.
 */
describe('libs/tender-streams on PostgreSQL', () => {
  const testbed = new SchedulerTestbed();
  const history = inStandstill();

  beforeAll(async () => {
    await testbed.setUp('tender_views');
    for (const event of history) {
      await testbed.store.append(
        streamOf(event),
        [
          {
            eventId: randomUUID(),
            type: event.type,
            version: currentVersion(event.type),
            data: event.data,
            metadata: { actor: { userId: 'u-test' } },
          },
        ],
        'any',
      );
    }
  });
  afterAll(() => testbed.tearDown());

  it('assembles the same view as the domain’s fold, ignoring bid events past the anchored heads', async () => {
    // Written after opening (it could not be, through the api): not part of what was opened.
    await testbed.store.append(
      bidStream(TENDER_ID, ACME),
      [
        {
          eventId: randomUUID(),
          type: 'BidWithdrawn',
          version: 1,
          data: { tenderId: TENDER_ID, supplierId: ACME, withdrawnAt: STANDSTILL_ENDS_AT },
        },
      ],
      'any',
    );
    const view = await loadTenderView(testbed.store, TENDER_ID);
    expect(view).toEqual(viewOf(history));
    expect(Object.keys(view.sheets).length).toBeGreaterThanOrEqual(2);
    expect(view.tender.stage).toBe('standstill');
  });

  it('EndStandstill decided on it: refused before the end, recorded once after', async () => {
    const run = (now: Date) =>
      runOnTender(
        testbed.store,
        TENDER_ID,
        { commandId: randomUUID(), metadata: { actor: { ...SCHEDULER_ACTOR } } },
        (view) => decideAward({ type: 'EndStandstill', actor: SCHEDULER_ACTOR, now }, view),
      );
    const early = await run(new Date(Date.parse(STANDSTILL_ENDS_AT) - 1)).catch((e) => e);
    expect(isDomainError(early) && early.code).toBe('DEADLINE_NOT_REACHED');

    const ended = await run(new Date(STANDSTILL_ENDS_AT));
    expect(ended.events).toEqual([
      {
        type: 'StandstillEnded',
        data: {
          endedAt: STANDSTILL_ENDS_AT,
          endsAt: STANDSTILL_ENDS_AT,
          openChallenges: 0,
          round: 1,
        },
      },
    ]);
    expect((await run(new Date(STANDSTILL_ENDS_AT))).events).toEqual([]);
  });
});
