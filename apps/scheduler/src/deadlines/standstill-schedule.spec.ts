import type { NoticeTerms, TenderEvent } from '@fairtender/domain';
import { SCHEDULER_ACTOR } from '@fairtender/domain';
import { deadlinesPassed } from '@fairtender/domain/testing/notice-fixtures';
import { deadlineCommand, deadlineJobId, foldSchedule, planSchedule } from './deadline-schedule';

const T = 'c3e1a5b2-7d4f-4c1e-8f0a-1b2c3d4e5f60';
const terms = {
  clarificationDeadline: '2025-03-24T12:00:00.000Z',
  submissionDeadline: '2025-03-31T12:00:00.000Z',
} as NoticeTerms;
const ENDS_R1 = '2025-04-15T00:00:00.000Z';
const ENDS_R2 = '2025-05-20T00:00:00.000Z';

const tendered: TenderEvent[] = [
  {
    type: 'TenderDrafted',
    data: { tenderId: T, buyerOrganisationId: 'org', terms, draftedAt: '2025-03-01T00:00:00Z' },
  },
  {
    type: 'TenderPublished',
    data: { terms, publishedAt: '2025-03-03T09:00:00Z', noticeVersion: 1 },
  },
  ...deadlinesPassed(terms),
  {
    type: 'BidsOpened',
    data: { openedAt: '2025-04-01T09:00:00Z', officerIds: ['a', 'b'], bidStreams: [] },
  },
];
const started = (round: number, endsAt: string): TenderEvent => ({
  type: 'StandstillStarted',
  data: {
    jurisdiction: 'uk-pa-2023',
    startsAt: '2025-04-03T00:00:00.000Z',
    endsAt,
    countedDays: [],
    basis: 'PA 2023 s.51',
    round,
  },
});
const ended = (round: number, endsAt: string): TenderEvent => ({
  type: 'StandstillEnded',
  data: { endedAt: endsAt, endsAt, openChallenges: 0, round },
});
const reopened: TenderEvent = {
  type: 'EvaluationReopened',
  data: { round: 2, reason: 'r', challengeId: 'ch-1', reopenedAt: '2025-04-10T00:00:00Z' },
};
const cancelled: TenderEvent = {
  type: 'TenderCancelled',
  data: { reason: 'r', cancelledAt: '2025-04-10T00:00:00Z', stage: 'standstill' },
};
const concluded: TenderEvent = {
  type: 'ContractConcluded',
  data: {
    contractId: 'k-1',
    supplierId: 'acme',
    value: { amount: 1, currency: 'GBP' },
    period: { startDate: '2025-05-01', endDate: '2026-04-30' },
    concludedAt: '2025-04-16T00:00:00Z',
    concludedBy: 'alice',
  },
};
const plan = (...events: TenderEvent[]) => planSchedule(foldSchedule([...tendered, ...events]));
const job = (round: number, dueAt: string) => ({
  jobId: `${T}:standstill-end:r${round}`,
  tenderId: T,
  kind: 'standstill-end',
  round,
  dueAt,
});

describe('the standstill deadline of a tender', () => {
  it('has an id per award round', () => {
    expect(deadlineJobId(T, 'standstill-end', 2)).toBe(`${T}:standstill-end:r2`);
  });

  it('a started standstill wants the job that ends it, at its end', () => {
    expect(plan(started(1, ENDS_R1))).toEqual({
      tenderId: T,
      wanted: [job(1, ENDS_R1)],
      unwanted: [],
    });
  });

  it('an ended standstill wants nothing and leaves the job that ended it alone', () => {
    expect(plan(started(1, ENDS_R1), ended(1, ENDS_R1))).toEqual({
      tenderId: T,
      wanted: [],
      unwanted: [],
    });
  });

  it('re-evaluation, cancellation or a concluded contract drop the pending job', () => {
    for (const event of [reopened, cancelled, concluded]) {
      const dropped = plan(started(1, ENDS_R1), event);
      expect(dropped?.wanted).toEqual([]);
      expect(dropped?.unwanted).toContain(`${T}:standstill-end:r1`);
    }
  });

  it('the next round’s award wants its own job; the voided round’s stays unwanted', () => {
    expect(plan(started(1, ENDS_R1), reopened, started(2, ENDS_R2))).toEqual({
      tenderId: T,
      wanted: [job(2, ENDS_R2)],
      unwanted: [`${T}:standstill-end:r1`],
    });
  });

  it('a round that ended before re-evaluation is not removed again', () => {
    expect(
      plan(started(1, ENDS_R1), ended(1, ENDS_R1), reopened, started(2, ENDS_R2))?.unwanted,
    ).toEqual([]);
  });

  it('a concluded contract after the recorded end removes nothing', () => {
    expect(plan(started(1, ENDS_R1), ended(1, ENDS_R1), concluded)).toEqual({
      tenderId: T,
      wanted: [],
      unwanted: [],
    });
  });

  it('the job issues EndStandstill as the scheduler', () => {
    const now = new Date(ENDS_R1);
    expect(deadlineCommand('standstill-end', now)).toEqual({
      type: 'EndStandstill',
      actor: SCHEDULER_ACTOR,
      now,
    });
  });
});
