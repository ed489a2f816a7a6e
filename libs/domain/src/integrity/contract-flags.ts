import type { TenderView } from '../tender/tender-view';
import { awardOf, redFlag } from './flag-support';
import type { IncumbentExtension, RecordedChangeFlags, RedFlag } from './report';

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
