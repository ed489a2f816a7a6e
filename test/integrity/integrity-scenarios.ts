import type { AwardProposal, ChangeRedFlag, RankedBid } from '@fairtender/domain';
import { sampleNoticeTerms } from '@fairtender/domain/testing/sample-notice-terms';
import type { EventStore } from '@fairtender/event-store';
import { TenderHistory } from './tender-history';

/** Day `n` of 2025 at `hour`:00 UTC, as ISO. */
export const day = (n: number, hour = 10) =>
  new Date(Date.UTC(2025, 0, 1, hour) + (n - 1) * 86_400_000).toISOString();

const DETAIL =
  'Docking stations charge overnight at each site. Footage uploads within the hour over secure ' +
  'links. Retention follows the force policy for seven years. Training covers every warden in two ' +
  'sessions. Support answers calls around the clock. Spare units replace faults the next working day.';
/** A justification of exactly `length` characters (up to 350): a sentence, as the rule for reasons wants. */
export const justification = (length: number, subject = 'The proposal') =>
  `${subject} addresses the criterion with evidence. ${DETAIL}`.slice(0, length);

const EVALUATORS = ['evaluator-eve', 'evaluator-evan'];
const ranked = (supplierId: string, rank: number, total: number, amount: number): RankedBid => ({
  supplierId,
  rank,
  total,
  price: { amount, currency: 'GBP' },
  scores: {},
});

export const PILOT_EXTENSION_FLAG: ChangeRedFlag = {
  code: 'CHANGE_TIME',
  message: 'Changes have added 12 months to the contract period; more than 6 is flagged',
  threshold: 6,
  actual: 12,
};

/**
 * The seeds' pilot: three bids, all scored — the winner's justifications five times longer — then the
 * two others excluded before the panel submitted; a direct award confirmed by a second officer; the
 * contract concluded and extended by 12 months.
 */
export async function pilotTender(store: EventStore): Promise<TenderHistory> {
  const terms = sampleNoticeTerms({
    title: 'Body-worn camera pilot',
    awardCriteria: [
      { id: 'quality', name: 'Technical quality', weight: 50, kind: 'quality' },
      { id: 'delivery', name: 'Delivery plan', weight: 20, kind: 'quality' },
      { id: 'price', name: 'Price', weight: 30, kind: 'price' },
    ],
    clarificationDeadline: day(33, 12),
    submissionDeadline: day(40, 12),
  });
  const pilot = new TenderHistory(store, terms);
  await pilot.publish(day(5));
  await pilot.ask('q1', day(10), 'birch');
  await pilot.answer('q1', day(11));
  await pilot.bid('acme', day(30));
  await pilot.bid('birch', day(31));
  await pilot.bid('cedar', day(32));
  await pilot.close();
  await pilot.open(day(41));
  await pilot.compliance('acme', 180_000, day(42));
  await pilot.compliance('birch', 150_000, day(42));
  await pilot.compliance('cedar', 175_000, day(42));
  await pilot.panel(EVALUATORS, day(42));
  for (const evaluator of EVALUATORS) {
    for (const supplier of ['acme', 'birch', 'cedar']) {
      await pilot.declare(evaluator, supplier, day(43));
      const length = supplier === 'acme' ? 250 : 50;
      for (const criterion of ['quality', 'delivery'])
        await pilot.score(
          evaluator,
          supplier,
          criterion,
          supplier === 'acme' ? 9 : 4,
          justification(length),
          day(44),
        );
    }
  }
  await pilot.compliance('birch', 150_000, day(45), {
    reasonCode: 'abnormally-low-tender',
    reasonText: 'The price is abnormally low and the supplier did not explain it when asked.',
  });
  await pilot.compliance('cedar', 175_000, day(45), {
    reasonCode: 'incomplete-submission',
    reasonText: 'The bid gives no price breakdown for the evidence platform, as required.',
  });
  for (const evaluator of EVALUATORS) await pilot.submit(evaluator, day(46));
  const proposal: AwardProposal = {
    supplierId: 'acme',
    round: 1,
    ranking: [ranked('acme', 1, 79, 180_000)],
    topRanked: ['acme'],
    departures: ['direct-award', 'all-but-winner-excluded'],
    directAward: {
      ground: 'no-suitable-tenders',
      justification: 'Only one bid remained suitable once the two others were excluded.',
    },
    proposedBy: 'officer-alice',
    proposedAt: day(47),
  };
  await pilot.requestConfirmation(proposal);
  await pilot.award(proposal, 'officer-bob');
  await pilot.standstill(day(47), day(59));
  await pilot.conclude('c-pilot', 'acme', 180_000, day(60));
  await pilot.extend('ext-1', 12, day(200), [PILOT_EXTENSION_FLAG]);
  return pilot;
}

