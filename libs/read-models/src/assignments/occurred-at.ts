import type { KnownEventType } from '@fairtender/domain';
import type { DataOf, ProjectedEvent } from '../runner/projected-event';

type TimeOf = { [T in KnownEventType]?: (data: DataOf<T>) => string };

/** When each event the assignments fold says it happened, on the clock the rest of the record uses. */
const TIME_OF: TimeOf = {
  TenderDrafted: (data) => data.draftedAt,
  DraftRevised: (data) => data.revisedAt,
  TenderPublished: (data) => data.publishedAt,
  NoticeAmended: (data) => data.amendedAt,
  TenderingClosed: (data) => data.closedAt,
  BidsOpened: (data) => data.openedAt,
  TenderCancelled: (data) => data.cancelledAt,
  BidComplianceRecorded: (data) => data.recordedAt,
  EvaluationPanelAppointed: (data) => data.appointedAt,
  PanelMembershipAccepted: (data) => data.acceptedAt,
  EvaluationReopened: (data) => data.reopenedAt,
  AwardProposed: (data) => data.confirmedAt ?? data.proposedAt,
  TenderDeclaredUnsuccessful: (data) => data.declaredAt,
  ContractConcluded: (data) => data.concludedAt,
  ConflictOfInterestDeclared: (data) => data.declaredAt,
  BidScored: (data) => data.scoredAt,
  EvaluationSubmitted: (data) => data.submittedAt,
};

export function occurredAt(event: ProjectedEvent): string {
  const time = TIME_OF[event.type as KnownEventType] as ((data: unknown) => string) | undefined;
  if (!time) throw new Error(`${event.type} is not an event the assignments fold`);
  return time(event.data);
}
