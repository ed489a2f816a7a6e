import { DomainError } from '../shared/domain-error';
import type { AuditPlan, Kpi } from '../tender/events/contract';
import { isCalendarDate } from './calendar-dates';
import { MAX_KPI_FREQUENCY_MONTHS } from './thresholds';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';

function isHttpsUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/** The KPIs as given, checked (s.52: name, measure, target; s.71(2): assessed at least every 12 months). */
export function validateKpis(kpis: readonly Kpi[]): Kpi[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  kpis.forEach((kpi, index) => {
    const at = `kpis[${index}]`;
    if (!kpi || typeof kpi.kpiId !== 'string' || !ID.test(kpi.kpiId))
      problems.push(`${at}.kpiId is 1 to 64 of A-Z a-z 0-9 _ -`);
    else if (ids.has(kpi.kpiId)) problems.push(`${at}.kpiId ${kpi.kpiId} is used twice`);
    else ids.add(kpi.kpiId);
    if (!isText(kpi?.name)) problems.push(`${at}.name is required`);
    if (!isText(kpi?.measure)) problems.push(`${at}.measure is required`);
    if (!isText(kpi?.target)) problems.push(`${at}.target is required`);
    if (
      !Number.isInteger(kpi?.frequencyMonths) ||
      kpi.frequencyMonths < 1 ||
      kpi.frequencyMonths > MAX_KPI_FREQUENCY_MONTHS
    ) {
      problems.push(`${at}.frequencyMonths is a whole number of months from 1 to 12 (s.71(2))`);
    }
  });
  if (problems.length > 0) {
    throw new DomainError('INVALID_CONTRACT', `Invalid KPIs: ${problems.join('; ')}`, {
      field: 'kpis',
      problems,
    });
  }
  return kpis.map(({ kpiId, name, measure, target, frequencyMonths }) => ({
    kpiId,
    name: name.trim(),
    measure: measure.trim(),
    target: target.trim(),
    frequencyMonths,
  }));
}

/**
 * An audit plan as issue 15 asks for it: KPIs of the contract or dated checkpoints, the oversight
 * body that reviews them and where its reports are published; refused as AUDIT_PLAN_REQUIRED when
 * absent or incomplete. `why` says what needs it (a pilot, an extension). `takenIds`: checkpoint ids
 * of the contract's other plans.
 */
export function requireAuditPlan(
  plan: AuditPlan | undefined,
  kpis: readonly Kpi[],
  why: string,
  takenIds: ReadonlySet<string> = new Set(),
): AuditPlan {
  if (!plan) {
    throw new DomainError('AUDIT_PLAN_REQUIRED', `${why} needs an audit plan`, {
      problems: ['auditPlan is missing'],
    });
  }
  const problems: string[] = [];
  if (!isText(plan.oversightBodyId)) problems.push('oversightBodyId names the oversight body');
  if (!isHttpsUrl(plan.publicationUrl))
    problems.push('publicationUrl is the https address where the reports are published');
  const checkpoints = Array.isArray(plan.checkpoints) ? plan.checkpoints : [];
  const kpiIds = Array.isArray(plan.kpiIds) ? plan.kpiIds : [];
  if (checkpoints.length === 0 && kpiIds.length === 0)
    problems.push('the plan reviews KPIs or dated checkpoints');
  const known = new Set(kpis.map((kpi) => kpi.kpiId));
  for (const kpiId of kpiIds) {
    if (!known.has(kpiId)) problems.push(`kpiIds: ${String(kpiId)} is not a KPI of the contract`);
  }
  const ids = new Set(takenIds);
  checkpoints.forEach((checkpoint, index) => {
    const at = `checkpoints[${index}]`;
    if (
      !checkpoint ||
      typeof checkpoint.checkpointId !== 'string' ||
      !ID.test(checkpoint.checkpointId)
    )
      problems.push(`${at}.checkpointId is 1 to 64 of A-Z a-z 0-9 _ -`);
    else if (ids.has(checkpoint.checkpointId))
      problems.push(`${at}.checkpointId ${checkpoint.checkpointId} is already used`);
    else ids.add(checkpoint.checkpointId);
    if (!isCalendarDate(checkpoint?.dueDate)) problems.push(`${at}.dueDate is a date YYYY-MM-DD`);
    if (!isText(checkpoint?.description)) problems.push(`${at}.description is required`);
  });
  if (problems.length > 0) {
    throw new DomainError(
      'AUDIT_PLAN_REQUIRED',
      `${why} needs a complete audit plan: ${problems.join('; ')}`,
      { problems },
    );
  }
  return {
    oversightBodyId: plan.oversightBodyId.trim(),
    publicationUrl: plan.publicationUrl,
    checkpoints: checkpoints.map(({ checkpointId, dueDate, description }) => ({
      checkpointId,
      dueDate,
      description: description.trim(),
    })),
    kpiIds: [...kpiIds],
  };
}
