import type { Actor } from '../shared/actor';
import { DomainError } from '../shared/domain-error';
import type { ErrorCode } from '../shared/error-codes';
import type { ProcurementRoute } from './events/planning';
import type { PlanningState } from './planning-state';
import type { TenderState } from './state';
import type { Money, Procedure } from './terms';

/**
 * Configuration of the planning rules (libs/config): above `strategyApprovalThreshold` (in the
 * procurement's currency) the strategy needs approval; `strategyApprovers` hold the approver permission.
 */
export interface PlanningRules {
  strategyApprovalThreshold: number;
  strategyApprovers: readonly string[];
}

export const DEFAULT_PLANNING_RULES: PlanningRules = Object.freeze({
  strategyApprovalThreshold: 500_000,
  strategyApprovers: Object.freeze([]) as readonly string[],
});

export const sameRoute = (a: ProcurementRoute, b: ProcurementRoute): boolean =>
  a.kind === 'competitive'
    ? b.kind === 'competitive' && a.procedure === b.procedure
    : b.kind === 'direct-award' && a.ground === b.ground && a.supplierId === b.supplierId;

/** The value the approval must cover: the plan's, or the notice's where that is higher. */
export function consideredValue(planning: PlanningState, noticeValue?: Money): number {
  return Math.max(planning.plan.estimatedValue.amount, noticeValue?.amount ?? 0);
}

/**
 * The approval stands while it covers the route and the value as they are now: a change of route,
 * or a value above the one approved, lapses it (issue 14; docs/planning.md#strategy-approval).
 */
export function standingApproval(planning: PlanningState, noticeValue?: Money) {
  const { approval } = planning;
  if (!approval) return undefined;
  if (!sameRoute(approval.route, planning.plan.route)) return undefined;
  if (approval.estimatedValue.amount < consideredValue(planning, noticeValue)) return undefined;
  return approval;
}

export interface PlanningViolation {
  code: ErrorCode;
  message: string;
  details: Record<string, unknown>;
}

/**
 * The gates a notice passes when the tender was opened as a procurement (docs/planning.md): strategy
 * approval above the threshold, engagement material shared with every supplier (tender notice only:
 * PA 2023 s.16(3), equal treatment s.12(2)), and a conflicts assessment covering every person acting,
 * the publishing officer included (PA 2023 s.83(1): before a tender or transparency notice).
 */
export function planningViolations(
  planning: PlanningState,
  rules: PlanningRules,
  notice: 'tender-notice' | 'transparency-notice',
  publisher: Actor,
  noticeValue?: Money,
): PlanningViolation[] {
  const violations: PlanningViolation[] = [];
  const value = consideredValue(planning, noticeValue);
  if (value > rules.strategyApprovalThreshold && !standingApproval(planning, noticeValue)) {
    violations.push({
      code: 'STRATEGY_NOT_APPROVED',
      message: `The estimated value ${value} is above the approval threshold ${rules.strategyApprovalThreshold}: the strategy must be approved, for this route and value, by an approver other than its author`,
      details: {
        estimatedValue: value,
        threshold: rules.strategyApprovalThreshold,
        lapsedApproval: planning.approval ?? null,
      },
    });
  }
  if (notice === 'tender-notice') {
    const unshared = planning.engagements.flatMap((engagement) =>
      engagement.materials
        .filter((material) => !Object.hasOwn(planning.sharedMaterials, material.materialId))
        .map((material) => ({
          materialId: material.materialId,
          title: material.title,
          shownTo: engagement.supplierId,
          engagementId: engagement.engagementId,
        })),
    );
    if (unshared.length > 0) {
      violations.push({
        code: 'ENGAGEMENT_MATERIAL_NOT_SHARED',
        message: `Material shown in engagement must be shared with every supplier before the tender notice: ${unshared.map((m) => m.materialId).join(', ')}`,
        details: { materials: unshared },
      });
    }
  }
  const assessment = planning.conflicts.at(-1);
  const covered = new Set(assessment?.persons.map((person) => person.userId) ?? []);
  const acting = [...new Set([...Object.keys(planning.actors), publisher.userId])].sort();
  const missing = acting.filter((userId) => !covered.has(userId));
  if (!assessment || missing.length > 0) {
    violations.push({
      code: 'CONFLICTS_ASSESSMENT_MISSING',
      message: assessment
        ? `The conflicts assessment does not cover ${missing.join(', ')}, acting in this procurement`
        : 'A conflicts assessment must be prepared before the notice is published',
      details: { missing, revision: assessment?.revision ?? null },
    });
  }
  return violations;
}

/** Throws the first violation, listing them all in `details.violations`. */
export function requirePlanningGates(
  state: TenderState,
  rules: PlanningRules,
  notice: 'tender-notice' | 'transparency-notice',
  publisher: Actor,
  noticeValue?: Money,
): void {
  if (!state.planning) return;
  const violations = planningViolations(state.planning, rules, notice, publisher, noticeValue);
  if (violations.length === 0) return;
  const [first] = violations;
  throw new DomainError(first.code, first.message, {
    ...first.details,
    violations: violations.map(({ code, message }) => ({ code, message })),
  });
}

/** What the tender notice says of preliminary market engagement (PA 2023 s.17; docs/planning.md). */
export function engagementStatement(planning: PlanningState) {
  const suppliers = [...new Set(planning.engagements.map((e) => e.supplierId))].sort();
  return {
    tookPlace: planning.engagements.length > 0 || planning.engagementNotice !== undefined,
    engagementNoticePublishedAt: planning.engagementNotice?.publishedAt ?? null,
    suppliersEngaged: suppliers.length,
  };
}

/** A notice on a procurement follows its planned route and procedure (a tender without one: any). */
export function requirePlannedProcedure(state: TenderState, procedure: Procedure): void {
  const route = state.planning?.plan.route;
  if (!route) return;
  if (route.kind !== 'competitive' || route.procedure !== procedure) {
    throw new DomainError(
      'PROCUREMENT_ROUTE_MISMATCH',
      route.kind === 'competitive'
        ? `The procurement was planned as a ${route.procedure} procedure, not ${procedure}: revise the plan first`
        : 'The procurement was planned as a direct award: a tender notice does not apply',
      { route, procedure },
    );
  }
}
