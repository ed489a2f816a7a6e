import type { PublicClarification, TenderRow } from '@fairtender/read-models';

/** What anyone may read about a published notice: its terms, amendments and answered questions. */
export function publicNotice(row: TenderRow, clarifications: PublicClarification[]) {
  return {
    tenderId: row.tenderId,
    buyerOrganisationId: row.buyerOrganisationId,
    stage: row.stage,
    // Whether an open challenge suspends the award; never which, nor who lodged it.
    awardSuspended: row.awardSuspendedBy.length > 0,
    title: row.title,
    description: row.description,
    cpvCodes: row.cpvCodes,
    estimatedValue: row.estimatedValue,
    procedure: row.procedure,
    awardCriteria: row.awardCriteria,
    scoringScale: row.scoringScale,
    minimumBids: row.minimumBids,
    evaluatorCount: row.evaluatorCount,
    clarificationDeadline: row.clarificationDeadline,
    submissionDeadline: row.submissionDeadline,
    minimumResponseDays: row.minimumResponseDays,
    jurisdiction: row.jurisdiction,
    noticeVersion: row.noticeVersion,
    publishedAt: row.publishedAt,
    tenderingPeriod: row.tenderingPeriod,
    lastAmendedAt: row.lastAmendedAt,
    amendments: row.amendments,
    closedAt: row.closedAt,
    openedAt: row.openedAt,
    cancelledAt: row.cancelledAt,
    cancellationReason: row.cancellationReason,
    // Answers go to every supplier; who asked is never published (docs/rules.md#equal-information).
    clarifications: clarifications
      .filter((question) => question.answer !== null)
      .map(({ questionId, question, askedAt, answer, answeredAt }) => ({
        questionId,
        question,
        askedAt,
        answer,
        answeredAt,
      })),
  };
}

/** The buyer's own view: drafts too, and every question including those not yet answered. */
export function buyerTender(row: TenderRow, clarifications: PublicClarification[]) {
  return {
    ...publicNotice(row, []),
    draftedAt: row.draftedAt,
    revision: row.lastRevision,
    clarifications: clarifications.map(({ questionId, question, askedAt, answer, answeredAt }) => ({
      questionId,
      question,
      askedAt,
      answer,
      answeredAt,
    })),
  };
}
