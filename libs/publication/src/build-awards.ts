import type { OcdsAward, OcdsContract, OcdsDocument, OcdsValue } from './ocds-types';
import type { AwardFacts, ContractFacts, PublicationState } from './publication-state';

export const awardId = (round: number) => `award-${round}`;

const value = (money: { amount: number; currency: string }): OcdsValue => ({
  amount: money.amount,
  currency: money.currency,
});

function describeAward(state: PublicationState, award: AwardFacts): string {
  const parts = [`Award to ${award.supplierId} (evaluation round ${award.round}).`];
  if (award.departures.includes('direct-award') && state.directAward) {
    parts.push(`Direct award: ${state.directAward.ground}. ${state.directAward.justification}`);
  }
  if (award.departures.includes('winner-not-top-ranked')) {
    parts.push(
      `The winning bid is not the top-ranked one${award.departureJustification ? `: ${award.departureJustification}` : '.'}`,
    );
  }
  if (award.departures.includes('all-but-winner-excluded')) {
    parts.push("Every bid but the winner's was excluded; a second officer confirmed the award.");
  }
  if (award.departures.includes('moderation-outside-panel-range')) {
    parts.push(
      "Agreed scores outside the range of the evaluators' own scores counted, each confirmed by a second officer.",
    );
  }
  if (award.departures.includes('moderation-changed-ranking')) {
    parts.push("Moderation changed which bid ranks first on the evaluators' own scores.");
  }
  if (award.standstill) {
    parts.push(
      `Standstill from ${award.standstill.startsAt}; the contract may be entered into from ${award.standstill.endsAt} (${award.standstill.basis}).`,
    );
  }
  if (award.suspendedAt) {
    parts.push(`Suspended on ${award.suspendedAt}: a challenge was lodged during the standstill.`);
  }
  if (award.suspensionLiftedAt) parts.push(`Suspension lifted on ${award.suspensionLiftedAt}.`);
  if (award.standstillEndedAt) parts.push(`Standstill ended on ${award.standstillEndedAt}.`);
  if (award.cancellation) {
    parts.push(`Cancelled on ${award.cancellation.at}: ${award.cancellation.reason}`);
  }
  return parts.join(' ');
}

function awardDocuments(state: PublicationState, award: AwardFacts): OcdsDocument[] {
  const documents: OcdsDocument[] = [];
  if (award.standstill) {
    documents.push({
      id: `standstill-${award.round}`,
      documentType: 'awardNotice',
      title: 'Contract award notice and standstill period',
      description: `Standstill from ${award.standstill.startsAt} to ${award.standstill.endsAt}: ${award.standstill.basis}`,
      datePublished: award.standstill.startsAt,
    });
  }
  for (const challenge of state.challenges.filter((c) => c.round === award.round)) {
    const outcome = challenge.outcome
      ? ` Outcome on ${challenge.resolvedAt}: ${challenge.outcome}${challenge.remedy ? ` (${challenge.remedy})` : ''}.`
      : ' Not yet resolved.';
    documents.push({
      id: `challenge-${challenge.challengeId}`,
      documentType: 'complaints',
      title: 'Challenge to the award',
      description: `Lodged on ${challenge.lodgedAt} by a bidder, on the grounds: ${challenge.grounds.join(', ')}.${outcome}`,
      datePublished: challenge.resolvedAt ?? challenge.lodgedAt,
    });
  }
  return documents;
}

export function awardsSection(state: PublicationState): OcdsAward[] {
  return state.awards.map((award) => {
    const documents = awardDocuments(state, award);
    return {
      id: awardId(award.round),
      title: 'Contract award',
      description: describeAward(state, award),
      status: award.status,
      date: award.proposedAt,
      ...(award.value ? { value: value(award.value) } : {}),
      suppliers: [{ id: award.supplierId }],
      relatedBid: `bid-${award.supplierId}`,
      ...(documents.length > 0 ? { documents } : {}),
    };
  });
}

/** Contract dates are calendar days: the period runs from the start of the first to the end of the last. */
export function contractsSection(state: PublicationState, contract: ContractFacts): OcdsContract[] {
  const amendments = contract.changes.map((change) => {
    const flags = change.redFlags.map((flag) => flag.message);
    return {
      id: `change-${change.changeNumber}`,
      date: change.publishedAt,
      rationale: change.justification,
      description:
        `Contract change notice ${change.changeNumber} (${change.kind}): ${change.description} ` +
        `Added value ${change.addedValue.amount} ${change.addedValue.currency}; added ${change.addedMonths} months.` +
        (flags.length > 0 ? ` Red flags: ${flags.join('; ')}` : ''),
      ...(change.amendsReleaseKey ? { amendsReleaseID: change.amendsReleaseKey } : {}),
      releaseID: change.releaseKey,
    };
  });
  return [
    {
      id: contract.contractId,
      awardID: awardId(contract.round),
      title: `Contract: ${state.terms?.title ?? state.planning?.need ?? state.tenderId}`,
      status: 'active',
      period: {
        startDate: `${contract.period.startDate}T00:00:00.000Z`,
        endDate: `${contract.period.endDate}T23:59:59.999Z`,
      },
      value: value(contract.value),
      dateSigned: contract.concludedAt,
      ...(amendments.length > 0 ? { amendments } : {}),
    },
  ];
}
