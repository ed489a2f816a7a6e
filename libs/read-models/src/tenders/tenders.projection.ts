import type { NoticeTerms } from '@fairtender/domain';
import { evolveRow, type ProjectedEvent, type RowHandlers } from '../runner/projected-event';
import type { Projection } from '../runner/projection';
import type { TenderRow } from './tenders.table';
import { TENDERS } from './tenders.table';
import { byTender, tableSlice } from '../runner/working-set';

/** The rows of the tenders a batch's events name. */
export const TENDER_ROWS = tableSlice(TENDERS, byTender<TenderRow>());

/**
 * Price scoring has no column of its own: it is shown with the award (integrity, OCDS). The tendering
 * period's terms are shown as the period publication recorded (`tenderingPeriod`).
 */
const NOT_COLUMNS = ['priceScoring', 'electronicSubmission', 'reducedTenderingPeriod'] as const;
type TermKey = Exclude<keyof NoticeTerms, (typeof NOT_COLUMNS)[number]>;
type TermColumns = Pick<TenderRow, TermKey>;

function termColumns(terms: Partial<NoticeTerms>): Partial<TermColumns> {
  const columns: Partial<TermColumns> = {};
  for (const key of Object.keys(terms) as (keyof NoticeTerms)[]) {
    if (!(NOT_COLUMNS as readonly string[]).includes(key) && terms[key] !== undefined)
      Object.assign(columns, { [key]: terms[key] });
  }
  return columns;
}

const EMPTY_TERMS: TermColumns = {
  title: null,
  description: null,
  cpvCodes: null,
  estimatedValue: null,
  procedure: null,
  awardCriteria: null,
  scoringScale: null,
  minimumBids: null,
  evaluatorCount: null,
  clarificationDeadline: null,
  submissionDeadline: null,
  minimumResponseDays: null,
  jurisdiction: null,
};

/** rm_tenders: one row per tender, from the events of its tender stream. */
export const tenderHandlers: RowHandlers<TenderRow> = {
  TenderDrafted: (_row, data, event) => ({
    tenderId: event.tenderId,
    buyerOrganisationId: data.buyerOrganisationId,
    stage: 'draft',
    ...EMPTY_TERMS,
    ...termColumns(data.terms),
    noticeVersion: 0,
    draftedAt: data.draftedAt,
    publishedAt: null,
    tenderingPeriod: null,
    lastAmendedAt: null,
    closedAt: null,
    openedAt: null,
    cancelledAt: null,
    cancellationReason: null,
    amendments: [],
    lastRevision: event.revision,
  }),
  DraftRevised: (row, data) => row && { ...row, ...EMPTY_TERMS, ...termColumns(data.terms) },
  TenderPublished: (row, data) =>
    row && {
      ...row,
      ...EMPTY_TERMS,
      ...termColumns(data.terms),
      stage: 'tendering',
      publishedAt: data.publishedAt,
      tenderingPeriod: data.tenderingPeriod ?? null,
      noticeVersion: data.noticeVersion,
    },
  NoticeAmended: (row, data) =>
    row && {
      ...row,
      ...termColumns(data.changes),
      ...(data.tenderingPeriod ? { tenderingPeriod: data.tenderingPeriod } : {}),
      noticeVersion: data.noticeVersion,
      lastAmendedAt: data.amendedAt,
      amendments: [
        ...row.amendments,
        {
          noticeVersion: data.noticeVersion,
          changes: data.changes,
          reason: data.reason,
          amendedAt: data.amendedAt,
        },
      ],
    },
  TenderingClosed: (row, data) => row && { ...row, stage: 'closed', closedAt: data.closedAt },
  BidsOpened: (row, data) => row && { ...row, stage: 'evaluation', openedAt: data.openedAt },
  TenderCancelled: (row, data) =>
    row && {
      ...row,
      stage: 'cancelled',
      cancelledAt: data.cancelledAt,
      cancellationReason: data.reason,
    },
};

export function evolveTenderRow(row: TenderRow | undefined, event: ProjectedEvent) {
  if (event.streamKind !== 'tender') return row;
  const next = evolveRow(tenderHandlers, row, event, undefined);
  return next && { ...next, lastRevision: event.revision };
}

export const tendersProjection: Projection = {
  name: 'tenders',
  group: 'tendering',
  apply(rows, event) {
    const row = rows.of(TENDER_ROWS).get(event.tenderId);
    const next = evolveTenderRow(row, event);
    if (next && next !== row) rows.of(TENDER_ROWS).put(next);
  },
};
