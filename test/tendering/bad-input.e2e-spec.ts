import { randomUUID } from 'node:crypto';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';
import { itAnswersEachBadInput, type BadInput } from '../support/bad-input';
import { startHttpApi, type RunningApi } from '../support/http-api';
import { bidBody, noticeTerms } from '../support/tender-fixtures';

interface Ids {
  tendering: string;
  draft: string;
  unknown: string;
}

const terms = noticeTerms(new Date());
const { title: _title, ...termsWithoutTitle } = terms;

/** Every endpoint, every kind of client mistake: a clear 4xx with a code, and nothing written. */
const CASES: BadInput<Ids>[] = [
  {
    name: 'no token',
    user: null,
    method: 'POST',
    path: () => '/tenders',
    body: terms,
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'garbage token',
    user: null,
    method: 'POST',
    path: () => '/tenders',
    body: terms,
    headers: { authorization: 'Bearer abc.def.ghi' },
    status: 401,
    code: 'TOKEN_INVALID',
  },
  {
    name: 'malformed JSON',
    user: 'officer-alice',
    method: 'POST',
    path: () => '/tenders',
    body: '{"title": ',
    status: 400,
    code: 'MALFORMED_JSON',
  },
  {
    name: 'wrong content type',
    user: 'officer-alice',
    method: 'POST',
    path: () => '/tenders',
    body: 'title=x',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'missing field',
    user: 'officer-alice',
    method: 'POST',
    path: () => '/tenders',
    body: termsWithoutTitle,
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['title'],
  },
  {
    name: 'unknown field',
    user: 'officer-alice',
    method: 'POST',
    path: () => '/tenders',
    body: { ...terms, secretDiscount: 5 },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['secretDiscount'],
  },
  {
    name: 'several bad fields, nested',
    user: 'officer-alice',
    method: 'POST',
    path: () => '/tenders',
    body: {
      ...terms,
      minimumBids: 1,
      estimatedValue: { amount: -1, currency: 'pounds' },
      awardCriteria: [{ id: 'Q!', name: '', weight: 0, kind: 'vibes' }],
    },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: [
      'minimumBids',
      'estimatedValue.amount',
      'estimatedValue.currency',
      'awardCriteria.0.id',
      'awardCriteria.0.weight',
      'awardCriteria.0.kind',
    ],
  },
  {
    name: 'oversized text',
    user: 'officer-alice',
    method: 'POST',
    path: () => '/tenders',
    body: { ...terms, title: 'x'.repeat(301) },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['title'],
  },
  {
    name: 'weights not summing to 100',
    user: 'officer-alice',
    method: 'POST',
    path: () => '/tenders',
    body: {
      ...terms,
      awardCriteria: [{ id: 'quality', name: 'Quality', weight: 50, kind: 'quality' }],
    },
    status: 422,
    code: 'CRITERIA_WEIGHTS_NOT_100',
  },
  {
    name: 'deadlines out of order',
    user: 'officer-alice',
    method: 'POST',
    path: () => '/tenders',
    body: {
      ...terms,
      clarificationDeadline: terms.submissionDeadline,
      submissionDeadline: terms.clarificationDeadline,
    },
    status: 422,
    code: 'DEADLINES_OUT_OF_ORDER',
  },
  {
    name: 'tender id not a UUID',
    user: 'officer-alice',
    method: 'POST',
    path: () => '/tenders/not-a-uuid/publication',
    status: 400,
    code: 'INVALID_PARAMETER',
  },
  {
    name: 'unknown tender',
    user: 'officer-alice',
    method: 'POST',
    path: ({ unknown }) => `/tenders/${unknown}/publication`,
    status: 404,
    code: 'TENDER_NOT_FOUND',
  },
  {
    name: 'unknown public notice',
    user: null,
    method: 'GET',
    path: ({ unknown }) => `/notices/${unknown}`,
    status: 404,
    code: 'TENDER_NOT_FOUND',
  },
  {
    name: 'draft is not public',
    user: null,
    method: 'GET',
    path: ({ draft }) => `/notices/${draft}`,
    status: 404,
    code: 'TENDER_NOT_FOUND',
  },
  {
    name: 'bad listing cursor',
    user: null,
    method: 'GET',
    path: () => '/notices?cursor=nonsense',
    status: 400,
    code: 'INVALID_CURSOR',
  },
  {
    name: 'bad listing limit',
    user: null,
    method: 'GET',
    path: () => '/notices?limit=1000',
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['limit'],
  },
  {
    name: 'illegal stage: publish twice',
    user: 'officer-alice',
    method: 'POST',
    path: ({ tendering }) => `/tenders/${tendering}/publication`,
    status: 409,
    code: 'ILLEGAL_STAGE',
  },
  {
    name: 'illegal stage: revise a published draft',
    user: 'officer-alice',
    method: 'PUT',
    path: ({ tendering }) => `/tenders/${tendering}/draft`,
    body: terms,
    status: 409,
    code: 'ILLEGAL_STAGE',
  },
  {
    name: 'close before the deadline',
    user: 'officer-alice',
    method: 'POST',
    path: ({ tendering }) => `/tenders/${tendering}/closing`,
    status: 409,
    code: 'DEADLINE_NOT_REACHED',
  },
  {
    name: 'open before closing',
    user: 'officer-alice',
    method: 'POST',
    path: ({ tendering }) => `/tenders/${tendering}/opening`,
    status: 409,
    code: 'ILLEGAL_STAGE',
  },
  {
    name: 'amend with no changes',
    user: 'officer-alice',
    method: 'POST',
    path: ({ tendering }) => `/tenders/${tendering}/amendments`,
    body: { changes: {}, reason: 'nothing' },
    status: 422,
    code: 'NOTHING_TO_AMEND',
  },
  {
    name: 'amend without a reason',
    user: 'officer-alice',
    method: 'POST',
    path: ({ tendering }) => `/tenders/${tendering}/amendments`,
    body: { changes: { title: 'New' } },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['reason'],
  },
  {
    name: 'cancel without a reason',
    user: 'officer-alice',
    method: 'POST',
    path: ({ tendering }) => `/tenders/${tendering}/cancellation`,
    body: {},
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['reason'],
  },
  {
    name: 'empty question',
    user: 'supplier-acme',
    method: 'POST',
    path: ({ tendering }) => `/tenders/${tendering}/clarifications`,
    body: { question: '' },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['question'],
  },
  {
    name: 'answer an unknown question',
    user: 'officer-alice',
    method: 'POST',
    path: ({ tendering }) => `/tenders/${tendering}/clarifications/${randomUUID()}/answer`,
    body: { answer: 'Yes' },
    status: 404,
    code: 'CLARIFICATION_NOT_FOUND',
  },
  {
    name: 'bid on a draft',
    user: 'supplier-acme',
    method: 'POST',
    path: ({ draft }) => `/tenders/${draft}/bid`,
    body: bidBody(100),
    status: 404,
    code: 'TENDER_NOT_FOUND',
  },
  {
    name: 'bid without price',
    user: 'supplier-acme',
    method: 'POST',
    path: ({ tendering }) => `/tenders/${tendering}/bid`,
    body: { responses: [] },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['price'],
  },
  {
    name: 'bid with a zero price',
    user: 'supplier-acme',
    method: 'POST',
    path: ({ tendering }) => `/tenders/${tendering}/bid`,
    body: { ...bidBody(100), price: { amount: 0, currency: 'GBP' } },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['price.amount'],
  },
  {
    name: 'bid in another currency',
    user: 'supplier-acme',
    method: 'POST',
    path: ({ tendering }) => `/tenders/${tendering}/bid`,
    body: { ...bidBody(100), price: { amount: 100, currency: 'EUR' } },
    status: 422,
    code: 'BID_CURRENCY_MISMATCH',
  },
  {
    name: 'bid missing a criterion',
    user: 'supplier-acme',
    method: 'POST',
    path: ({ tendering }) => `/tenders/${tendering}/bid`,
    body: { ...bidBody(100), responses: [] },
    status: 422,
    code: 'BID_INCOMPLETE',
  },
  {
    name: 'document not base64',
    user: 'supplier-acme',
    method: 'POST',
    path: ({ tendering }) => `/tenders/${tendering}/bid`,
    body: {
      ...bidBody(100),
      documents: [{ name: 'a.pdf', mediaType: 'application/pdf', contentBase64: '***' }],
    },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['documents.0.contentBase64'],
  },
  {
    name: 'documents over the limit',
    user: 'supplier-acme',
    method: 'POST',
    path: ({ tendering }) => `/tenders/${tendering}/bid`,
    body: {
      ...bidBody(100),
      documents: [
        {
          name: 'big.bin',
          mediaType: 'application/octet-stream',
          contentBase64: Buffer.alloc(3 * 1024 * 1024 + 1).toString('base64'),
        },
      ],
    },
    status: 413,
    code: 'DOCUMENTS_TOO_LARGE',
  },
  {
    name: 'bad Idempotency-Key',
    user: 'supplier-acme',
    method: 'POST',
    path: ({ tendering }) => `/tenders/${tendering}/bid`,
    body: bidBody(100),
    headers: { 'idempotency-key': 'has spaces' },
    status: 400,
    code: 'INVALID_IDEMPOTENCY_KEY',
  },
  {
    name: 'revise a bid never made',
    user: 'supplier-acme',
    method: 'PUT',
    path: ({ tendering }) => `/tenders/${tendering}/bid`,
    body: bidBody(100),
    status: 404,
    code: 'BID_NOT_FOUND',
  },
  {
    name: 'withdraw a bid never made',
    user: 'supplier-acme',
    method: 'POST',
    path: ({ tendering }) => `/tenders/${tendering}/bid/withdrawal`,
    body: {},
    status: 404,
    code: 'BID_NOT_FOUND',
  },
  {
    name: 'read own bid never made',
    user: 'supplier-acme',
    method: 'GET',
    path: ({ tendering }) => `/tenders/${tendering}/bid`,
    status: 404,
    code: 'BID_NOT_FOUND',
  },
  {
    name: 'bad X-Min-Position',
    user: null,
    method: 'GET',
    path: () => '/notices',
    headers: { 'x-min-position': 'yesterday' },
    status: 400,
    code: 'INVALID_POSITION',
  },
  {
    name: 'bad supplier id',
    user: 'officer-alice',
    method: 'GET',
    path: ({ tendering }) => `/tenders/${tendering}/bids/..%2Fx/content`,
    status: 400,
    code: 'INVALID_PARAMETER',
  },
  {
    name: 'tampered receipt shape',
    user: null,
    method: 'POST',
    path: () => '/receipts/verification',
    body: { payload: {}, signature: 'x' },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'unknown route',
    user: null,
    method: 'GET',
    path: () => '/nowhere',
    status: 404,
    code: 'ROUTE_NOT_FOUND',
  },
  {
    name: "acting outside one's role: a supplier cancels",
    user: 'supplier-acme',
    method: 'POST',
    path: ({ tendering }) => `/tenders/${tendering}/cancellation`,
    body: { reason: 'mine now' },
    status: 403,
    code: 'ROLE_NOT_ALLOWED',
    refusalOn: 'tendering',
  },
];

describe('Bad input across every endpoint: a 4xx with a code, and nothing written (PostgreSQL)', () => {
  let database: ScratchDatabase;
  let api: RunningApi;
  const ids: Ids = { tendering: '', draft: '', unknown: randomUUID() };

  beforeAll(async () => {
    database = await createScratchDatabase('e2e_bad_input');
    api = await startHttpApi({ EVENT_STORE: 'postgres', DATABASE_URL: database.url });
    const officer = api.as('officer-alice');
    ids.draft = (await officer.post('/tenders', noticeTerms(api.clock.now()))).body.tenderId;
    ids.tendering = (await officer.post('/tenders', noticeTerms(api.clock.now()))).body.tenderId;
    expect((await officer.post(`/tenders/${ids.tendering}/publication`)).status).toBe(200);
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  itAnswersEachBadInput(CASES, () => ({ api, databaseUrl: database.url, ids }));
});
