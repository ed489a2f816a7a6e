import { panelMembership } from '@fairtender/domain';
import type { SqlQueryable } from '@fairtender/event-store';
import type { DataOf, ProjectedEvent } from '../runner/projected-event';
import { keyOf } from '../runner/row-table';
import { RowSet, unique } from '../runner/working-set';
import { changesSheet, copySeat, foldSheet, withWorkload } from './assignment-work';
import {
  ASSIGNMENTS,
  EVALUATION_TENDERS,
  type AssignmentRow,
  type EvaluationTenderRow,
  type SeatFacts,
} from './assignments.table';
import {
  changesEvaluationTender,
  copyEvaluationTender,
  foldEvaluationTender,
  newEvaluationTender,
} from './evaluation-tender';
import { occurredAt } from './occurred-at';

const PANEL_EVENTS = new Set(['EvaluationPanelAppointed', 'PanelMembershipAccepted']);

/**
 * The assignments' share of a batch. Facts are folded event by event, into copies the batch owns;
 * each seat an event concerns is noted with the event's time, and its counts computed once, when the
 * batch settles. Which seats an event concerns depends on the event alone, so a rebuild in other
 * batches gives the same rows.
 */
export class AssignmentRows {
  readonly tenders = new RowSet<EvaluationTenderRow>(EVALUATION_TENDERS);
  readonly assignments = new RowSet<AssignmentRow>(ASSIGNMENTS);
  /** tenderId → the evaluators with a seat row. */
  private readonly seats = new Map<string, Set<string>>();
  /** The rows copied for this batch, which it folds into in place: tender ids, seat keys. */
  private readonly ownedTenders = new Set<string>();
  private readonly ownedSeats = new Set<string>();
  /** Seat key → when the latest event concerning the seat happened. */
  private readonly touched = new Map<
    string,
    { tenderId: string; evaluatorId: string; at: string }
  >();

  async load(tx: SqlQueryable, events: readonly ProjectedEvent[]): Promise<void> {
    const tenderIds = unique(events.filter(folds).map((event) => event.tenderId));
    if (tenderIds.length === 0) return;
    await this.tenders.load(tx, 'tender_id = ANY($1::text[])', [tenderIds]);
    await this.assignments.load(tx, 'tender_id = ANY($1::text[])', [tenderIds]);
    for (const row of this.assignments.filter(() => true)) this.seat(row.tenderId, row.evaluatorId);
  }

  apply(event: ProjectedEvent): void {
    if (changesSheet(event)) this.applySheet(event);
    else if (changesEvaluationTender(event)) this.applyTender(event);
  }

  settle(): void {
    for (const { tenderId, evaluatorId, at } of this.touched.values()) {
      const tender = this.tenders.get(tenderId)!;
      this.assignments.put(withWorkload(this.assignments.get(tenderId, evaluatorId)!, tender, at));
    }
    this.touched.clear();
    this.ownedTenders.clear();
    this.ownedSeats.clear();
  }

  async flush(tx: SqlQueryable): Promise<number> {
    return (await this.tenders.flush(tx)) + (await this.assignments.flush(tx));
  }

  /** An evaluator acting on a tender whose panel never named it has no seat: nothing to show. */
  private applySheet(event: ProjectedEvent): void {
    const { evaluatorId } = event.data as { evaluatorId: string };
    const seat = this.ownSeat(event.tenderId, evaluatorId);
    if (!seat) return;
    foldSheet(seat, event);
    this.touch(event.tenderId, evaluatorId, occurredAt(event));
  }

  private applyTender(event: ProjectedEvent): void {
    const tender = this.ownTender(event);
    if (!tender) return;
    const was = { appointed: tender.appointed, panel: tender.panel };
    foldEvaluationTender(tender, event);
    if (event.streamKind !== 'tender') return;
    const at = occurredAt(event);
    if (!PANEL_EVENTS.has(event.type)) {
      for (const evaluatorId of this.seats.get(event.tenderId) ?? [])
        this.touch(event.tenderId, evaluatorId, at);
      return;
    }
    // A panel event concerns the seats whose membership it changes, and creates those it names anew.
    for (const evaluatorId of unique([...was.appointed, ...tender.appointed])) {
      const before = panelMembership(evaluatorId, was);
      if (before === panelMembership(evaluatorId, tender)) continue;
      const seat = this.ownSeat(event.tenderId, evaluatorId);
      // Named again after being left off: the seat dates from this appointment.
      if (seat && before === 'removed') seat.appointedAt = at;
      if (!seat) {
        this.assignments.put(withWorkload(emptySeat(event.tenderId, evaluatorId, at), tender, at));
        this.seat(event.tenderId, evaluatorId);
      }
      this.touch(event.tenderId, evaluatorId, at);
    }
  }

  /** The tender's row to fold into: copied once per batch, created by its draft. */
  private ownTender(event: ProjectedEvent): EvaluationTenderRow | undefined {
    const row = this.tenders.get(event.tenderId);
    if (row && this.ownedTenders.has(event.tenderId)) return row;
    const own = row
      ? copyEvaluationTender(row)
      : event.type === 'TenderDrafted' && event.streamKind === 'tender'
        ? newEvaluationTender(event.tenderId, event.data as DataOf<'TenderDrafted'>)
        : undefined;
    if (!own) return undefined;
    this.tenders.put(own);
    this.ownedTenders.add(event.tenderId);
    return own;
  }

  private ownSeat(tenderId: string, evaluatorId: string): AssignmentRow | undefined {
    const key = keyOf([tenderId, evaluatorId]);
    const row = this.assignments.get(tenderId, evaluatorId);
    if (!row || this.ownedSeats.has(key)) return row;
    const own = copySeat(row);
    this.assignments.put(own);
    this.ownedSeats.add(key);
    return own;
  }

  private seat(tenderId: string, evaluatorId: string): void {
    const seats = this.seats.get(tenderId) ?? new Set<string>();
    seats.add(evaluatorId);
    this.seats.set(tenderId, seats);
  }

  private touch(tenderId: string, evaluatorId: string, at: string): void {
    this.touched.set(keyOf([tenderId, evaluatorId]), { tenderId, evaluatorId, at });
  }
}

const folds = (event: ProjectedEvent) => changesSheet(event) || changesEvaluationTender(event);

const emptySeat = (tenderId: string, evaluatorId: string, appointedAt: string): SeatFacts => ({
  tenderId,
  evaluatorId,
  declarations: {},
  scored: {},
  submittedRound: null,
  submittedAt: null,
  appointedAt,
});
