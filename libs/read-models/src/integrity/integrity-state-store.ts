import type { SqlQueryable } from '@fairtender/event-store';
import {
  emptySheet,
  flattenTender,
  unflattenTender,
  type EvaluatorSheet,
  type FlatTenderState,
  type TenderState,
} from '@fairtender/domain';
import type { IntegrityState, IntegrityView } from './integrity.table';
import { onConflictUpdate } from '../runner/row-table';

const SCORE_KEY = ['tender_id', 'evaluator_id', 'supplier_id', 'criterion_id'];

interface StoredState {
  state: string;
  position: string;
}

interface ScoreRecord {
  tender_id: string;
  evaluator_id: string;
  supplier_id: string;
  criterion_id: string;
  score: number;
  justification: string;
  scored_at: string;
}

/**
 * Where the integrity states live between batches: `rm_integrity_states`, except their scores, one
 * row each in `rm_integrity_scores`, so that a batch writes the scores it changed, not a 10,000-score
 * tender's megabytes of justifications again. Read as text (the same on `pg` and PGlite) and parsed
 * only when an event of the batch needs the state.
 */
export class IntegrityStateStore {
  private readonly stored = new Map<string, StoredState>();
  private readonly scores = new Map<string, ScoreRecord[]>();
  private readonly states = new Map<string, { state: IntegrityState; position: string }>();
  private readonly changed = new Set<string>();
  /** `[tenderId, evaluatorId, supplierId, criterionId]` of the scores this batch changed. */
  private readonly changedScores = new Map<string, [string, string, string, string]>();

  async load(tx: SqlQueryable, tenderIds: readonly string[]): Promise<void> {
    const states = await tx.query<{
      tender_id: string;
      state: string;
      position: string;
      evaluated: boolean;
    }>(
      `SELECT tender_id, state::text AS state, position,
              state -> 'view' -> 'sheets' <> '{}'::jsonb AS evaluated
         FROM rm_integrity_states WHERE tender_id = ANY($1::text[])`,
      [tenderIds],
    );
    for (const row of states) this.stored.set(row.tender_id, row);
    // Only tenders with evaluators' sheets have scores: most batches need not ask.
    const evaluated = states.filter((row) => row.evaluated).map((row) => row.tender_id);
    if (evaluated.length === 0) return;
    const scores = await tx.query<ScoreRecord>(
      `SELECT tender_id, evaluator_id, supplier_id, criterion_id, score, justification, scored_at
         FROM rm_integrity_scores WHERE tender_id = ANY($1::text[])`,
      [evaluated],
    );
    for (const row of scores) {
      const list = this.scores.get(row.tender_id) ?? [];
      list.push(row);
      this.scores.set(row.tender_id, list);
    }
  }

  get(tenderId: string): { state: IntegrityState; position: string } | undefined {
    let entry = this.states.get(tenderId);
    if (entry) return entry;
    const stored = this.stored.get(tenderId);
    if (!stored) return undefined;
    const state = fromStored(JSON.parse(stored.state) as StoredIntegrityState);
    for (const row of this.scores.get(tenderId) ?? []) {
      const sheets = state.view.sheets;
      const sheet: EvaluatorSheet = Object.hasOwn(sheets, row.evaluator_id)
        ? sheets[row.evaluator_id]
        : (sheets[row.evaluator_id] = emptySheet(row.evaluator_id));
      const bid = Object.hasOwn(sheet.scores, row.supplier_id)
        ? sheet.scores[row.supplier_id]
        : (sheet.scores[row.supplier_id] = {});
      bid[row.criterion_id] = {
        score: Number(row.score),
        justification: row.justification,
        scoredAt: row.scored_at,
      };
    }
    entry = { state, position: stored.position };
    this.states.set(tenderId, entry);
    return entry;
  }

  set(tenderId: string, state: IntegrityState, position: string): void {
    this.states.set(tenderId, { state, position });
    this.changed.add(tenderId);
  }

  scoreChanged(tenderId: string, evaluatorId: string, supplierId: string, criterionId: string) {
    const key = JSON.stringify([tenderId, evaluatorId, supplierId, criterionId]);
    this.changedScores.set(key, [tenderId, evaluatorId, supplierId, criterionId]);
  }

  /** Writes the changed states (without their scores) and the changed scores. */
  async flush(tx: SqlQueryable): Promise<number> {
    const states = [...this.changed].map((tenderId) => {
      const { state, position } = this.states.get(tenderId)!;
      return [tenderId, JSON.stringify(toStored(withoutScores(state))), position];
    });
    if (states.length > 0) {
      await tx.query(
        `INSERT INTO rm_integrity_states (tender_id, state, position)
         SELECT t, s::jsonb, p FROM unnest($1::text[], $2::text[], $3::text[]) AS u(t, s, p)
         ${onConflictUpdate('rm_integrity_states', ['tender_id'], ['tender_id', 'state', 'position'])}`,
        [0, 1, 2].map((i) => states.map((row) => row[i])),
      );
    }
    const scores = [...this.changedScores.values()].map(
      ([tender, evaluator, supplier, criterion]) => {
        const score =
          this.states.get(tender)!.state.view.sheets[evaluator].scores[supplier][criterion];
        return [
          tender,
          evaluator,
          supplier,
          criterion,
          score.score,
          score.justification,
          score.scoredAt,
        ];
      },
    );
    if (scores.length > 0) {
      await tx.query(
        `INSERT INTO rm_integrity_scores
           (tender_id, evaluator_id, supplier_id, criterion_id, score, justification, scored_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::text[], $7::text[])
         ${onConflictUpdate('rm_integrity_scores', SCORE_KEY, [...SCORE_KEY, 'score', 'justification', 'scored_at'])}`,
        [0, 1, 2, 3, 4, 5, 6].map((i) => scores.map((row) => row[i])),
      );
    }
    return states.length + scores.length;
  }
}

/** The state as stored in its own table: every sheet's scores are rows of their own. */
function withoutScores(state: IntegrityState): IntegrityState {
  const sheets: Record<string, EvaluatorSheet> = {};
  for (const [id, sheet] of Object.entries(state.view.sheets))
    sheets[id] = { ...sheet, scores: {} };
  return { ...state, view: { ...state.view, sheets } };
}

/**
 * The integrity state as stored: its tender in the flat shape rows have always had
 * (`flattenTender`), so no stored row needs rewriting because the fold's state has slices.
 */
type StoredIntegrityState = Omit<IntegrityState, 'view'> & {
  view: Omit<IntegrityView, 'tender'> & { tender: FlatTenderState };
};

const toStored = (state: IntegrityState): StoredIntegrityState => ({
  ...state,
  view: { ...state.view, tender: flattenTender(state.view.tender as TenderState) },
});

const fromStored = (stored: StoredIntegrityState): IntegrityState => ({
  ...stored,
  view: { ...stored.view, tender: unflattenTender(stored.view.tender) as IntegrityView['tender'] },
});