/** The buyer's next tender, after the extension: a clean competition the incumbent wins. */
export async function rolloutTender(store: EventStore): Promise<TenderHistory> {
  const rollout = new TenderHistory(
    store,
    sampleNoticeTerms({
      title: 'Body-worn cameras, force-wide',
      clarificationDeadline: day(238, 12),
      submissionDeadline: day(245, 12),
    }),
  );
  await rollout.publish(day(210));
  await rollout.bid('acme', day(240));
  await rollout.bid('birch', day(241));
  await rollout.close();
  await rollout.open(day(246));
  await rollout.compliance('acme', 200_000, day(247));
  await rollout.compliance('birch', 230_000, day(247));
  await rollout.panel(EVALUATORS, day(247));
  for (const evaluator of EVALUATORS) {
    for (const supplier of ['acme', 'birch']) {
      await rollout.declare(evaluator, supplier, day(248));
      await rollout.score(evaluator, supplier, 'quality', 7, justification(120), day(248));
    }
    await rollout.submit(evaluator, day(249));
  }
  await rollout.award({
    supplierId: 'acme',
    round: 1,
    ranking: [ranked('acme', 1, 79, 200_000), ranked('birch', 2, 75.09, 230_000)],
    topRanked: ['acme'],
    departures: [],
    proposedBy: 'officer-alice',
    proposedAt: day(250),
  });
  return rollout;
}

/** Another authority's tender: 10 days to bid, a question never answered, one bid; closed, not opened. */
export async function shortTender(store: EventStore): Promise<TenderHistory> {
  const short = new TenderHistory(
    store,
    sampleNoticeTerms({
      title: 'Custody suite cleaning',
      clarificationDeadline: day(105, 12),
      submissionDeadline: day(110, 10),
    }),
    'authority-2',
  );
  // 10 days to bid: refused by the rules today, so stored as an older notice.
  await short.publish(day(100), { stored: true });
  await short.ask('q1', day(102), 'cedar');
  await short.bid('cedar', day(108));
  return short.close();
}

/** Two identical prices, and an award to the bid ranked second, with a justification. */
export async function identicalPricesTender(store: EventStore): Promise<TenderHistory> {
  const tender = new TenderHistory(
    store,
    sampleNoticeTerms({
      title: 'Evidence storage',
      evaluatorCount: 3,
      clarificationDeadline: day(140, 12),
      submissionDeadline: day(150, 12),
    }),
  );
  await tender.publish(day(120));
  await tender.bid('acme', day(140));
  await tender.bid('birch', day(141));
  await tender.close();
  await tender.open(day(151));
  await tender.compliance('acme', 120_000, day(152));
  await tender.compliance('birch', 120_000, day(152));
  const panel = [...EVALUATORS, 'evaluator-ed'];
  await tender.panel(panel, day(152));
  for (const evaluator of panel) {
    for (const supplier of ['acme', 'birch']) {
      const conflict = evaluator === 'evaluator-evan' && supplier === 'birch';
      await tender.declare(evaluator, supplier, day(153), conflict);
      if (!conflict)
        await tender.score(
          evaluator,
          supplier,
          'quality',
          supplier === 'birch' ? 8 : 7,
          justification(100),
          day(154),
        );
    }
    await tender.submit(evaluator, day(155));
  }
  await tender.award({
    supplierId: 'acme',
    round: 1,
    ranking: [ranked('birch', 1, 86, 120_000), ranked('acme', 2, 79, 120_000)],
    topRanked: ['birch'],
    departures: ['winner-not-top-ranked'],
    departureJustification: 'Acme alone can deliver before the storage contract lapses in June.',
    proposedBy: 'officer-alice',
    proposedAt: day(156),
  });
  return tender;
}
