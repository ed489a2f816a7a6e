import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DemoUserId } from '@fairtender/auth';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';
import { startHttpApi, type RunningApi } from '../support/http-api';
import { noticeTerms } from '../support/tender-fixtures';
import { CONTRACT, EXTENSION, expectStatus, openedTender } from './award-fixtures';

interface Ids {
  /** Opened, in evaluation, panel appointed, no compliance decision yet. */
  evaluation: string;
  draft: string;
  unknown: string;
}

interface BadInput {
  name: string;
  user: DemoUserId | null;
  method: 'GET' | 'POST' | 'PUT';
  path: (ids: Ids) => string;
  body?: unknown;
  headers?: Record<string, string>;
  status: number;
  code: string;
  /** For validation failures: fields the answer must name. */
  fields?: string[];
  /** The refusal is evidence: one AccessRefused on the tender's refusals stream, and nothing else. */
  refusalOn?: keyof Ids;
}

const SCORE = { criterionId: 'quality', score: 7, justification: 'Meets the specification fully.' };
const CHALLENGE = {
  grounds: ['evaluation-error'],
  text: 'The panel scored social value on an unpublished sub-criterion.',
};

/** Every new endpoint, every kind of client mistake: a clear 4xx with a code, and nothing written. */
const CASES: BadInput[] = [
  // Compliance
  {
    name: 'compliance without a decision',
    user: 'officer-alice',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/compliance/acme`,
    body: {},
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['decision'],
  },
  {
    name: 'compliance with a price from the client',
    user: 'officer-alice',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/compliance/acme`,
    body: { decision: 'passed', price: { amount: 1, currency: 'GBP' } },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['price'],
  },
  {
    name: 'compliance decision not passed or excluded, oversized reason',
    user: 'officer-alice',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/compliance/acme`,
    body: { decision: 'maybe', reasonText: 'x'.repeat(5001) },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['decision', 'reasonText'],
  },
  {
    name: 'compliance on a malformed supplier id',
    user: 'officer-alice',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/compliance/a%20b`,
    body: { decision: 'passed' },
    status: 400,
    code: 'INVALID_PARAMETER',
  },
  {
    name: 'compliance on a malformed tender id',
    user: 'officer-alice',
    method: 'POST',
    path: () => `/tenders/not-a-uuid/compliance/acme`,
    body: { decision: 'passed' },
    status: 400,
    code: 'INVALID_PARAMETER',
  },
  {
    name: 'compliance by a supplier',
    user: 'supplier-acme',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/compliance/acme`,
    body: { decision: 'passed' },
    status: 403,
    code: 'ROLE_NOT_ALLOWED',
    refusalOn: 'evaluation',
  },
  {
    name: "compliance by another authority's officer",
    user: 'officer-oscar',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/compliance/acme`,
    body: { decision: 'passed' },
    status: 403,
    code: 'NOT_YOUR_ORGANISATION',
    refusalOn: 'evaluation',
  },
  {
    name: 'compliance on an unknown tender',
    user: 'officer-alice',
    method: 'POST',
    path: ({ unknown }) => `/tenders/${unknown}/compliance/acme`,
    body: { decision: 'passed' },
    status: 404,
    code: 'TENDER_NOT_FOUND',
  },
  {
    name: 'compliance on a supplier that did not bid',
    user: 'officer-alice',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/compliance/dunmore`,
    body: { decision: 'passed' },
    status: 404,
    code: 'BID_NOT_FOUND',
  },
  {
    name: 'compliance on a draft',
    user: 'officer-alice',
    method: 'POST',
    path: ({ draft }) => `/tenders/${draft}/compliance/acme`,
    body: { decision: 'passed' },
    status: 409,
    code: 'ILLEGAL_STAGE',
  },
  {
    name: 'exclusion without a reason',
    user: 'officer-alice',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/compliance/acme`,
    body: { decision: 'excluded' },
    status: 422,
    code: 'EXCLUSION_UNREASONED',
  },
  // Panel
  {
    name: 'panel not a list',
    user: 'officer-alice',
    method: 'PUT',
    path: ({ evaluation }) => `/tenders/${evaluation}/panel`,
    body: { evaluatorIds: 'evaluator-eve' },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['evaluatorIds'],
  },
  {
    name: 'panel with a malformed user id',
    user: 'officer-alice',
    method: 'PUT',
    path: ({ evaluation }) => `/tenders/${evaluation}/panel`,
    body: { evaluatorIds: ['evaluator-eve', 'eve; drop table'] },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['evaluatorIds'],
  },
  {
    name: 'panel of one',
    user: 'officer-alice',
    method: 'PUT',
    path: ({ evaluation }) => `/tenders/${evaluation}/panel`,
    body: { evaluatorIds: ['evaluator-eve'] },
    status: 409,
    code: 'PANEL_TOO_SMALL',
  },
  {
    name: 'panel naming one evaluator twice',
    user: 'officer-alice',
    method: 'PUT',
    path: ({ evaluation }) => `/tenders/${evaluation}/panel`,
    body: { evaluatorIds: ['evaluator-eve', 'evaluator-eve'] },
    status: 422,
    code: 'INVALID_PANEL',
  },
  {
    name: 'panel appointed by an evaluator',
    user: 'evaluator-eve',
    method: 'PUT',
    path: ({ evaluation }) => `/tenders/${evaluation}/panel`,
    body: { evaluatorIds: ['evaluator-eve', 'evaluator-evan'] },
    status: 403,
    code: 'ROLE_NOT_ALLOWED',
    refusalOn: 'evaluation',
  },
  // Declarations, scores, submission
  {
    name: 'declaration not true or false',
    user: 'evaluator-eve',
    method: 'PUT',
    path: ({ evaluation }) => `/tenders/${evaluation}/declarations/acme`,
    body: { conflict: 'no' },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['conflict'],
  },
  {
    name: 'conflict declared without a statement',
    user: 'evaluator-eve',
    method: 'PUT',
    path: ({ evaluation }) => `/tenders/${evaluation}/declarations/acme`,
    body: { conflict: true },
    status: 422,
    code: 'INVALID_DECLARATION',
  },
  {
    name: 'declaration by an officer',
    user: 'officer-alice',
    method: 'PUT',
    path: ({ evaluation }) => `/tenders/${evaluation}/declarations/acme`,
    body: { conflict: false },
    status: 403,
    code: 'ROLE_NOT_ALLOWED',
    refusalOn: 'evaluation',
  },
  {
    name: 'declaration by an evaluator not on the panel',
    user: 'evaluator-eve',
    method: 'PUT',
    path: ({ draft }) => `/tenders/${draft}/declarations/acme`,
    body: { conflict: false },
    status: 403,
    code: 'NOT_ON_PANEL',
    refusalOn: 'draft',
  },
  {
    name: 'no scores',
    user: 'evaluator-eve',
    method: 'PUT',
    path: ({ evaluation }) => `/tenders/${evaluation}/scores/acme`,
    body: { scores: [] },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['scores'],
  },
  {
    name: 'a score that is text, without a justification, with an unknown field',
    user: 'evaluator-eve',
    method: 'PUT',
    path: ({ evaluation }) => `/tenders/${evaluation}/scores/acme`,
    body: { scores: [{ criterionId: 'quality', score: '7', weight: 2 }] },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['scores.0.score', 'scores.0.justification', 'scores.0.weight'],
  },
  {
    name: 'scoring a bid with no compliance decision',
    user: 'evaluator-eve',
    method: 'PUT',
    path: ({ evaluation }) => `/tenders/${evaluation}/scores/acme`,
    body: { scores: [SCORE] },
    status: 409,
    code: 'BID_NOT_COMPLIANT',
  },
  {
    name: 'scores on an unknown tender',
    user: 'evaluator-eve',
    method: 'PUT',
    path: ({ unknown }) => `/tenders/${unknown}/scores/acme`,
    body: { scores: [SCORE] },
    status: 404,
    code: 'TENDER_NOT_FOUND',
  },
  {
    name: 'submission before any compliance decision',
    user: 'evaluator-eve',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/evaluation-submission`,
    status: 409,
    code: 'INCOMPLETE_EVALUATION',
  },
  {
    name: 'submission by a supplier',
    user: 'supplier-acme',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/evaluation-submission`,
    status: 403,
    code: 'ROLE_NOT_ALLOWED',
    refusalOn: 'evaluation',
  },
  {
    name: 'moderation with nothing',
    user: 'officer-alice',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/moderation`,
    body: {},
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['supplierId', 'criterionId', 'agreedScore'],
  },
  {
    name: 'moderation of a bid not evaluated',
    user: 'officer-alice',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/moderation`,
    body: { supplierId: 'acme', criterionId: 'quality', agreedScore: 7 },
    status: 409,
    code: 'BID_NOT_COMPLIANT',
  },
  // Reads of the evaluation
  {
    name: 'scores read by a supplier',
    user: 'supplier-acme',
    method: 'GET',
    path: ({ evaluation }) => `/tenders/${evaluation}/scores`,
    status: 403,
    code: 'ROLE_NOT_ALLOWED',
    refusalOn: 'evaluation',
  },
  {
    name: "scores read by another authority's officer",
    user: 'officer-oscar',
    method: 'GET',
    path: ({ evaluation }) => `/tenders/${evaluation}/scores`,
    status: 403,
    code: 'NOT_YOUR_ORGANISATION',
    refusalOn: 'evaluation',
  },
  {
    name: 'scores of an unknown tender',
    user: 'officer-alice',
    method: 'GET',
    path: ({ unknown }) => `/tenders/${unknown}/scores`,
    status: 404,
    code: 'TENDER_NOT_FOUND',
  },
  {
    name: 'ranking read by an evaluator',
    user: 'evaluator-eve',
    method: 'GET',
    path: ({ evaluation }) => `/tenders/${evaluation}/ranking`,
    status: 403,
    code: 'ROLE_NOT_ALLOWED',
    refusalOn: 'evaluation',
  },
  {
    name: "ranking of another authority's draft",
    user: 'officer-oscar',
    method: 'GET',
    path: ({ draft }) => `/tenders/${draft}/ranking`,
    status: 404,
    code: 'TENDER_NOT_FOUND',
  },
  // Award
  {
    name: 'award without a supplier',
    user: 'officer-alice',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/award`,
    body: {},
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['supplierId'],
  },
  {
    name: 'award with an unknown field',
    user: 'officer-alice',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/award`,
    body: { supplierId: 'acme', ranking: ['acme'] },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['ranking'],
  },
  {
    name: 'award proposed by a supplier',
    user: 'supplier-acme',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/award`,
    body: { supplierId: 'acme' },
    status: 403,
    code: 'ROLE_NOT_ALLOWED',
    refusalOn: 'evaluation',
  },
  {
    name: 'award on an unknown tender',
    user: 'officer-alice',
    method: 'POST',
    path: ({ unknown }) => `/tenders/${unknown}/award`,
    body: { supplierId: 'acme' },
    status: 404,
    code: 'TENDER_NOT_FOUND',
  },
  {
    name: 'award to a bid that has not passed compliance',
    user: 'officer-alice',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/award`,
    body: { supplierId: 'acme' },
    status: 409,
    code: 'WINNER_NOT_COMPLIANT',
  },
  {
    name: 'direct award without ground or justification',
    user: 'officer-alice',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/direct-award`,
    body: { supplierId: 'acme' },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['ground', 'justification'],
  },
  {
    name: 'direct award on an unlisted ground',
    user: 'officer-alice',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/direct-award`,
    body: {
      supplierId: 'acme',
      ground: 'convenience',
      justification: 'It would save the force a second procurement exercise.',
    },
    status: 422,
    code: 'INVALID_LEGAL_GROUND',
  },
  {
    name: 'confirming an award nobody proposed',
    user: 'officer-bob',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/award/confirmation`,
    status: 409,
    code: 'AWARD_NOT_PENDING',
  },
  {
    name: 'confirming on an unknown tender',
    user: 'officer-bob',
    method: 'POST',
    path: ({ unknown }) => `/tenders/${unknown}/award/confirmation`,
    status: 404,
    code: 'TENDER_NOT_FOUND',
  },
  {
    name: 'unsuccessful without a reason',
    user: 'officer-alice',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/unsuccessful`,
    body: {},
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['reason'],
  },
  {
    name: 'unsuccessful declared by an evaluator',
    user: 'evaluator-eve',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/unsuccessful`,
    body: { reason: 'Not enough competition for this requirement.' },
    status: 403,
    code: 'ROLE_NOT_ALLOWED',
    refusalOn: 'evaluation',
  },
  {
    name: 'assessment summary read by an officer',
    user: 'officer-alice',
    method: 'GET',
    path: ({ evaluation }) => `/tenders/${evaluation}/assessment-summary`,
    status: 403,
    code: 'ROLE_NOT_ALLOWED',
    refusalOn: 'evaluation',
  },
  {
    name: 'assessment summary before any award',
    user: 'supplier-acme',
    method: 'GET',
    path: ({ evaluation }) => `/tenders/${evaluation}/assessment-summary`,
    status: 404,
    code: 'ASSESSMENT_SUMMARY_NOT_FOUND',
  },
  {
    name: 'assessment summary of an unknown tender',
    user: 'supplier-acme',
    method: 'GET',
    path: ({ unknown }) => `/tenders/${unknown}/assessment-summary`,
    status: 404,
    code: 'TENDER_NOT_FOUND',
  },
  {
    name: 'award notice of an unknown tender',
    user: null,
    method: 'GET',
    path: ({ unknown }) => `/tenders/${unknown}/award`,
    status: 404,
    code: 'TENDER_NOT_FOUND',
  },
  {
    name: 'award notice of a draft',
    user: null,
    method: 'GET',
    path: ({ draft }) => `/tenders/${draft}/award`,
    status: 404,
    code: 'TENDER_NOT_FOUND',
  },
  {
    name: 'award notice before any award',
    user: null,
    method: 'GET',
    path: ({ evaluation }) => `/tenders/${evaluation}/award`,
    status: 404,
    code: 'AWARD_NOT_FOUND',
  },
  // Challenges
  {
    name: 'challenge with grounds not a list and no text',
    user: 'supplier-acme',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/challenges`,
    body: { grounds: 'evaluation-error' },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['grounds', 'text'],
  },
  {
    name: 'challenge with a malformed id',
    user: 'supplier-acme',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/challenges`,
    body: { ...CHALLENGE, challengeId: 'my challenge!' },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['challengeId'],
  },
  {
    name: 'challenge with a bad Idempotency-Key',
    user: 'supplier-acme',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/challenges`,
    body: CHALLENGE,
    headers: { 'idempotency-key': 'has spaces' },
    status: 400,
    code: 'INVALID_IDEMPOTENCY_KEY',
  },
  {
    name: 'challenge lodged by an officer',
    user: 'officer-alice',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/challenges`,
    body: CHALLENGE,
    status: 403,
    code: 'ROLE_NOT_ALLOWED',
    refusalOn: 'evaluation',
  },
  {
    name: 'challenge with no award to challenge',
    user: 'supplier-acme',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/challenges`,
    body: CHALLENGE,
    status: 409,
    code: 'CHALLENGE_OUT_OF_TIME',
  },
  {
    name: 'challenge on an unknown tender',
    user: 'supplier-acme',
    method: 'POST',
    path: ({ unknown }) => `/tenders/${unknown}/challenges`,
    body: CHALLENGE,
    status: 404,
    code: 'TENDER_NOT_FOUND',
  },
  {
    name: 'challenge outcome without outcome or reason',
    user: 'legal-lee',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/challenges/c-1/outcome`,
    body: {},
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['outcome', 'reason'],
  },
  {
    name: 'challenge outcome of an unknown challenge',
    user: 'legal-lee',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/challenges/c-1/outcome`,
    body: { outcome: 'dismissed', reason: 'The grounds disclose no breach of duty.' },
    status: 404,
    code: 'CHALLENGE_NOT_FOUND',
  },
  {
    name: 'challenge outcome on a malformed challenge id',
    user: 'legal-lee',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/challenges/a%20b/outcome`,
    body: { outcome: 'dismissed', reason: 'The grounds disclose no breach of duty.' },
    status: 400,
    code: 'INVALID_PARAMETER',
  },
  {
    name: 'challenge outcome recorded by a supplier',
    user: 'supplier-acme',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/challenges/c-1/outcome`,
    body: { outcome: 'withdrawn', reason: 'We no longer pursue this challenge at all.' },
    status: 403,
    code: 'ROLE_NOT_ALLOWED',
    refusalOn: 'evaluation',
  },
  {
    name: 'challenges read by an evaluator',
    user: 'evaluator-eve',
    method: 'GET',
    path: ({ evaluation }) => `/tenders/${evaluation}/challenges`,
    status: 403,
    code: 'ROLE_NOT_ALLOWED',
    refusalOn: 'evaluation',
  },
  {
    name: 'challenges of an unknown tender',
    user: 'auditor-ada',
    method: 'GET',
    path: ({ unknown }) => `/tenders/${unknown}/challenges`,
    status: 404,
    code: 'TENDER_NOT_FOUND',
  },
  // Contract
  {
    name: 'contract with nothing',
    user: 'officer-alice',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/contract`,
    body: {},
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['value', 'period'],
  },
  {
    name: 'contract with a negative value and no dates',
    user: 'officer-alice',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/contract`,
    body: {
      value: { amount: -1, currency: 'pounds' },
      period: { startDate: 'soon', endDate: 2029 },
    },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['value.amount', 'value.currency', 'period.startDate', 'period.endDate'],
  },
  {
    name: 'contract before any award',
    user: 'officer-alice',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/contract`,
    body: CONTRACT,
    status: 409,
    code: 'ILLEGAL_STAGE',
  },
  {
    name: 'contract concluded by a supplier',
    user: 'supplier-acme',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/contract`,
    body: CONTRACT,
    status: 403,
    code: 'ROLE_NOT_ALLOWED',
    refusalOn: 'evaluation',
  },
  {
    name: 'contract change with nothing',
    user: 'officer-alice',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/contract/changes`,
    body: {},
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['kind', 'description', 'justification', 'addedValue', 'addedMonths'],
  },
  {
    name: 'contract change of a month and a half',
    user: 'officer-alice',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/contract/changes`,
    body: { ...EXTENSION, addedMonths: 1.5 },
    status: 400,
    code: 'VALIDATION_FAILED',
    fields: ['addedMonths'],
  },
  {
    name: 'contract change with no contract',
    user: 'officer-alice',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/contract/changes`,
    body: EXTENSION,
    status: 409,
    code: 'ILLEGAL_STAGE',
  },
  {
    name: 'change approval on a malformed change id',
    user: 'officer-bob',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/contract/changes/a%20b/approval`,
    status: 400,
    code: 'INVALID_PARAMETER',
  },
  {
    name: 'change approval with no contract',
    user: 'officer-bob',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/contract/changes/change-1/approval`,
    status: 409,
    code: 'ILLEGAL_STAGE',
  },
  {
    name: 'change approved by an auditor',
    user: 'auditor-ada',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/contract/changes/change-1/approval`,
    status: 403,
    code: 'ROLE_NOT_ALLOWED',
    refusalOn: 'evaluation',
  },
  {
    name: 'malformed JSON',
    user: 'officer-alice',
    method: 'POST',
    path: ({ evaluation }) => `/tenders/${evaluation}/award`,
    body: '{"supplierId": ',
    status: 400,
    code: 'MALFORMED_JSON',
  },
];

