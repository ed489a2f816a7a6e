import type { TenderView } from '../tender/tender-view';
import { awardOf, redFlag } from './flag-support';
import type { IncumbentExtension, ProcurementFact, RecordedChangeFlags, RedFlag } from './report';

/** FT-CONTRACT-CHANGE: each threshold an approved change crossed, as its approval recorded it (rule 8). */
export function contractChangeFlags(
  view: TenderView,
  changes: readonly RecordedChangeFlags[],
): RedFlag[] {
  const { contract } = view.tender;
  if (!contract) return [];
  const flags: RedFlag[] = [];
  for (const { changeId, approvedAt, approvedBy, redFlags } of changes) {
    const change = Object.hasOwn(contract.changes, changeId)
      ? contract.changes[changeId]
      : undefined;
    for (const { code, message, threshold, actual } of redFlags) {
      flags.push(
        redFlag(
          'FT-CONTRACT-CHANGE',
          {
            contractId: contract.contractId,
            changeId,
            changeNumber: change?.changeNumber ?? null,
            kind: change?.kind ?? null,
            description: change?.description ?? null,
            justification: change?.justification ?? null,
            addedValue: change?.addedValue ?? null,
            addedMonths: change?.addedMonths ?? null,
            requestedBy: change?.requestedBy ?? null,
            approvedBy,
            threshold: { code, message, threshold, actual },
          },
          approvedAt,
          { key: `FT-CONTRACT-CHANGE/${changeId}/${code}`, supplierId: contract.supplierId },
        ),
      );
    }
  }
  return flags;
}

/**
 * FT-INCUMBENT-EXTENDED-THEN-WON: the winner held a contract with the same buyer that an approved
 * extension had lengthened before this award. Other tenders' facts: the caller finds them.
 */
export function incumbentExtendedThenWon(
  view: TenderView,
  extensions: readonly IncumbentExtension[],
): RedFlag[] {
  const award = awardOf(view);
  if (!award || extensions.length === 0) return [];
  const earlier = extensions.filter((e) => e.approvedAt <= award.proposedAt);
  if (earlier.length === 0) return [];
  return [
    redFlag(
      'FT-INCUMBENT-EXTENDED-THEN-WON',
      {
        supplierId: award.supplierId,
        buyerOrganisationId: view.tender.buyerOrganisationId ?? null,
        awardProposedAt: award.proposedAt,
        extensions: earlier.map((e) => ({ ...e })),
      },
      award.proposedAt,
      { supplierId: award.supplierId },
    ),
  ];
}

/** FT-PERFORMANCE-OVERDUE: each KPI assessment the scheduler recorded overdue (s.71). */
export function performanceOverdue(view: TenderView): RedFlag[] {
  const { contract } = view.tender;
  if (!contract) return [];
  return Object.entries(contract.overdue).map(([key, recordedAt]) => {
    const [kpiId, dueDate] = key.split('/');
    const kpi = contract.kpis.find((k) => k.kpiId === kpiId);
    const assessment = Object.hasOwn(contract.assessments, key)
      ? contract.assessments[key]
      : undefined;
    return redFlag(
      'FT-PERFORMANCE-OVERDUE',
      {
        contractId: contract.contractId,
        kpiId,
        kpiName: kpi?.name ?? null,
        frequencyMonths: kpi?.frequencyMonths ?? null,
        dueDate,
        recordedOverdueAt: recordedAt,
        assessedLateAt: assessment?.assessedAt ?? null,
      },
      recordedAt,
      { key: `FT-PERFORMANCE-OVERDUE/${key}`, supplierId: contract.supplierId },
    );
  });
}

