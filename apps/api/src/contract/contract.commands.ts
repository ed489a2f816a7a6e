import { Command, Query } from '@nestjs/cqrs';
import type {
  Actor,
  AuditPlan,
  ContractChange,
  ContractPeriod,
  Kpi,
  Money,
  OversightOutcome,
  PerformanceRating,
  TerminationReason,
} from '@fairtender/domain';
import type { CommandContext } from '../runtime/command-context';
import type { LifecycleCommandResult } from '../runtime/lifecycle-command-result';

/** The officers' and oversight's contract decisions; thresholds and rules come from configuration. */
export type ContractDecision =
  | {
      type: 'ConcludeContract';
      contractId: string;
      value?: Money;
      period?: ContractPeriod;
      maximumTermMonths?: number;
      kpis?: Kpi[];
      pilot?: boolean;
      auditPlan?: AuditPlan;
    }
  | { type: 'RequestContractChange'; change: ContractChange }
  | { type: 'ApproveContractChange'; changeId: string }
  | {
      type: 'RecordPerformanceAssessment';
      kpiId: string;
      dueDate: string;
      rating: PerformanceRating;
      evidence: string;
      supplierResponse?: string;
    }
  | {
      type: 'RecordOversightReview';
      checkpointId: string;
      outcome: OversightOutcome;
      findings: string;
      reportUrl: string;
    }
  | { type: 'TerminateContract'; reason: TerminationReason; details: string };

export class DecideContractCommand extends Command<LifecycleCommandResult> {
  constructor(
    readonly context: CommandContext,
    readonly tenderId: string,
    readonly decision: ContractDecision,
  ) {
    super();
  }
}

/** The contract view (term, value after every change, KPIs, assessments, audit plans, flags). */
export class GetContractQuery extends Query<unknown> {
  constructor(
    readonly tenderId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
