/** A complete, valid notice whose deadlines sit `daysAhead` days after `now`. */
export function noticeTerms(now: Date, overrides: Record<string, unknown> = {}) {
  const day = 24 * 60 * 60 * 1000;
  return {
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
    clarificationDeadline: new Date(now.getTime() + 20 * day).toISOString(),
    submissionDeadline: new Date(now.getTime() + 30 * day).toISOString(),
    minimumResponseDays: 25,
    jurisdiction: 'uk-pa-2023',
    ...overrides,
  };
}

export function bidBody(amount: number, note = 'Our approach') {
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
