import type { Money } from '../tender/terms';
import type { Actor } from '../shared/actor';

interface CommandBase {
  actor: Actor;
  now: Date;
}

export interface CriterionScore {
  criterionId: string;
  score: number;
  justification: string;
}

export type EvaluationCommand =
  /** `opened`: the bid's commitment and price, read by the server from the opened content. */
  | (CommandBase & {
      type: 'RecordCompliance';
      supplierId: string;
      decision: 'passed' | 'excluded';
      reasonCode?: string;
      reasonText?: string;
      /** Required to exclude: an award criterion id of the notice or a named requirement of the code. */
      requirement?: string;
      opened: { contentHash: string; price: Money };
    })
  | (CommandBase & { type: 'AppointPanel'; evaluatorIds: string[] })
  | (CommandBase & { type: 'AcceptPanelMembership' })
  | (CommandBase & {
      type: 'DeclareConflict';
      supplierId: string;
      conflict: boolean;
      statement?: string;
    })
  | (CommandBase & { type: 'ScoreBid'; supplierId: string; scores: CriterionScore[] })
  | (CommandBase & { type: 'SubmitEvaluation' })
  | (CommandBase & {
      type: 'ModerateScore';
      supplierId: string;
      criterionId: string;
      agreedScore: number;
      reason?: string;
    })
  /** A second officer confirms a requested agreed score outside the panel's range, naming it. */
  | (CommandBase & {
      type: 'ConfirmModeration';
      supplierId: string;
      criterionId: string;
      agreedScore: number;
      reason: string;
    });

/** Commands decided on an evaluator's own stream; the others append to the tender stream. */
export const EVALUATOR_COMMANDS = ['DeclareConflict', 'ScoreBid', 'SubmitEvaluation'] as const;
