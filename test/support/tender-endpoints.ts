import { bidBody, noticeTerms } from './tender-fixtures';

/** One route under a tender id, with a body its validation accepts, so the handler is reached. */
export interface TenderEndpoint {
  method: 'GET' | 'POST' | 'PUT';
  /** The path after `/tenders/<id>` (or a whole path, for the public routes). */
  path: (tenderId: string) => string;
  body?: unknown;
}

const under =
  (suffix: string) =>
  (tenderId: string): string =>
    `/tenders/${tenderId}${suffix}`;
const SCORES = {
  scores: [
    {
      criterionId: 'quality',
      score: 7,
      justification: 'The method statement covers every requirement with evidence.',
    },
  ],
};

/** Every route that names a tender (issue 17 finding 5: a draft must not show through any of them). */
export const TENDER_ENDPOINTS: TenderEndpoint[] = [
  { method: 'GET', path: under('') },
  { method: 'PUT', path: under('/draft'), body: noticeTerms(new Date('2030-01-01T00:00:00Z')) },
  { method: 'POST', path: under('/publication') },
  {
    method: 'POST',
    path: under('/amendments'),
    body: { changes: { title: 'Body-worn cameras, amended' }, reason: 'Scope clarified' },
  },
  { method: 'POST', path: under('/cancellation'), body: { reason: 'Requirement withdrawn' } },
  { method: 'POST', path: under('/clarifications'), body: { question: 'Is docking included?' } },
  {
    method: 'POST',
    path: under('/clarifications/5b0e8f3a-2c1d-4e7f-9a6b-3d2c1b0a9f8e/answer'),
    body: { answer: 'Yes, docking is included.' },
  },
  { method: 'POST', path: under('/closing') },
  { method: 'POST', path: under('/opening') },
  { method: 'POST', path: under('/bid'), body: bidBody(100) },
  { method: 'PUT', path: under('/bid'), body: bidBody(100) },
  { method: 'POST', path: under('/bid/withdrawal') },
  { method: 'POST', path: under('/bid/reconfirmation') },
  { method: 'GET', path: under('/bid') },
  { method: 'GET', path: under('/bids') },
  { method: 'GET', path: under('/bids/acme/content') },
  { method: 'POST', path: under('/compliance/acme'), body: { decision: 'passed' } },
  {
    method: 'PUT',
    path: under('/panel'),
    body: { evaluatorIds: ['evaluator-eve', 'evaluator-evan'] },
  },
  { method: 'POST', path: under('/panel/acceptance') },
  { method: 'PUT', path: under('/declarations/acme'), body: { conflict: false } },
  { method: 'PUT', path: under('/scores/acme'), body: SCORES },
  { method: 'POST', path: under('/evaluation-submission') },
  { method: 'GET', path: under('/scores') },
  {
    method: 'POST',
    path: under('/moderation'),
    body: {
      supplierId: 'acme',
      criterionId: 'quality',
      agreedScore: 7,
      reason: 'The panel agreed seven after discussing the evidence.',
    },
  },
  { method: 'GET', path: under('/ranking') },
  { method: 'POST', path: under('/award'), body: { supplierId: 'acme' } },
  {
    method: 'POST',
    path: under('/direct-award'),
    body: {
      supplierId: 'acme',
      ground: 'extreme-urgency',
      justification: 'A flood destroyed the custody suite and cameras are needed within days.',
    },
  },
  { method: 'POST', path: under('/award/confirmation') },
  {
    method: 'POST',
    path: under('/unsuccessful'),
    body: { reason: 'No bid met the mandatory requirements of the notice.' },
  },
  { method: 'GET', path: under('/assessment-summary') },
  { method: 'GET', path: under('/award') },
  {
    method: 'POST',
    path: under('/challenges'),
    body: {
      grounds: ['evaluation-error'],
      text: 'The panel scored social value on an unpublished sub-criterion.',
    },
  },
  {
    method: 'POST',
    path: under('/challenges/c-1/outcome'),
    body: { outcome: 'dismissed', reason: 'The grounds disclose no breach of duty.' },
  },
  { method: 'GET', path: under('/challenges') },
  {
    method: 'POST',
    path: under('/contract'),
    body: {
      value: { amount: 41_000_000, currency: 'GBP' },
      period: { startDate: '2031-01-01', endDate: '2032-12-31' },
    },
  },
  {
    method: 'POST',
    path: under('/contract/changes'),
    body: {
      kind: 'extension',
      description: 'Extend the body-worn video pilot by twelve months',
      justification:
        'The replacement procurement was delayed by the force restructure; footage must stay retrievable.',
      addedValue: { amount: 3_500_000, currency: 'GBP' },
      addedMonths: 12,
    },
  },
  { method: 'POST', path: under('/contract/changes/change-1/approval') },
  { method: 'GET', path: under('/integrity') },
  { method: 'GET', path: under('/history') },
  { method: 'GET', path: under('/state?at=2030-01-01T00:00:00Z') },
  {
    method: 'GET',
    path: under('/diff?from=2020-01-01T00:00:00Z&to=2030-01-01T00:00:00Z'),
  },
  { method: 'POST', path: under('/verification') },
  { method: 'GET', path: under('/evidence') },
  { method: 'GET', path: under('/evidence/timeline.html') },
  { method: 'GET', path: (id) => `/notices/${id}` },
  { method: 'GET', path: (id) => `/ocds/tenders/${id}/releases` },
  { method: 'GET', path: (id) => `/ocds/tenders/${id}/record` },
];
