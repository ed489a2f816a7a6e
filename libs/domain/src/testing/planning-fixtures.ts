/** Fixtures for the planning specs: the police-force case before its notice (issue 14). */
import type { Actor } from '../shared/actor';
import type { TenderEvent } from '../tender/tender-events';
import type {
  ConflictDeclaration,
  ProcurementOpened,
  ProcurementPlan,
  ProcurementRoute,
} from '../tender/events/planning';
import type { PlanningCommand } from '../planning/commands';
import type { PlanningRules } from '../tender/planning-rules';
import { officer, secondOfficer, TENDER_ID } from './notice-fixtures';

export const OPENED_AT = '2025-02-01T09:00:00.000Z';
export const PLANNING_NOW = new Date('2025-02-20T09:00:00.000Z');
export const PILOT_SUPPLIER = 'org-acme';
export const OTHER_SUPPLIER = 'org-beta';
/** A third officer: publishes the notice, so the assessment must name them too. */
export const thirdOfficer: Actor = { ...officer, userId: 'u-carol' };
export const RULES: PlanningRules = {
  strategyApprovalThreshold: 500_000,
  strategyApprovers: [secondOfficer.userId],
};

export const competitive: ProcurementRoute = { kind: 'competitive', procedure: 'open' };
export const directRoute: ProcurementRoute = {
  kind: 'direct-award',
  ground: 'extreme-urgency',
  supplierId: PILOT_SUPPLIER,
};

export function plan(overrides: Partial<ProcurementPlan> = {}): ProcurementPlan {
  return {
    need: 'Body-worn video cameras and evidence management for every frontline officer',
    estimatedValue: { amount: 50_000_000, currency: 'GBP' },
    cpvCodes: ['35125300-2'],
    jurisdiction: 'uk-pa-2023',
    route: competitive,
    optionsAppraisal: [
      {
        option: 'Extend the current pilot with Acme',
        supplierId: PILOT_SUPPLIER,
        decision: 'kept',
        reason: 'The pilot showed the cameras meet the evidential standard in daily patrol use',
      },
      {
        option: 'Beta cloud evidence platform',
        supplierId: OTHER_SUPPLIER,
        decision: 'kept',
        reason: 'Meets the storage requirement and integrates with the existing case system',
      },
      {
        option: 'Build an in-house evidence store',
        decision: 'dropped',
        reason: 'No internal team could run and secure the storage at the volumes required',
      },
    ],
    incumbentSupplierId: PILOT_SUPPLIER,
    ...overrides,
  };
}

export const opened = (p: ProcurementPlan = plan()): ProcurementOpened => ({
  type: 'ProcurementOpened',
  data: {
    tenderId: TENDER_ID,
    buyerOrganisationId: officer.organisationId,
    ...p,
    openedBy: officer.userId,
    openedAt: OPENED_AT,
  },
});

export const approved = (p: ProcurementPlan = plan()): TenderEvent => ({
  type: 'StrategyApproved',
  data: {
    approvedBy: secondOfficer.userId,
    approvedAt: '2025-02-05T09:00:00.000Z',
    reasons: 'The options appraisal weighed the market fairly and open competition fits the need',
    route: p.route,
    estimatedValue: p.estimatedValue,
  },
});

export const engagedWith = (
  supplierId: string,
  engagementId: string,
  kind: 'pilot' | 'meeting' = 'meeting',
  materials: { materialId: string; title: string }[] = [],
): TenderEvent => ({
  type: 'SupplierEngagementRecorded',
  data: {
    engagementId,
    kind,
    date: '2025-02-10',
    supplierId,
    peoplePresent: ['u-alice', `${supplierId}-sales`],
    summary: 'Walked through the requirement and the supplier described its evidence storage',
    materials,
    recordedBy: officer.userId,
    recordedAt: '2025-02-10T17:00:00.000Z',
  },
});

export const shared = (materialId: string): TenderEvent => ({
  type: 'EngagementMaterialShared',
  data: {
    materialId,
    how: 'Published with the engagement notice to every interested supplier',
    sharedBy: officer.userId,
    sharedAt: '2025-02-12T09:00:00.000Z',
  },
});

export const declaration = (
  userId: string,
  capacity: ConflictDeclaration['capacity'],
): ConflictDeclaration => ({
  userId,
  capacity,
  conflict: false,
  declaration: 'No financial or personal interest in any supplier',
});

export const assessed = (persons: ConflictDeclaration[], revision = 1): TenderEvent => ({
  type: 'ConflictsAssessmentRevised',
  data: {
    revision,
    persons,
    reason: 'Assessment before the notice covering everyone who has acted so far',
    revisedBy: officer.userId,
    revisedAt: '2025-02-15T09:00:00.000Z',
  },
});

/** Everyone acting in the lawful history below, the publishing officer included. */
export const everyoneAssessed = () =>
  assessed([
    declaration(officer.userId, 'author'),
    declaration(secondOfficer.userId, 'approver'),
    declaration(thirdOfficer.userId, 'officer'),
  ]);

/** A planning command by the author at PLANNING_NOW unless given; loosely typed, for bad input too. */
export const planningCommand = (
  command: { type: PlanningCommand['type'] } & Record<string, unknown>,
): PlanningCommand =>
  ({ actor: officer, now: PLANNING_NOW, ...command }) as unknown as PlanningCommand;
