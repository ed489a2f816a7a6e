import type { NoticeTerms } from '../tender/terms';

/**
 * A valid notice for tests and benchmarks that append events directly (read models, scheduler, legal
 * replay): one quality and one price criterion, deadlines in March 2025 unless overridden.
 */
export function sampleNoticeTerms(overrides: Partial<NoticeTerms> = {}): NoticeTerms {
  return {
    title: 'Body-worn cameras',
    description: 'Cameras and evidence storage for 400 wardens',
    cpvCodes: ['35125300-2'],
    estimatedValue: { amount: 250_000, currency: 'GBP' },
    procedure: 'open',
    awardCriteria: [
      { id: 'quality', name: 'Technical quality', weight: 70, kind: 'quality' },
      { id: 'price', name: 'Price', weight: 30, kind: 'price' },
    ],
    scoringScale: { min: 0, max: 10 },
    minimumBids: 2,
    evaluatorCount: 2,
    clarificationDeadline: '2025-03-24T12:00:00.000Z',
    submissionDeadline: '2025-03-31T12:00:00.000Z',
    minimumResponseDays: 15,
    jurisdiction: 'uk-pa-2023',
    ...overrides,
  };
}