/** FT-AUDIT-CHECKPOINT: a checkpoint of an audit plan missed, or reviewed as failed. */
export function auditCheckpointFlags(view: TenderView): RedFlag[] {
  const { contract } = view.tender;
  if (!contract) return [];
  const flags: RedFlag[] = [];
  for (const checkpoint of Object.values(contract.checkpoints)) {
    const failed = checkpoint.review?.outcome === 'failed';
    if (!failed && !checkpoint.missedAt) continue;
    const plan = contract.auditPlans.find((p) => p.source === checkpoint.source);
    flags.push(
      redFlag(
        'FT-AUDIT-CHECKPOINT',
        {
          contractId: contract.contractId,
          checkpointId: checkpoint.checkpointId,
          description: checkpoint.description,
          dueDate: checkpoint.dueDate,
          outcome: failed ? 'failed' : 'missed',
          oversightBodyId: checkpoint.oversightBodyId,
          plan: checkpoint.source,
          publicationUrl: plan?.publicationUrl ?? null,
          ...(checkpoint.review
            ? {
                findings: checkpoint.review.findings,
                reportUrl: checkpoint.review.reportUrl,
                reviewedBy: checkpoint.review.reviewedBy,
              }
            : {}),
        },
        failed ? checkpoint.review!.reviewedAt : checkpoint.missedAt!,
        { key: `FT-AUDIT-CHECKPOINT/${checkpoint.checkpointId}`, supplierId: contract.supplierId },
      ),
    );
  }
  return flags;
}

/**
 * Whether `other` is a procurement for the same need as the contracted tender: the same buyer, a
 * CPV code in common, another tender; or a procurement of the buyer that names this tender as the
 * one whose contract it replaces, whatever its codes. The one place the match is decided.
 */
export function isProcurementForSameNeed(
  tender: { tenderId: string; buyerOrganisationId: string; cpvCodes: readonly string[] },
  other: ProcurementFact,
): boolean {
  if (other.tenderId === tender.tenderId) return false;
  if (other.buyerOrganisationId !== tender.buyerOrganisationId) return false;
  if (other.replacesTenderId === tender.tenderId) return true;
  const codes = new Set(tender.cpvCodes);
  return other.cpvCodes.some((code) => codes.has(code));
}

const openAt = (procurement: ProcurementFact, at: string) =>
  procurement.openedAt <= at && (procurement.endedAt === undefined || procurement.endedAt > at);

/**
 * FT-EXTENSION-DURING-RETENDER: an extension approved while a procurement for the same need was open
 * (the case behind Fairtender: the incumbent's pilot extended while the competition to replace it
 * was re-run). Evidence names both tenders.
 */
export function extensionDuringRetender(
  view: TenderView,
  changes: readonly RecordedChangeFlags[],
  procurements: readonly ProcurementFact[],
): RedFlag[] {
  const { contract, tenderId, buyerOrganisationId } = view.tender;
  const { terms } = view.tender.notice;
  if (!contract || !tenderId || !buyerOrganisationId || !terms) return [];
  const self = { tenderId, buyerOrganisationId, cpvCodes: terms.cpvCodes };
  const flags: RedFlag[] = [];
  for (const { changeId, approvedAt } of changes) {
    const change = Object.hasOwn(contract.changes, changeId)
      ? contract.changes[changeId]
      : undefined;
    if (!change || !(change.kind === 'extension' || change.addedMonths > 0)) continue;
    for (const other of procurements) {
      if (!isProcurementForSameNeed(self, other) || !openAt(other, approvedAt)) continue;
      const shared = other.cpvCodes.filter((code) => terms.cpvCodes.includes(code));
      flags.push(
        redFlag(
          'FT-EXTENSION-DURING-RETENDER',
          {
            tenderId,
            contractId: contract.contractId,
            changeId,
            addedMonths: change.addedMonths,
            approvedAt,
            openTenderId: other.tenderId,
            openSince: other.openedAt,
            sharedCpvCodes: shared,
          },
          approvedAt,
          {
            key: `FT-EXTENSION-DURING-RETENDER/${changeId}/${other.tenderId}`,
            supplierId: contract.supplierId,
          },
        ),
      );
    }
  }
  return flags;
}
