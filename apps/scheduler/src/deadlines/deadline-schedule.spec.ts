import type { NoticeEvent, NoticeTerms } from '@fairtender/domain';
import { SCHEDULER_ACTOR } from '@fairtender/domain';
import { deadlineCommand, deadlineJobId, foldSchedule, planSchedule } from './deadline-schedule';

const T = 'b7f3c1de-0d7e-4f0e-9a43-2d7c5e1f9a10';
const CLARIFICATION = '2025-03-24T12:00:00.000Z';
const SUBMISSION = '2025-03-31T12:00:00.000Z';
const terms = {
  clarificationDeadline: CLARIFICATION,
  submissionDeadline: SUBMISSION,
} as NoticeTerms;

const drafted: NoticeEvent = {
  type: 'TenderDrafted',
  data: {
    tenderId: T,
    buyerOrganisationId: 'org-council',
    terms,
    draftedAt: '2025-03-01T00:00:00Z',
  },
};
const published: NoticeEvent = {
  type: 'TenderPublished',
  data: { terms, publishedAt: '2025-03-03T09:00:00Z', noticeVersion: 1 },
};
const amended = (changes: Partial<NoticeTerms>, noticeVersion: number): NoticeEvent => ({
  type: 'NoticeAmended',
  data: { changes, reason: 'r', amendedAt: '2025-03-10T09:00:00Z', noticeVersion },
});
const periodClosed: NoticeEvent = {
  type: 'ClarificationPeriodClosed',
  data: { closedAt: CLARIFICATION, clarificationDeadline: CLARIFICATION, unansweredQuestions: 0 },
};
const closed: NoticeEvent = {
  type: 'TenderingClosed',
  data: { closedAt: SUBMISSION, submissionDeadline: SUBMISSION },
};
const cancelled: NoticeEvent = {
  type: 'TenderCancelled',
  data: { reason: 'r', cancelledAt: '2025-03-12T00:00:00Z', stage: 'tendering' },
};

const plan = (...events: NoticeEvent[]) => planSchedule(foldSchedule(events));

describe('deadline jobs of a tender', () => {
  it('ids name the tender, the deadline and the notice version that set it', () => {
    expect(deadlineJobId(T, 'submission', 3)).toBe(`${T}:submission:v3`);
    // A colon of ours only: BullMQ accepts exactly three parts.
    expect(deadlineJobId('odd:id', 'clarification', 1)).toBe('odd%3Aid:clarification:v1');
  });

  it('a draft has none; publication schedules both deadlines at version 1', () => {
    expect(plan(drafted)).toEqual({ tenderId: T, wanted: [], unwanted: [] });
    expect(plan(drafted, published)).toEqual({
      tenderId: T,
      wanted: [
        {
          jobId: `${T}:clarification:v1`,
          tenderId: T,
          kind: 'clarification',
          noticeVersion: 1,
          dueAt: CLARIFICATION,
        },
        {
          jobId: `${T}:submission:v1`,
          tenderId: T,
          kind: 'submission',
          noticeVersion: 1,
          dueAt: SUBMISSION,
        },
      ],
      unwanted: [],
    });
  });

  it('an amendment moving a deadline replaces its job; others keep theirs', () => {
    const later = '2025-04-30T12:00:00.000Z';
    expect(
      plan(
        drafted,
        published,
        amended({ title: 'Cameras' }, 2),
        amended({ submissionDeadline: later }, 3),
      ),
    ).toEqual({
      tenderId: T,
      wanted: [
        expect.objectContaining({ jobId: `${T}:clarification:v1`, dueAt: CLARIFICATION }),
        expect.objectContaining({ jobId: `${T}:submission:v3`, noticeVersion: 3, dueAt: later }),
      ],
      unwanted: [`${T}:submission:v1`],
    });
    const twice = plan(
      drafted,
      published,
      amended({ submissionDeadline: later }, 2),
      amended(
        { submissionDeadline: SUBMISSION, clarificationDeadline: '2025-03-26T12:00:00.000Z' },
        3,
      ),
    );
    expect(twice?.wanted.map((job) => job.jobId)).toEqual([
      `${T}:clarification:v3`,
      `${T}:submission:v3`,
    ]);
    expect(twice?.unwanted).toEqual([
      `${T}:clarification:v1`,
      `${T}:submission:v1`,
      `${T}:submission:v2`,
    ]);
  });

  it('a closed clarification period wants no job, until an amendment reopens it', () => {
    expect(plan(drafted, published, periodClosed)?.wanted.map((job) => job.kind)).toEqual([
      'submission',
    ]);
    const reopened = plan(
      drafted,
      published,
      periodClosed,
      amended({ clarificationDeadline: '2025-03-27T12:00:00.000Z' }, 2),
    );
    expect(reopened?.wanted.map((job) => job.jobId)).toEqual([
      `${T}:clarification:v2`,
      `${T}:submission:v1`,
    ]);
  });

  it('closed tendering wants nothing and leaves the job that closed it alone', () => {
    expect(plan(drafted, published, periodClosed, closed)).toEqual({
      tenderId: T,
      wanted: [],
      unwanted: [],
    });
  });

  it('a cancelled tender wants nothing and drops every pending job', () => {
    expect(
      plan(
        drafted,
        published,
        amended({ submissionDeadline: '2025-04-30T12:00:00.000Z' }, 2),
        cancelled,
      ),
    ).toEqual({
      tenderId: T,
      wanted: [],
      unwanted: [`${T}:clarification:v1`, `${T}:submission:v1`, `${T}:submission:v2`],
    });
  });

  it('knows no tender before its draft', () => {
    expect(plan()).toBeUndefined();
  });

  it('a job issues its kind’s command as the scheduler', () => {
    const now = new Date('2025-03-31T12:00:00.010Z');
    expect(deadlineCommand('submission', now)).toEqual({
      type: 'CloseTendering',
      actor: SCHEDULER_ACTOR,
      now,
    });
    expect(deadlineCommand('clarification', now)).toEqual({
      type: 'CloseClarificationPeriod',
      actor: SCHEDULER_ACTOR,
      now,
    });
  });
});
