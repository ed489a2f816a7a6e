import { Command } from '@nestjs/cqrs';
import type { CriterionScore } from '@fairtender/domain';
import type { CommandContext } from '../runtime/command-context';
import type { LifecycleCommandResult } from '../runtime/lifecycle-command-result';

export interface ComplianceDecision {
  decision: 'passed' | 'excluded';
  reasonCode?: string;
  reasonText?: string;
  requirement?: string;
}

/** The officer's decision on one opened bid; the handler reads the bid's commitment and price itself. */
export class RecordComplianceCommand extends Command<LifecycleCommandResult> {
  constructor(
    readonly context: CommandContext,
    readonly tenderId: string,
    readonly supplierId: string,
    readonly compliance: ComplianceDecision,
  ) {
    super();
  }
}

/**
 * Commands on the tender stream that need nothing but the tender across its streams: the officer's,
 * and a panel member's acceptance (on the tender stream, so the award guard's revision covers it).
 */
export type OfficerEvaluationChange =
  | { type: 'AppointPanel'; evaluatorIds: string[] }
  | { type: 'AcceptPanelMembership' }
  | {
      type: 'ModerateScore';
      supplierId: string;
      criterionId: string;
      agreedScore: number;
      reason?: string;
    }
  | {
      type: 'ConfirmModeration';
      supplierId: string;
      criterionId: string;
      agreedScore: number;
      reason: string;
    };

export class ChangeEvaluationCommand extends Command<LifecycleCommandResult> {
  constructor(
    readonly context: CommandContext,
    readonly tenderId: string,
    readonly change: OfficerEvaluationChange,
  ) {
    super();
  }
}

/** An evaluator's declarations, scores and submission: decided on its own stream. */
export type EvaluatorChange =
  | { type: 'DeclareConflict'; supplierId: string; conflict: boolean; statement?: string }
  | { type: 'ScoreBid'; supplierId: string; scores: CriterionScore[] }
  | { type: 'SubmitEvaluation' };

export class EvaluatorCommand extends Command<LifecycleCommandResult> {
  constructor(
    readonly context: CommandContext,
    readonly tenderId: string,
    readonly change: EvaluatorChange,
  ) {
    super();
  }
}
