import {
  evolveTender,
  initialEvaluationState,
  initialTenderState,
  qualityCriteria,
  type NoticeTerms,
  type TenderEvent,
  type TenderState,
} from '@fairtender/domain';
import { evolveRow, type ProjectedEvent, type RowHandlers } from '../runner/projected-event';
import type { EvaluationTenderRow } from './assignments.table';

/**
 * Tender-stream events whose effect on the stage, the round and the panel the domain's evolve
 * decides, on a tender state holding only those: the read model and the deciders cannot disagree on
 * who counts on the panel.
 */
const STAGE_ROUND_AND_PANEL = new Set<string>([
  'TenderDrafted',
  'TenderPublished',
  'TenderingClosed',
  'BidsOpened',
  'TenderCancelled',
  'EvaluationPanelAppointed',
  'PanelMembershipAccepted',
  'EvaluationReopened',
  'AwardProposed',
  'TenderDeclaredUnsuccessful',
  'ContractConcluded',
]);

const withTerms = (row: EvaluationTenderRow, terms: NoticeTerms): EvaluationTenderRow => ({
  ...row,
  title: terms.title,
  qualityCriteria: qualityCriteria(terms.awardCriteria).map((criterion) => criterion.id),
});

/** What the domain's fold does not give back: the notice's title and criteria, bids, compliance. */
const handlers: RowHandlers<EvaluationTenderRow> = {
  TenderDrafted: (row, data, event) =>
    withTerms(
      row ?? {
        tenderId: event.tenderId,
        buyerOrganisationId: data.buyerOrganisationId,
        title: null,
        stage: 'draft',
        round: 1,
        qualityCriteria: [],
        bids: {},
        opened: null,
        compliance: {},
        appointed: [],
        panel: [],
      },
      data.terms,
    ),
  DraftRevised: (row, data) => row && withTerms(row, data.terms),
  TenderPublished: (row, data) => row && withTerms(row, data.terms),
  NoticeAmended: (row, data) =>
    row && data.changes.title !== undefined ? { ...row, title: data.changes.title } : row,
  BidsOpened: (row, data) =>
    row && { ...row, opened: data.bidStreams.map((head) => head.supplierId) },
  BidComplianceRecorded: (row, data) =>
    row && { ...row, compliance: { ...row.compliance, [data.supplierId]: data.decision } },
  BidSubmitted: (row, data) => row && withBid(row, data.supplierId, 'submitted'),
  BidRevised: (row, data) => row && withBid(row, data.supplierId, 'submitted'),
  BidWithdrawn: (row, data) => row && withBid(row, data.supplierId, 'withdrawn'),
};

const withBid = (
  row: EvaluationTenderRow,
  supplierId: string,
  status: 'submitted' | 'withdrawn',
): EvaluationTenderRow => ({ ...row, bids: { ...row.bids, [supplierId]: status } });

/** The events that change a tender's evaluation facts (its evaluators' own streams aside). */
export const changesEvaluationTender = (event: ProjectedEvent) =>
  (event.streamKind === 'tender' || event.streamKind === 'bid') &&
  (STAGE_ROUND_AND_PANEL.has(event.type) || Object.hasOwn(handlers, event.type));

export function evolveEvaluationTender(
  row: EvaluationTenderRow | undefined,
  event: ProjectedEvent,
): EvaluationTenderRow | undefined {
  if (!changesEvaluationTender(event)) return row;
  const next = evolveRow(handlers, row, event, undefined);
  if (!next || event.streamKind !== 'tender' || !STAGE_ROUND_AND_PANEL.has(event.type)) return next;
  const before: TenderState = {
    ...initialTenderState(),
    stage: next.stage,
    buyerOrganisationId: next.buyerOrganisationId,
    evaluation: {
      ...initialEvaluationState(),
      round: next.round,
      appointed: next.appointed,
      panel: next.panel,
    },
  };
  const after = evolveTender(before, { type: event.type, data: event.data } as TenderEvent);
  return {
    ...next,
    stage: after.stage,
    round: after.evaluation.round,
    appointed: after.evaluation.appointed,
    panel: after.evaluation.panel,
  };
}
