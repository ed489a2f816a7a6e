import type { DomainEvent } from '../../shared/domain-event';
import type { DirectAwardRouteGround } from '../direct-award-grounds';
import type { Jurisdiction, Money, Procedure } from '../terms';

/**
 * Events of the procurement before its notice (issue 14; docs/planning.md). They open the tender
 * stream `tender-<id>`, so the publication gates fold them with the notice (docs/decisions/0009).
 */

/** How the contract is to be awarded: a competitive procedure, or a direct award on a Schedule 5 ground. */
export type ProcurementRoute =
  | { kind: 'competitive'; procedure: Procedure }
  | { kind: 'direct-award'; ground: DirectAwardRouteGround; supplierId: string };

/** One supplier or solution the options appraisal considered, and why it was kept or dropped. */
export interface AppraisedOption {
  option: string;
  /** The supplier behind the option, where there is one. */
  supplierId?: string;
  decision: 'kept' | 'dropped';
  reason: string;
}

export interface ProcurementPlan {
  need: string;
  estimatedValue: Money;
  cpvCodes: string[];
  jurisdiction: Jurisdiction;
  route: ProcurementRoute;
  optionsAppraisal: AppraisedOption[];
  /** The earlier tender whose contract this procurement replaces (a re-tender). */
  replacesTenderId?: string;
  /** Who holds the contract being replaced. */
  incumbentSupplierId?: string;
}

/** The first event of a tender opened before its notice: stage `planning`. */
export type ProcurementOpened = DomainEvent<
  'ProcurementOpened',
  ProcurementPlan & {
    tenderId: string;
    buyerOrganisationId: string;
    openedBy: string;
    openedAt: string;
  }
>;

/** A change of the plan: the fields given replace the plan's; `reason` says why. */
export type ProcurementPlanRevised = DomainEvent<
  'ProcurementPlanRevised',
  Partial<Pick<ProcurementPlan, 'estimatedValue' | 'route' | 'optionsAppraisal' | 'need'>> & {
    reason: string;
    revisedBy: string;
    revisedAt: string;
  }
>;

/**
 * The strategy approved by an officer holding the approver permission, not its author. It approves
 * the route and the value it saw: a change of route or a higher value needs a new approval.
 */
export type StrategyApproved = DomainEvent<
  'StrategyApproved',
  {
    approvedBy: string;
    approvedAt: string;
    reasons: string;
    route: ProcurementRoute;
    estimatedValue: Money;
  }
>;

/** The UK2 preliminary market engagement notice (PA 2023 s.17(1)(a); Procurement Regulations 2024 reg. 17). */
export type EngagementNoticePublished = DomainEvent<
  'EngagementNoticePublished',
  {
    description: string;
    /** YYYY-MM-DD: when the engagement is intended to close. */
    closesOn: string;
    publishedBy: string;
    publishedAt: string;
  }
>;

export const ENGAGEMENT_KINDS = ['meeting', 'demonstration', 'pilot', 'written-question'] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

/** Something shown or given to a supplier during engagement; it must reach every supplier before the notice. */
export interface EngagementMaterial {
  materialId: string;
  title: string;
}

/** One contact with one supplier (PA 2023 s.16): the log the equal-treatment rules are checked on. */
export type SupplierEngagementRecorded = DomainEvent<
  'SupplierEngagementRecorded',
  {
    engagementId: string;
    kind: EngagementKind;
    /** YYYY-MM-DD */
    date: string;
    supplierId: string;
    peoplePresent: string[];
    summary: string;
    materials: EngagementMaterial[];
    recordedBy: string;
    recordedAt: string;
  }
>;

/** Material shown in engagement published to every supplier (PA 2023 s.16(3), s.12(2)). */
export type EngagementMaterialShared = DomainEvent<
  'EngagementMaterialShared',
  { materialId: string; how: string; sharedBy: string; sharedAt: string }
>;

export const CONFLICT_CAPACITIES = ['author', 'approver', 'officer', 'evaluator'] as const;
export type ConflictCapacity = (typeof CONFLICT_CAPACITIES)[number];

/** One person acting in the procurement and their declaration (PA 2023 s.81, s.83(3)). */
export interface ConflictDeclaration {
  userId: string;
  capacity: ConflictCapacity;
  /** null: an evaluator added by a panel appointment, whose declarations are per supplier (their own stream). */
  conflict: boolean | null;
  declaration: string;
  /** Required where a conflict is declared: the steps taken (s.82). */
  mitigation?: string;
}

/** A revision of the conflicts assessment (PA 2023 s.83): each revision is the whole assessment. */
export type ConflictsAssessmentRevised = DomainEvent<
  'ConflictsAssessmentRevised',
  {
    revision: number;
    persons: ConflictDeclaration[];
    reason: string;
    revisedBy: string;
    revisedAt: string;
  }
>;

/** The transparency notice published before a direct award (PA 2023 s.44(1); reg. 26). */
export type TransparencyNoticePublished = DomainEvent<
  'TransparencyNoticePublished',
  {
    ground: DirectAwardRouteGround;
    /** The Act's reference for the ground, as published. */
    groundReference: string;
    justification: string;
    supplierId: string;
    value: Money;
    publishedBy: string;
    publishedAt: string;
  }
>;

export type PlanningEvent =
  | ProcurementOpened
  | ProcurementPlanRevised
  | StrategyApproved
  | EngagementNoticePublished
  | SupplierEngagementRecorded
  | EngagementMaterialShared
  | ConflictsAssessmentRevised
  | TransparencyNoticePublished;

export const PLANNING_EVENT_TYPES = [
  'ProcurementOpened',
  'ProcurementPlanRevised',
  'StrategyApproved',
  'EngagementNoticePublished',
  'SupplierEngagementRecorded',
  'EngagementMaterialShared',
  'ConflictsAssessmentRevised',
  'TransparencyNoticePublished',
] as const satisfies readonly PlanningEvent['type'][];
