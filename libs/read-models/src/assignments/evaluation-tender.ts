import {
  evolveTender,
  initialEvaluationState,
  initialTenderState,
  qualityCriteria,
  type NoticeTerms,
  type TenderEvent,
  type TenderState,
} from '@fairtender/domain';
import type { DataOf, ProjectedEvent } from '../runner/projected-event';
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

/** What the domain's fold does not give back: the notice's title and criteria, bids, compliance. */
const OWN_FOLD = new Set<string>([
  'TenderDrafted',
  'DraftRevised',
  'TenderPublished',
  'NoticeAmended',
  'BidsOpened',
  'BidComplianceRecorded',
  'BidSubmitted',
  'BidRevised',
  'BidWithdrawn',
]);

/** The events that change a tender's evaluation facts (its evaluators' own streams aside). */
export const changesEvaluationTender = (event: ProjectedEvent) =>
  (event.streamKind === 'tender' && STAGE_ROUND_AND_PANEL.has(event.type)) ||
  ((event.streamKind === 'tender' || event.streamKind === 'bid') && OWN_FOLD.has(event.type));

export function newEvaluationTender(
  tenderId: string,
  data: DataOf<'TenderDrafted'>,
): EvaluationTenderRow {
  return {
    tenderId,
    buyerOrganisationId: data.buyerOrganisationId,
    title: null,
    stage: 'none',
    round: 1,
    qualityCriteria: [],
    bids: {},
    opened: null,
    compliance: {},
    appointed: [],
    panel: [],
  };
}

/** A copy the batch may fold into in place (a tender of 1,000 bids is not copied per event). */
export const copyEvaluationTender = (row: EvaluationTenderRow): EvaluationTenderRow => ({
  ...row,
  bids: { ...row.bids },
  compliance: { ...row.compliance },
});

/** Folds one event of `changesEvaluationTender` into a row the batch owns. */
export function foldEvaluationTender(row: EvaluationTenderRow, event: ProjectedEvent): void {
  foldOwn(row, event);
  if (event.streamKind === 'tender' && STAGE_ROUND_AND_PANEL.has(event.type))
    foldByDomain(row, event);
}

function withTerms(row: EvaluationTenderRow, terms: NoticeTerms): void {
  row.title = terms.title;
  row.qualityCriteria = qualityCriteria(terms.awardCriteria).map((criterion) => criterion.id);
}

function foldOwn(row: EvaluationTenderRow, event: ProjectedEvent): void {
  const data = event.data;
  switch (event.type) {
    case 'TenderDrafted':
    case 'DraftRevised':
    case 'TenderPublished':
      return withTerms(row, (data as DataOf<'TenderPublished'>).terms);
    case 'NoticeAmended': {
      const { title } = (data as DataOf<'NoticeAmended'>).changes;
      if (title !== undefined) row.title = title;
      return;
    }
    case 'BidsOpened':
      row.opened = (data as DataOf<'BidsOpened'>).bidStreams.map((head) => head.supplierId);
      return;
    case 'BidComplianceRecorded': {
      const { supplierId, decision } = data as DataOf<'BidComplianceRecorded'>;
      row.compliance[supplierId] = decision;
      return;
    }
    case 'BidSubmitted':
    case 'BidRevised':
      row.bids[(data as DataOf<'BidSubmitted'>).supplierId] = 'submitted';
      return;
    case 'BidWithdrawn':
      row.bids[(data as DataOf<'BidWithdrawn'>).supplierId] = 'withdrawn';
      return;
  }
}

function foldByDomain(row: EvaluationTenderRow, event: ProjectedEvent): void {
  const before: TenderState = {
    ...initialTenderState(),
    stage: row.stage,
    buyerOrganisationId: row.buyerOrganisationId,
    evaluation: {
      ...initialEvaluationState(),
      round: row.round,
      appointed: row.appointed,
      panel: row.panel,
    },
  };
  const after = evolveTender(before, { type: event.type, data: event.data } as TenderEvent);
  row.stage = after.stage;
  row.round = after.evaluation.round;
  row.appointed = after.evaluation.appointed;
  row.panel = after.evaluation.panel;
}
