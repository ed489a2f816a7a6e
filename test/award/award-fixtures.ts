/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are JSON that tests inspect freely */
import type { DemoUserId } from '@fairtender/auth';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';
import { startHttpApi, type ApiClient, type RunningApi } from '../support/http-api';
import { bidBody, noticeTerms } from '../support/tender-fixtures';

export const PANEL: DemoUserId[] = ['evaluator-eve', 'evaluator-evan'];
export const SUPPLIER_USERS = {
  acme: 'supplier-acme',
  birch: 'supplier-birch',
  cedar: 'supplier-cedar',
} as const;
export type SupplierId = keyof typeof SUPPLIER_USERS;

/** The three bids of the seeds: Birch is cheapest, Cedar dearest. */
export const PRICES: Record<SupplierId, number> = {
  acme: 41_000_000,
  birch: 39_000_000,
  cedar: 45_000_000,
};

/** Fails with the whole answer when the status is not the one expected, so a failure says why. */
export function expectStatus(response: { status: number; body: any }, status: number): any {
  if (response.status !== status) {
    throw new Error(
      `expected ${status}, got ${response.status}: ${JSON.stringify(response.body, null, 2)}`,
    );
  }
  return response.body;
}

/**
 * A published notice (panel of 2) with a bid from each supplier, tendering closed at the deadline
 * and the bids opened by two officers: the tender is in evaluation. The clock is past the deadline.
 */
export async function openedTender(
  api: RunningApi,
  prices: Partial<Record<SupplierId, number>> = PRICES,
): Promise<{ tenderId: string; position: string }> {
  const alice = api.as('officer-alice');
  const terms = noticeTerms(api.clock.now(), { evaluatorCount: 2 });
  const drafted = expectStatus(await alice.post('/tenders', terms), 201);
  const tenderId: string = drafted.tenderId;
  expectStatus(await alice.post(`/tenders/${tenderId}/publication`), 200);
  let lastBid = '';
  for (const [supplierId, amount] of Object.entries(prices) as [SupplierId, number][]) {
    const placed = expectStatus(
      await api
        .as(SUPPLIER_USERS[supplierId])
        .post(`/tenders/${tenderId}/bid`, bidBody(amount, supplierId)),
      201,
    );
    lastBid = placed.receipt.payload.position;
  }
  // Opening finds the bid streams by a read in global order, which another transaction in the
  // PostgreSQL cluster can hold back for a moment: wait, as real bids long before opening would,
  // until the register (fed by that same order) shows the last bid.
  const register = await alice.get(`/tenders/${tenderId}/bids`, { 'x-min-position': lastBid });
  expect(expectStatus(register, 200).bidCount).toBe(Object.keys(prices).length);
  api.clock.set(new Date(Date.parse(terms.submissionDeadline) + 1000));
  expectStatus(await alice.post(`/tenders/${tenderId}/closing`), 200);
  expectStatus(await alice.post(`/tenders/${tenderId}/opening`), 200);
  const opened = expectStatus(
    await api.as('officer-bob').post(`/tenders/${tenderId}/opening`),
    200,
  );
  expect(opened.stage).toBe('evaluation');
  return { tenderId, position: opened.position };
}

/** What an award spec works on; filled in by `openedTenderOnPostgres` before the tests run. */
export class OpenedTenderOnPostgres {
  database!: ScratchDatabase;
  api!: RunningApi;
  tenderId!: string;
  /** The opening's position, then that of the last answer passed through `seen`. */
  position!: string;

  readonly alice = (): ApiClient => this.api.as('officer-alice');
  /** `/tenders/<tenderId>` */
  readonly base = (): string => `/tenders/${this.tenderId}`;
  /** Keeps the answer's position, for reads that must have reached it (`X-Min-Position`). */
  readonly seen = <Body extends { position?: string }>(body: Body): Body => {
    if (body.position) this.position = body.position;
    return body;
  };
}

/**
 * For the calling describe block: the api on a scratch PostgreSQL database of its own and one tender
 * opened for evaluation (`openedTender`), set up before the block's tests and dropped after them.
 */
export function openedTenderOnPostgres(databaseLabel: string): OpenedTenderOnPostgres {
  const suite = new OpenedTenderOnPostgres();
  beforeAll(async () => {
    suite.database = await createScratchDatabase(databaseLabel);
    suite.api = await startHttpApi({ EVENT_STORE: 'postgres', DATABASE_URL: suite.database.url });
    ({ tenderId: suite.tenderId, position: suite.position } = await openedTender(suite.api));
  });
  afterAll(async () => {
    await suite.api?.close();
    await suite.database?.drop();
  });
  return suite;
}

export const REASONED_EXCLUSION = {
  decision: 'excluded',
  reasonCode: 'requirements-not-met',
  reasonText: 'The method statement does not cover evidence retention for seven years.',
  requirement: 'quality',
};

/** A justification of the length the rules ask for, naming what was scored. */
export const justified = (supplierId: string, criterionId: string, score: number) =>
  `${supplierId} earns ${score} on ${criterionId}: the response meets the specification as written.`;

/** criterionId → score, for the two quality criteria of the sample notice. */
export type QualityScores = { quality: number; 'social-value': number };

