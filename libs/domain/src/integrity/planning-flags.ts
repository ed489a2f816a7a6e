import { standingBids } from '../tender/bids-under-evaluation';
import { standingApproval } from '../tender/planning-rules';
import type { TenderView } from '../tender/tender-view';
import { awardOf, compareText, redFlag } from './flag-support';
import type { PlanningIntegrity, RecordedDirectAward, RedFlag } from './report';

/** The suppliers engaged, each with its contacts, in supplier order. */
function engagedSuppliers(view: TenderView) {
  const engagements = view.tender.planning?.engagements ?? [];
  const bySupplier = new Map<string, typeof engagements>();
  for (const engagement of engagements) {
    bySupplier.set(engagement.supplierId, [
      ...(bySupplier.get(engagement.supplierId) ?? []),
      engagement,
    ]);
  }
  return [...bySupplier.entries()].sort(([a], [b]) => compareText(a, b));
}

/** The planning section of the report (issue 14; docs/planning.md). */
export function planningSection(view: TenderView): PlanningIntegrity {
  const { planning } = view.tender;
  if (!planning) return { recorded: false };
  const latest = planning.conflicts.at(-1);
  return {
    recorded: true,
    route: planning.plan.route,
    estimatedValue: planning.plan.estimatedValue,
    optionsAppraisal: planning.plan.optionsAppraisal,
    incumbentSupplierId: planning.plan.incumbentSupplierId ?? null,
    replacesTenderId: planning.plan.replacesTenderId ?? null,
    approvals: planning.approvals.map(({ approvedBy, approvedAt, reasons }) => ({
      approvedBy,
      approvedAt,
      reasons,
    })),
    approvalStands:
      standingApproval(planning, view.tender.notice.terms?.estimatedValue) !== undefined,
    engagementNoticePublishedAt: planning.engagementNotice?.publishedAt ?? null,
    engagedSuppliers: engagedSuppliers(view).map(([supplierId, contacts]) => ({
      supplierId,
      contacts: contacts.length,
      kinds: [...new Set(contacts.map((c) => c.kind))].sort(),
      materials: contacts.flatMap((c) => c.materials.map((m) => m.materialId)),
    })),
    unsharedMaterials: planning.engagements
      .flatMap((e) => e.materials.map((m) => m.materialId))
      .filter((id) => !Object.hasOwn(planning.sharedMaterials, id)),
    conflictsAssessmentRevisions: planning.conflicts.length,
    // Evaluators' per-supplier declarations (their own streams) feed the assessment (PA 2023 s.83).
    conflictsAssessment: (latest?.persons ?? []).map((person) => {
      const sheet = Object.hasOwn(view.sheets, person.userId)
        ? view.sheets[person.userId]
        : undefined;
      const declarations = Object.entries(sheet?.declarations ?? {}).sort(([a], [b]) =>
        compareText(a, b),
      );
      return {
        userId: person.userId,
        capacity: person.capacity,
        conflict: person.conflict,
        declaration: person.declaration,
        ...(person.capacity === 'evaluator'
          ? {
              supplierDeclarations: declarations.map(([supplierId, d]) => ({
                supplierId,
                conflict: d.conflict,
              })),
            }
          : {}),
      };
    }),
    transparencyNoticePublishedAt: planning.transparencyNotice?.publishedAt ?? null,
  };
}

/**
 * FT-SINGLE-SUPPLIER-ENGAGEMENT: the procurement engaged with one supplier only before its notice —
 * the real case "seriously considered only one supplier". Raised with the last contact.
 */
export function singleSupplierEngagement(view: TenderView): RedFlag[] {
  const suppliers = engagedSuppliers(view);
  if (suppliers.length !== 1) return [];
  const [[supplierId, contacts]] = suppliers;
  const kept = (view.tender.planning?.plan.optionsAppraisal ?? []).filter(
    (o) => o.decision === 'kept',
  );
  return [
    redFlag(
      'FT-SINGLE-SUPPLIER-ENGAGEMENT',
      {
        supplierId,
        contacts: contacts.map(({ engagementId, kind, date, summary }) => ({
          engagementId,
          kind,
          date,
          summary,
        })),
        optionsKept: kept.map((o) => ({ option: o.option, supplierId: o.supplierId ?? null })),
        engagementNoticePublished: Boolean(view.tender.planning?.engagementNotice),
      },
      contacts.at(-1)!.recordedAt,
      { supplierId },
    ),
  ];
}

/**
 * FT-INCUMBENT-IN-COMPETITION: a bidder that ran a pilot in preliminary market engagement, or holds
 * the contract this procurement replaces, so the report shows the asymmetry of what it knew. Raised
 * when the bids are opened (before, who bid is sealed).
 */
export function incumbentInCompetition(view: TenderView): RedFlag[] {
  const { planning } = view.tender;
  const { openedAt } = view.tender.opening;
  if (!planning || !openedAt) return [];
  const award = awardOf(view);
  return standingBids(view)
    .sort(compareText)
    .flatMap((supplierId) => {
      const pilots = planning.engagements.filter(
        (e) => e.supplierId === supplierId && e.kind === 'pilot',
      );
      const incumbent = planning.plan.incumbentSupplierId === supplierId;
      if (pilots.length === 0 && !incumbent) return [];
      return [
        redFlag(
          'FT-INCUMBENT-IN-COMPETITION',
          {
            supplierId,
            ranPilot: pilots.length > 0,
            pilots: pilots.map(({ engagementId, date, summary, materials }) => ({
              engagementId,
              date,
              summary,
              materials: materials.map((m) => m.materialId),
            })),
            holdsReplacedContract: incumbent,
            replacesTenderId: planning.plan.replacesTenderId ?? null,
            otherBidders: standingBids(view)
              .filter((id) => id !== supplierId)
              .sort(compareText),
            won: award?.supplierId === supplierId,
          },
          openedAt,
          { key: `FT-INCUMBENT-IN-COMPETITION/${supplierId}`, supplierId },
        ),
      ];
    });
}

/** 12 months back from an instant, on the calendar (UTC). */
function twelveMonthsBefore(iso: string): string {
  const date = new Date(iso);
  date.setUTCFullYear(date.getUTCFullYear() - 1);
  return date.toISOString();
}

/**
 * FT-REPEATED-DIRECT-AWARD: this tender's direct award goes to a supplier the same buyer directly
 * awarded another contract within the 12 months before. Other tenders' facts: the caller finds them.
 */
export function repeatedDirectAward(
  view: TenderView,
  directAwards: readonly RecordedDirectAward[],
): RedFlag[] {
  const award = awardOf(view);
  if (!award || !award.departures.includes('direct-award')) return [];
  const since = twelveMonthsBefore(award.proposedAt);
  const earlier = directAwards
    .filter(
      (d) =>
        d.supplierId === award.supplierId &&
        d.tenderId !== view.tender.tenderId &&
        d.awardedAt >= since &&
        d.awardedAt <= award.proposedAt,
    )
    .sort((a, b) => compareText(a.awardedAt, b.awardedAt) || compareText(a.tenderId, b.tenderId));
  if (earlier.length === 0) return [];
  return [
    redFlag(
      'FT-REPEATED-DIRECT-AWARD',
      {
        supplierId: award.supplierId,
        buyerOrganisationId: view.tender.buyerOrganisationId ?? null,
        awardedAt: award.proposedAt,
        ground: award.directAward?.ground ?? null,
        earlierDirectAwards: earlier.map((d) => ({ ...d })),
        withinMonths: 12,
      },
      award.proposedAt,
      { supplierId: award.supplierId },
    ),
  ];
}
