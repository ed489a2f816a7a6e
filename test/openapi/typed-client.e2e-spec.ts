import { readFileSync } from 'node:fs';
import createClient, { type Client } from 'openapi-fetch';
import { demoUser, issueToken, type DemoUserId } from '@fairtender/auth';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';
import { OPENAPI_PATH } from '../../scripts/openapi-paths';
import { startHttpApi, type RunningApi } from '../support/http-api';
import { KPIS } from '../award/award-fixtures';
import { ContractValidator } from './contract-validator';
import type { components, paths } from './fairtender-api';

type Schemas = components['schemas'];
type Fairtender = Client<paths>;

const DAY = 24 * 60 * 60 * 1000;
type SupplierId = 'acme' | 'birch' | 'cedar';
const SUPPLIER_IDS: SupplierId[] = ['acme', 'birch', 'cedar'];
const SUPPLIERS: Record<SupplierId, DemoUserId> = {
  acme: 'supplier-acme',
  birch: 'supplier-birch',
  cedar: 'supplier-cedar',
};
const PRICES: Record<SupplierId, number> = {
  acme: 41_000_000,
  birch: 39_000_000,
  cedar: 45_000_000,
};
const PANEL: ('evaluator-eve' | 'evaluator-evan')[] = ['evaluator-eve', 'evaluator-evan'];
const SCORES = {
  'evaluator-eve': {
    acme: { quality: 8, 'social-value': 6 },
    birch: { quality: 6, 'social-value': 7 },
  },
  'evaluator-evan': {
    acme: { quality: 9, 'social-value': 6 },
    birch: { quality: 6, 'social-value': 5 },
  },
};

/** The answer's body, or a failure that shows what the server said instead. No cast: narrowing only. */
function ok<Result extends { data?: unknown; error?: unknown; response: Response }>(
  result: Result,
): NonNullable<Result['data']> {
  const data = result.data;
  if (data === undefined || data === null) {
    throw new Error(`answered ${result.response.status}: ${JSON.stringify(result.error)}`);
  }
  return data;
}

function bid(amount: number, note: string): Schemas['BidDto'] {
  return {
    price: { amount, currency: 'GBP' },
    responses: [
      { criterionId: 'quality', response: `${note}: cameras, docking, evidence platform.` },
      { criterionId: 'social-value', response: `${note}: local apprenticeships.` },
    ],
    documents: [
      {
        name: 'method-statement.txt',
        mediaType: 'text/plain',
        contentBase64: Buffer.from(`${note} in detail`).toString('base64'),
      },
    ],
  };
}

/** openapi.json, parsed: its examples are read as the typed bodies they claim to be. */
const document = () => JSON.parse(readFileSync(OPENAPI_PATH, 'utf8'));

const justified = (supplierId: string, criterionId: string, score: number) =>
  `${supplierId} earns ${score} on ${criterionId}: the response meets the specification as written.`;

/**
 * A client generated from openapi.json (openapi-typescript's types, openapi-fetch) drives a tender
 * from draft to contract against the api on PostgreSQL, with no casts: every body it sends is typed
 * by the contract and every answer is read through its declared schema. Each answer is also checked
 * against openapi.json (ContractValidator, no undeclared field or status), and refusals are handled
 * by their typed `code`.
 */