export function scoreBody(supplierId: string, scores: QualityScores) {
  return {
    scores: Object.entries(scores).map(([criterionId, score]) => ({
      criterionId,
      score,
      justification: justified(supplierId, criterionId, score),
    })),
  };
}

/** An evaluator declares no conflict with each supplier and scores it. */
export async function declareAndScore(
  api: RunningApi,
  tenderId: string,
  evaluator: DemoUserId,
  scores: Partial<Record<SupplierId, QualityScores>>,
): Promise<void> {
  const client = api.as(evaluator);
  for (const [supplierId, own] of Object.entries(scores) as [SupplierId, QualityScores][]) {
    expectStatus(
      await client.put(`/tenders/${tenderId}/declarations/${supplierId}`, { conflict: false }),
      200,
    );
    expectStatus(
      await client.put(`/tenders/${tenderId}/scores/${supplierId}`, scoreBody(supplierId, own)),
      200,
    );
  }
}

/**
 * The officer appoints the panel, and each member accepts its seat with its own token (an evaluator
 * of the buyer): only then does it count and may it act. Answers the last acceptance.
 */
export async function seatPanel(
  api: RunningApi,
  tenderId: string,
  panel: readonly DemoUserId[] = PANEL,
): Promise<any> {
  let last = expectStatus(
    await api.as('officer-alice').put(`/tenders/${tenderId}/panel`, { evaluatorIds: panel }),
    200,
  );
  for (const evaluator of panel) {
    last = expectStatus(await api.as(evaluator).post(`/tenders/${tenderId}/panel/acceptance`), 200);
  }
  return last;
}

export const submit = async (api: RunningApi, tenderId: string, evaluator: DemoUserId) =>
  expectStatus(await api.as(evaluator).post(`/tenders/${tenderId}/evaluation-submission`), 200);

/**
 * Round 1 of an opened tender up to the award: the scored suppliers pass compliance, `excluded` is
 * excluded with a reason, the panel of two is seated, declares, scores and submits, and `winner` is proposed.
 * Returns the award's answer.
 */
export async function evaluateAndAward(
  api: RunningApi,
  tenderId: string,
  {
    scores,
    excluded,
    winner,
  }: {
    scores: Partial<Record<SupplierId, QualityScores>>;
    excluded: SupplierId;
    winner: SupplierId;
  },
): Promise<any> {
  const alice = api.as('officer-alice');
  const base = `/tenders/${tenderId}`;
  for (const supplierId of Object.keys(scores)) {
    expectStatus(await alice.post(`${base}/compliance/${supplierId}`, { decision: 'passed' }), 200);
  }
  expectStatus(await alice.post(`${base}/compliance/${excluded}`, REASONED_EXCLUSION), 200);
  await seatPanel(api, tenderId);
  for (const evaluator of PANEL) {
    await declareAndScore(api, tenderId, evaluator, scores);
    await submit(api, tenderId, evaluator);
  }
  return expectStatus(await alice.post(`${base}/award`, { supplierId: winner }), 200);
}

/** The standstill's end, from the public award notice; the clock moved one second past it. */
export async function passStandstill(api: RunningApi, tenderId: string): Promise<string> {
  const notice = expectStatus(await api.as(null).get(`/tenders/${tenderId}/award`), 200);
  const endsAt: string = notice.standstill.endsAt;
  api.clock.set(new Date(Date.parse(endsAt) + 1000));
  return endsAt;
}

/** Above £5m: at least three KPIs (PA 2023 s.52, issue 15). */
export const KPIS = [
  {
    kpiId: 'availability',
    name: 'Camera availability',
    measure: 'Share of shift hours with a working camera',
    target: 'At least 98 %',
    frequencyMonths: 3,
  },
  {
    kpiId: 'retrieval',
    name: 'Footage retrieval',
    measure: 'Requests answered within 24 hours',
    target: 'At least 95 %',
    frequencyMonths: 6,
  },
  {
    kpiId: 'retention',
    name: 'Evidence retention',
    measure: 'Clips kept for their retention period',
    target: '100 %',
    frequencyMonths: 12,
  },
];

/** At Acme's awarded price: the contract is the award. */
export const CONTRACT = {
  value: { amount: PRICES.acme, currency: 'GBP' },
  period: { startDate: '2027-01-01', endDate: '2028-12-31' },
  kpis: KPIS,
};

/** The seeds' 12-month pilot extension. */
export const EXTENSION = {
  kind: 'extension',
  description: 'Extend the body-worn video pilot by twelve months',
  justification:
    'The replacement procurement was delayed by the force restructure; footage must stay retrievable meanwhile.',
  addedValue: { amount: 3_500_000, currency: 'GBP' },
  addedMonths: 12,
  // Issue 15: a lawful basis (8.5 % added value, within Sch. 8 para 4's 50 %) and an audit plan.
  basis: { kind: 'permitted', ground: 'unforeseeable-circumstances' },
  auditPlan: {
    oversightBodyId: 'oversight',
    publicationUrl: 'https://oversight.example/reports/pilot',
    checkpoints: [
      {
        checkpointId: 'extension-review',
        dueDate: '2029-06-30',
        description: 'Mid-extension review',
      },
    ],
    kpiIds: [],
  },
};
