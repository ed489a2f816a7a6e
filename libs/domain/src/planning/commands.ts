import type { Actor } from '../shared/actor';
import type {
  AppraisedOption,
  ConflictDeclaration,
  EngagementKind,
  EngagementMaterial,
  ProcurementPlan,
  ProcurementRoute,
} from '../tender/events/planning';
import type { PlanningRules } from '../tender/planning-rules';
import type { Money } from '../tender/terms';

interface CommandBase {
  actor: Actor;
  now: Date;
}

/** The commands of the procurement before its notice, on the tender stream (docs/planning.md). */
export type PlanningCommand =
  | (CommandBase & { type: 'OpenProcurement'; tenderId: string; plan: ProcurementPlan })
  | (CommandBase & {
      type: 'ReviseProcurementPlan';
      changes: {
        need?: string;
        estimatedValue?: Money;
        route?: ProcurementRoute;
        optionsAppraisal?: AppraisedOption[];
      };
      reason: string;
    })
  | (CommandBase & { type: 'ApproveStrategy'; reasons: string; rules: PlanningRules })
  | (CommandBase & { type: 'PublishEngagementNotice'; description: string; closesOn: string })
  | (CommandBase & {
      type: 'RecordSupplierEngagement';
      engagementId: string;
      kind: EngagementKind;
      date: string;
      supplierId: string;
      peoplePresent: string[];
      summary: string;
      materials: EngagementMaterial[];
    })
  | (CommandBase & { type: 'ShareEngagementMaterial'; materialId: string; how: string })
  | (CommandBase & {
      type: 'ReviseConflictsAssessment';
      persons: ConflictDeclaration[];
      reason: string;
    })
  | (CommandBase & {
      type: 'PublishTransparencyNotice';
      justification: string;
      value: Money;
      rules: PlanningRules;
    });

export type Command<Type extends PlanningCommand['type']> = Extract<
  PlanningCommand,
  { type: Type }
>;