describe('a client generated from openapi.json drives the whole lifecycle (PostgreSQL)', () => {
  let database: ScratchDatabase;
  let api: RunningApi;
  const validator = new ContractValidator();
  const clients = new Map<DemoUserId | null, Fairtender>();

  async function as(user: DemoUserId | null): Promise<Fairtender> {
    const known = clients.get(user);
    if (known) return known;
    const client = createClient<paths>({
      baseUrl: api.baseUrl,
      headers: user
        ? { authorization: `Bearer ${await issueToken(api.config.auth, demoUser(user))}` }
        : {},
    });
    client.use(validator.middleware);
    clients.set(user, client);
    return client;
  }

  beforeAll(async () => {
    database = await createScratchDatabase('e2e_openapi_typed_client');
    api = await startHttpApi({
      EVENT_STORE: 'postgres',
      DATABASE_URL: database.url,
      // The test's webhook points at a closed local port: nothing is delivered, the registration is read.
      WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
    });
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });
  afterEach(() => {
    // Every answer of the test just run matched openapi.json.
    expect(validator.problems.splice(0)).toEqual([]);
  });

  let tenderId = '';
  const path = () => ({ path: { tenderId } });

  it("drafts the document's own example: it passes validation", async () => {
    const example: Schemas['NoticeTermsDto'] =
      document().paths['/tenders'].post.requestBody.content['application/json'].examples[
        'open-procedure'
      ].value;
    const weights = example.awardCriteria.reduce((sum, criterion) => sum + criterion.weight, 0);
    expect(weights).toBe(100);
    const officer = await as('officer-alice');
    const drafted = ok(await officer.POST('/tenders', { body: example }));
    expect(drafted.stage).toBe('draft');
  });

  it('drafts, publishes and takes three sealed bids', async () => {
    const officer = await as('officer-alice');
    const now = api.clock.now().getTime();
    const terms: Schemas['NoticeTermsDto'] = {
      title: 'Body-worn cameras and digital evidence management',
      description: 'Supply, hosting and support of body-worn video for a police force.',
      cpvCodes: ['35125300-2'],
      estimatedValue: { amount: 50_000_000, currency: 'GBP' },
      procedure: 'open',
      awardCriteria: [
        { id: 'quality', name: 'Technical quality', weight: 50, kind: 'quality' },
        { id: 'social-value', name: 'Social value', weight: 10, kind: 'quality' },
        { id: 'price', name: 'Price', weight: 40, kind: 'price' },
      ],
      scoringScale: { min: 0, max: 10 },
      minimumBids: 2,
      evaluatorCount: 2,
      clarificationDeadline: new Date(now + 20 * DAY).toISOString(),
      submissionDeadline: new Date(now + 30 * DAY).toISOString(),
      minimumResponseDays: 25,
      jurisdiction: 'uk-pa-2023',
    };
    const drafted = ok(await officer.POST('/tenders', { body: terms }));
    tenderId = drafted.tenderId;
    const published = ok(await officer.POST('/tenders/{tenderId}/publication', { params: path() }));
    expect(published.stage).toBe('tendering');

    const anyone = await as(null);
    const notice = ok(
      await anyone.GET('/notices/{tenderId}', {
        params: { ...path(), header: { 'X-Min-Position': published.position } },
      }),
    );
    expect(notice.submissionDeadline).toBe(terms.submissionDeadline);

    let lastPosition = '';
    // Acme sends the document's own example bid: it passes validation against the notice.
    const exampleBid: Schemas['BidDto'] =
      document().paths['/tenders/{tenderId}/bid'].post.requestBody.content['application/json']
        .examples['one-inline-document'].value;
    expect(exampleBid.price.amount).toBe(PRICES.acme);
    for (const supplierId of SUPPLIER_IDS) {
      const supplier = await as(SUPPLIERS[supplierId]);
      const placed = ok(
        await supplier.POST('/tenders/{tenderId}/bid', {
          params: path(),
          body: supplierId === 'acme' ? exampleBid : bid(PRICES[supplierId], supplierId),
        }),
      );
      expect(placed.status).toBe('submitted');
      if (!placed.receipt) throw new Error('a submitted bid answers a receipt');
      lastPosition = placed.receipt.payload.position;
      const verified = ok(await anyone.POST('/receipts/verification', { body: placed.receipt }));
      expect(verified.valid).toBe(true);
    }
    const acme = await as('supplier-acme');
    const mine = ok(
      await acme.GET('/bids', {
        params: { query: { limit: 10 }, header: { 'X-Min-Position': lastPosition } },
      }),
    );
    expect(mine.items.map((own) => own.tenderId)).toEqual([tenderId]);
    expect(mine.nextCursor).toBeNull();

    const register = ok(
      await officer.GET('/tenders/{tenderId}/bids', {
        params: { ...path(), header: { 'X-Min-Position': lastPosition } },
      }),
    );
    expect([register.sealed, register.bidCount]).toEqual([true, 3]);
  });

  it('refuses to close before the deadline, by a code the types know', async () => {
    const officer = await as('officer-alice');
    const { data, error, response } = await officer.POST('/tenders/{tenderId}/closing', {
      params: path(),
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(409);
    // error.code is the union of the codes openapi.json lists for closeTendering, not any string:
    type ClosingCode = NonNullable<typeof error>['code'];
    // @ts-expect-error LATE_BID is no code closeTendering answers
    const impossible: ClosingCode = 'LATE_BID';
    expect(impossible).toBe('LATE_BID');
    const says = (code: ClosingCode): string => {
      switch (code) {
        case 'DEADLINE_NOT_REACHED':
          return 'wait for the deadline';
        case 'ILLEGAL_STAGE':
          return 'not tendering';
        default:
          return code;
      }
    };
    expect(error && says(error.code)).toBe('wait for the deadline');
    expect(error?.requestId).toEqual(expect.any(String));
    expect(error?.details).toEqual(expect.any(Object));
  });

  it('closes at the deadline and two officers open the bids', async () => {
    const officer = await as('officer-alice');
    const notice = ok(await officer.GET('/tenders/{tenderId}', { params: path() }));
    api.clock.set(new Date(Date.parse(notice.submissionDeadline ?? '') + 1000));
    expect(ok(await officer.POST('/tenders/{tenderId}/closing', { params: path() })).stage).toBe(
      'closed',
    );
    ok(await officer.POST('/tenders/{tenderId}/opening', { params: path() }));
    const opened = ok(
      await (
        await as('officer-bob')
      ).POST('/tenders/{tenderId}/opening', {
        params: path(),
      }),
    );
    expect(opened.stage).toBe('evaluation');
    const content = ok(
      await officer.GET('/tenders/{tenderId}/bids/{supplierId}/content', {
        params: { path: { tenderId, supplierId: 'acme' } },
      }),
    );
    expect(content.content.price.amount).toBe(PRICES.acme);
  });

  it('records compliance, seats the panel, which declares, scores blind and submits', async () => {
    const officer = await as('officer-alice');
    for (const supplierId of ['acme', 'birch']) {
      ok(
        await officer.POST('/tenders/{tenderId}/compliance/{supplierId}', {
          params: { path: { tenderId, supplierId } },
          body: { decision: 'passed' },
        }),
      );
    }
    ok(
      await officer.POST('/tenders/{tenderId}/compliance/{supplierId}', {
        params: { path: { tenderId, supplierId: 'cedar' } },
        body: {
          decision: 'excluded',
          reasonCode: 'requirements-not-met',
          reasonText: 'The method statement does not cover evidence retention for seven years.',
          requirement: 'quality',
        },
      }),
    );
    const appointed = ok(
      await officer.PUT('/tenders/{tenderId}/panel', {
        params: path(),
        body: { evaluatorIds: [...PANEL] },
      }),
    );
    expect(appointed.recorded).toEqual(['EvaluationPanelAppointed']);
    for (const evaluatorId of PANEL) {
      const evaluator = await as(evaluatorId);
      const accepted = ok(
        await evaluator.POST('/tenders/{tenderId}/panel/acceptance', { params: path() }),
      );
      const work = ok(
        await evaluator.GET('/assignments', {
          params: {
            query: { status: 'to-score' },
            header: { 'X-Min-Position': accepted.position },
          },
        }),
      );
      const seat = work.items.find((item) => item.tenderId === tenderId);
      expect(seat).toMatchObject({ membership: 'accepted', status: 'to-score' });
      expect(seat?.cellsScored).toBe(0);
      for (const [supplierId, scores] of Object.entries(SCORES[evaluatorId])) {
        const params = { path: { tenderId, supplierId } };
        ok(
          await evaluator.PUT('/tenders/{tenderId}/declarations/{supplierId}', {
            params,
            body: { conflict: false },
          }),
        );
        ok(
          await evaluator.PUT('/tenders/{tenderId}/scores/{supplierId}', {
            params,
            body: {
              scores: Object.entries(scores).map(([criterionId, score]) => ({
                criterionId,
                score,
                justification: justified(supplierId, criterionId, score),
              })),
            },
          }),
        );
      }
      const blind = ok(await evaluator.GET('/tenders/{tenderId}/scores', { params: path() }));
      expect(blind.evaluators.map((sheet) => sheet.evaluatorId)).toEqual([evaluatorId]);
      ok(await evaluator.POST('/tenders/{tenderId}/evaluation-submission', { params: path() }));
    }
    const ranking = ok(await officer.GET('/tenders/{tenderId}/ranking', { params: path() }));
    expect(ranking.complete).toBe(true);
    expect(ranking.ranking.map((entry) => entry.supplierId)).toEqual(['acme', 'birch']);
  });

  it('awards, issues assessment summaries, publishes the award notice and holds the standstill', async () => {
    const officer = await as('officer-alice');
    const anyone = await as(null);
    const before = await anyone.GET('/tenders/{tenderId}/award', { params: path() });
    expect(before.error?.code).toBe('AWARD_NOT_FOUND');

    const awarded = ok(
      await officer.POST('/tenders/{tenderId}/award', {
        params: path(),
        body: { supplierId: 'acme' },
      }),
    );
    expect(awarded.stage).toBe('standstill');
    const summary = ok(
      await (
        await as('supplier-birch')
      ).GET('/tenders/{tenderId}/assessment-summary', {
        params: path(),
      }),
    );
    expect(summary.awardStands).toBe(true);
    const notice = ok(await anyone.GET('/tenders/{tenderId}/award', { params: path() }));
    expect(notice.award.supplierId).toBe('acme');

    const early = await officer.POST('/tenders/{tenderId}/contract', {
      params: path(),
      body: { period: { startDate: '2027-01-01', endDate: '2028-12-31' } },
    });
    expect(early.response.status).toBe(409);
    expect(early.error?.code).toBe('STANDSTILL_NOT_ENDED');

    const endsAt = notice.standstill?.endsAt ?? '';
    api.clock.set(new Date(Date.parse(endsAt) + 1000));
  });

  it('concludes the contract at the awarded price after the standstill, and changes it in the open', async () => {
    const officer = await as('officer-alice');
    const contract = ok(
      await officer.POST('/tenders/{tenderId}/contract', {
        params: path(),
        body: {
          value: { amount: PRICES.acme, currency: 'GBP' },
          period: { startDate: '2027-01-01', endDate: '2028-12-31' },
          kpis: KPIS, // above £5m: three KPIs (PA 2023 s.52)
        },
      }),
    );
    expect(contract.stage).toBe('contracted');
    const change = ok(
      await officer.POST('/tenders/{tenderId}/contract/changes', {
        params: path(),
        body: {
          kind: 'extension',
          description: 'Extend the body-worn video pilot by twelve months',
          justification:
            'The replacement procurement was delayed by the force restructure; footage must stay retrievable meanwhile.',
          addedValue: { amount: 3_500_000, currency: 'GBP' },
          addedMonths: 12,
          // A lawful basis (8.5 % added, within Sch. 8 para 4's 50 %) and an audit plan (issue 15).
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
        },
      }),
    );
    const approved = ok(
      await (
        await as('officer-bob')
      ).POST('/tenders/{tenderId}/contract/changes/{changeId}/approval', {
        params: { path: { tenderId, changeId: change.changeId } },
      }),
    );
    expect(approved.recorded).toContain('ContractChangeApproved');

    const notice = ok(await (await as(null)).GET('/tenders/{tenderId}/award', { params: path() }));
    expect(notice.contract?.value.amount).toBe(PRICES.acme + 3_500_000);
    expect(notice.changeNotices).toHaveLength(1);
    const challenges = ok(await officer.GET('/tenders/{tenderId}/challenges', { params: path() }));
    expect(challenges).toEqual({ items: [], nextCursor: null });
    const verified = ok(
      await (
        await as('auditor-ada')
      ).POST('/tenders/{tenderId}/verification', {
        params: path(),
      }),
    );
    expect(verified.intact).toBe(true);
  });

  it('reads the record, integrity, lists and webhooks through their declared shapes', async () => {
    const auditor = await as('auditor-ada');
    const first = ok(
      await auditor.GET('/tenders/{tenderId}/history', {
        params: { ...path(), query: { limit: 5 } },
      }),
    );
    expect(first.items).toHaveLength(5);
    const next = ok(
      await auditor.GET('/tenders/{tenderId}/history', {
        params: { ...path(), query: { limit: 5, cursor: first.nextCursor ?? undefined } },
      }),
    );
    expect(next.items[0].position).not.toBe(first.items[0].position);
    const state = ok(
      await auditor.GET('/tenders/{tenderId}/state', {
        params: { ...path(), query: { position: first.items[4].position } },
      }),
    );
    expect(state.asOf.events).toBe(5);
    const diff = ok(
      await auditor.GET('/tenders/{tenderId}/diff', {
        params: {
          ...path(),
          query: { from: first.items[0].position, to: next.items[4].position },
        },
      }),
    );
    expect(diff.changed.length).toBeGreaterThan(0);

    const legal = await as('legal-lee');
    const integrity = ok(await legal.GET('/tenders/{tenderId}/integrity', { params: path() }));
    expect(integrity.counts.received).toBe(3);
    const flags = ok(await legal.GET('/integrity/red-flags', { params: { query: { limit: 10 } } }));
    expect(Array.isArray(flags.items)).toBe(true);

    const notices = ok(await (await as(null)).GET('/notices', { params: { query: { limit: 1 } } }));
    expect(notices.items).toHaveLength(1);

    const supplier = await as('supplier-cedar');
    const registered = await supplier.PUT('/webhook', {
      body: { url: 'http://127.0.0.1:9/hook' },
    });
    expect(registered.response.status).toBe(200);
    expect(ok(registered).replaced).toBe(false);
    expect(ok(await supplier.GET('/webhook')).url).toBe('http://127.0.0.1:9/hook');
    const deliveries = ok(await supplier.GET('/webhook/deliveries', { params: { query: {} } }));
    expect(deliveries.nextCursor).toBeNull();
  });
});