describe('Bad input on the evaluation, award, challenge and contract endpoints (PostgreSQL)', () => {
  let database: ScratchDatabase;
  let api: RunningApi;
  const ids: Ids = { evaluation: '', draft: '', unknown: randomUUID() };

  beforeAll(async () => {
    database = await createScratchDatabase('e2e_award_bad_input');
    api = await startHttpApi({ EVENT_STORE: 'postgres', DATABASE_URL: database.url });
    ({ tenderId: ids.evaluation } = await openedTender(api));
    const alice = api.as('officer-alice');
    expectStatus(
      await alice.put(`/tenders/${ids.evaluation}/panel`, {
        evaluatorIds: ['evaluator-eve', 'evaluator-evan'],
      }),
      200,
    );
    ids.draft = expectStatus(await alice.post('/tenders', noticeTerms(api.clock.now())), 201)
      .tenderId as string;
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  // Straight from the table: what is committed, not what the global-order horizon shows readers yet.
  const storedEvents = async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ stream_name: string; type: string }>(
        'SELECT stream_name, type FROM fairtender_events ORDER BY transaction_id, position',
      );
      return rows.map((row) => [row.stream_name, row.type]);
    } finally {
      await client.end();
    }
  };

  it.each(CASES)('$name → $status $code', async (bad) => {
    const before = await storedEvents();
    const response = await api
      .as(bad.user)
      .request(bad.method, bad.path(ids), bad.body, bad.headers);
    expect({ status: response.status, code: response.body?.code }).toEqual({
      status: bad.status,
      code: bad.code,
    });
    expect(typeof response.body.message).toBe('string');
    if (bad.fields) {
      const named = response.body.details.fields.map((field: { field: string }) => field.field);
      expect(named).toEqual(expect.arrayContaining(bad.fields));
    }
    const after = await storedEvents();
    expect(after.slice(before.length)).toEqual(
      bad.refusalOn ? [[`tender-${ids[bad.refusalOn]}.refusals`, 'AccessRefused']] : [],
    );
    expect(after.slice(0, before.length)).toEqual(before);
  });
});
