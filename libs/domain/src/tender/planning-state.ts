import type {
  ConflictDeclaration,
  EngagementKind,
  EngagementMaterial,
  ProcurementPlan,
  StrategyApproved,
  TransparencyNoticePublished,
} from './events/planning';

export interface EngagementRecord {
  engagementId: string;
  kind: EngagementKind;
  date: string;
  supplierId: string;
  peoplePresent: string[];
  summary: string;
  materials: EngagementMaterial[];
  recordedBy: string;
  recordedAt: string;
}

/** One revision of the conflicts assessment, as recorded or as a panel appointment extended it. */
export interface ConflictsAssessmentRevision {
  revision: number;
  persons: ConflictDeclaration[];
  reason: string;
  revisedBy: string;
  revisedAt: string;
  /** `panel-appointed`: derived from an appointment that added members (see evolvePlanningOnPanel). */
  cause: 'recorded' | 'panel-appointed';
}

/** The procurement before its notice (`state.planning`): absent on tenders drafted without one. */
export interface PlanningState {
  plan: ProcurementPlan;
  openedBy: string;
  openedAt: string;
  /** Everyone who has acted in the procurement so far, with the capacity they acted in (PA 2023 s.83). */
  actors: Record<string, 'author' | 'approver' | 'officer' | 'evaluator'>;
  approval?: StrategyApproved['data'];
  /** Every approval given, in order, kept when a change makes the last one lapse. */
  approvals: StrategyApproved['data'][];
  engagementNotice?: {
    description: string;
    closesOn: string;
    publishedBy: string;
    publishedAt: string;
  };
  engagements: EngagementRecord[];
  /** materialId → when and how it was shared with every supplier. */
  sharedMaterials: Record<string, { how: string; sharedAt: string; sharedBy: string }>;
  conflicts: ConflictsAssessmentRevision[];
  transparencyNotice?: TransparencyNoticePublished['data'];
}
