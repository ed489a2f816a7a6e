import type { Money } from '../tender/terms';
import type { Actor, CommandActor } from '../shared/actor';
import type { StandstillRules } from '../shared/calendar/working-day-rules';
import type {
  AuditPlan,
  ContractChange,
  ContractPeriod,
  Kpi,
  OversightOutcome,
  PerformanceRating,
  TerminationReason,
} from '../tender/events/contract';
import type { ChangeThresholds, ContractRules } from './thresholds';

interface CommandBase {
  actor: Actor;
  now: Date;
}

/** A command the scheduler issues on a deadline (the system actor). */
interface SystemCommandBase {
  actor: CommandActor;
  now: Date;
}

export type ContractCommand =
  | (CommandBase & {
      type: 'ConcludeContract';
      contractId: string;
      /** The awarded price when absent; when given, it must be the awarded price. */
      value?: Money;
      /** The notice's contract term when absent (required when the notice has none). */
      period?: ContractPeriod;
      /** The notice's, or the period's length, when absent. */
      maximumTermMonths?: number;
      kpis?: Kpi[];
      pilot?: boolean;
      auditPlan?: AuditPlan;
      /** From configuration; the defaults when absent. */
      rules?: ContractRules;
    })
  | (CommandBase & { type: 'RequestContractChange'; change: ContractChange })
  /** `thresholds` come from configuration; the flags they raise are recorded with the approval. */
  | (CommandBase & {
      type: 'ApproveContractChange';
      changeId: string;
      thresholds: ChangeThresholds;
      /** The working-day calendar of the voluntary standstill (s.76); the defaults when absent. */
      standstillRules?: StandstillRules;
    })
  /** The scheduler: a change's voluntary standstill has ended. */
  | (SystemCommandBase & { type: 'BringChangeIntoEffect'; changeId: string })
  | (CommandBase & {
      type: 'RecordPerformanceAssessment';
      kpiId: string;
      dueDate: string;
      rating: PerformanceRating;
      evidence: string;
      supplierResponse?: string;
    })
  /** The scheduler: a KPI's assessment is past its due date and grace. */
  | (SystemCommandBase & {
      type: 'MarkAssessmentOverdue';
      kpiId: string;
      dueDate: string;
      rules?: ContractRules;
    })
  | (CommandBase & {
      type: 'RecordOversightReview';
      checkpointId: string;
      outcome: OversightOutcome;
      findings: string;
      reportUrl: string;
    })
  /** The scheduler: a checkpoint's day ended without a review. */
  | (SystemCommandBase & { type: 'MarkCheckpointMissed'; checkpointId: string })
  | (CommandBase & { type: 'TerminateContract'; reason: TerminationReason; details: string });
