import { awardsSection, contractsSection } from './build-awards';
import {
  awardCriteriaCode,
  awardCriteriaDetails,
  CPV_SCHEME,
  mainProcurementCategory,
  PROCUREMENT_METHOD,
  procurementMethodDetails,
} from './codes';
import type {
  OcdsBidStatistic,
  OcdsBids,
  OcdsDocument,
  OcdsParty,
  OcdsPlanning,
  OcdsTender,
  ReleaseBody,
  ReleaseTag,
} from './ocds-types';
import type { PlanningFacts, PublicationState } from './publication-state';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from one ISO time to another. */
const daysBetween = (start: string, end: string) =>
  Math.floor((Date.parse(end) - Date.parse(start)) / DAY_MS);

const BID_STATUS = { submitted: 'pending', withdrawn: 'withdrawn' } as const;
const COMPLIANCE_STATUS = { passed: 'valid', excluded: 'disqualified' } as const;

/** The bid identifier in `bids.details`: one bid per supplier and tender. */
export const bidId = (supplierId: string) => `bid-${supplierId}`;

/**
 * The release for the state as it now is: everything public at this moment, and nothing else. Only
 * what the state's public fields hold goes in; `sealed` is read only through `openedBids`, which
 * exists once two officers have opened the bids.
 */
export function buildRelease(state: PublicationState, tag: ReleaseTag): ReleaseBody {
  const last = state.lastRelease!;
  const standing = (state.openedBids ?? []).filter((bid) => bid.status === 'submitted');
  const suppliers = new Set([
    ...state.awards.filter((a) => a.status !== 'cancelled').map((a) => a.supplierId),
    ...(state.contract ? [state.contract.supplierId] : []),
  ]);
  const tenderers = new Set(standing.map((bid) => bid.supplierId));
  const parties: OcdsParty[] = [
    { id: state.buyerId, roles: ['buyer', 'procuringEntity'] },
    ...standing.map((bid) => ({
      id: bid.supplierId,
      roles: suppliers.has(bid.supplierId) ? ['tenderer', 'supplier'] : ['tenderer'],
    })),
    // A direct award may go to a supplier that did not bid.
    ...[...suppliers]
      .filter((id) => !tenderers.has(id))
      .sort()
      .map((id) => ({ id, roles: ['supplier'] })),
  ];
  return {
    id: last.key,
    date: last.date,
    tag: [tag],
    initiationType: 'tender',
    language: 'en',
    parties,
    buyer: { id: state.buyerId },
    ...(state.planning ? { planning: planningSection(state.planning) } : {}),
    tender: state.terms ? tenderSection(state) : plannedTenderSection(state),
    ...(state.openedBids ? { bids: bidsSection(state) } : {}),
    ...(state.awards.length > 0 ? { awards: awardsSection(state) } : {}),
    ...(state.contract ? { contracts: contractsSection(state, state.contract) } : {}),
  };
}

function tenderSection(state: PublicationState): OcdsTender {
  const terms = state.terms!;
  const publishedAt = state.publishedAt!;
  const [first, ...others] = terms.cpvCodes;
  const category = mainProcurementCategory(terms.cpvCodes);
  const standing = (state.openedBids ?? []).filter((bid) => bid.status === 'submitted');
  const documents = tenderDocuments(state);
  // The latest award decision, even if later cancelled: a snapshot never drops what the compiled release keeps.
  const decided = state.awards.at(-1);
  const reduced = reducedPeriodRationale(state);
  return {
    id: state.tenderId,
    title: terms.title,
    description: terms.description,
    status: state.status,
    procuringEntity: { id: state.buyerId },
    items: [
      {
        id: '1',
        description: terms.title,
        classification: { scheme: CPV_SCHEME, id: first },
        // Always present, so an amendment that drops a code also drops it from the compiled release.
        additionalClassifications: others.map((id) => ({ scheme: CPV_SCHEME, id })),
      },
    ],
    value: { amount: terms.estimatedValue.amount, currency: terms.estimatedValue.currency },
    ...(state.directAward
      ? {
          procurementMethod: 'direct' as const,
          procurementMethodDetails: `Direct award after a ${procurementMethodDetails(terms)}`,
          procurementMethodRationale: [
            `${state.directAward.ground}. ${state.directAward.justification}`,
            ...(reduced ? [reduced] : []),
          ].join('\n'),
        }
      : {
          procurementMethod: PROCUREMENT_METHOD[terms.procedure],
          procurementMethodDetails: procurementMethodDetails(terms),
          ...(reduced ? { procurementMethodRationale: reduced } : {}),
        }),
    ...(category ? { mainProcurementCategory: category } : {}),
    awardCriteria: awardCriteriaCode(terms.awardCriteria),
    awardCriteriaDetails: awardCriteriaDetails(terms),
    submissionMethod:
      terms.electronicSubmission === false
        ? ['electronicSubmission', 'written']
        : ['electronicSubmission'],
    submissionMethodDetails:
      'Sealed electronic bids: encrypted on receipt, with a signed receipt, and opened only by two officers after the deadline.',
    tenderPeriod: {
      startDate: publishedAt,
      endDate: terms.submissionDeadline,
      durationInDays: daysBetween(publishedAt, terms.submissionDeadline),
    },
    enquiryPeriod: { startDate: publishedAt, endDate: terms.clarificationDeadline },
    ...(state.clarifications.length > 0 ? { hasEnquiries: true } : {}),
    ...(state.openedAt
      ? {
          awardPeriod: {
            startDate: state.openedAt,
            ...(decided ? { endDate: decided.proposedAt } : {}),
          },
          numberOfTenderers: standing.length,
          tenderers: standing.map((bid) => ({ id: bid.supplierId })),
        }
      : {}),
    ...(documents.length > 0 ? { documents } : {}),
    ...(state.amendments.length > 0 ? { amendments: state.amendments } : {}),
  };
}

/**
 * The planning section (issue 14): the need as rationale, the estimated value as budget, and the
 * planning notices as documents — the UK2 engagement notice and each material shared with every
 * supplier (PA 2023 ss.16–17). Documents are OCDS's own field: no extension is needed.
 */
function planningSection(planning: PlanningFacts): OcdsPlanning {
  const documents: OcdsDocument[] = [];
  if (planning.engagementNotice) {
    const { description, closesOn, publishedAt } = planning.engagementNotice;
    documents.push({
      id: 'preliminary-market-engagement-notice',
      documentType: 'marketStudies',
      title: 'Preliminary market engagement notice (UK2, Procurement Act 2023 s.17)',
      description: `${description}\nEngagement closes on ${closesOn}.`,
      datePublished: publishedAt,
    });
  }
  for (const material of planning.shared) {
    documents.push({
      id: `engagement-material-${material.materialId}`,
      documentType: 'marketStudies',
      title: `Engagement material shared with every supplier: ${material.title}`,
      description: material.how,
      datePublished: material.sharedAt,
    });
  }
  return {
    rationale: planning.need,
    budget: {
      description: 'Estimated value of the procurement',
      amount: { amount: planning.budget.amount, currency: planning.budget.currency },
    },
    ...(documents.length > 0 ? { documents } : {}),
  };
}

/**
 * The tender section before (or without) a tender notice: `status: planning` until an award; a
 * procurement planned as a direct award names the method and its ground from the transparency
 * notice (PA 2023 s.41, s.44).
 */
function plannedTenderSection(state: PublicationState): OcdsTender {
  const planning = state.planning!;
  const [first, ...others] = planning.cpvCodes;
  const category = mainProcurementCategory(planning.cpvCodes);
  const notice = planning.transparencyNotice;
  const status =
    state.status !== 'active' || state.awards.length > 0 || state.contract
      ? state.status
      : 'planning';
  const documents: OcdsDocument[] = notice
    ? [
        {
          id: 'transparency-notice',
          documentType: 'tenderNotice',
          title: 'Transparency notice: intention to award directly (Procurement Act 2023 s.44)',
          description: `${notice.groundReference}. ${notice.justification} Supplier: ${notice.supplierId}.`,
          datePublished: notice.publishedAt,
        },
      ]
    : [];
  return {
    id: state.tenderId,
    title: planning.need,
    description: planning.need,
    status,
    procuringEntity: { id: state.buyerId },
    items: [
      {
        id: '1',
        description: planning.need,
        classification: { scheme: CPV_SCHEME, id: first },
        additionalClassifications: others.map((id) => ({ scheme: CPV_SCHEME, id })),
      },
    ],
    value: { amount: planning.budget.amount, currency: planning.budget.currency },
    ...(planning.route.kind === 'direct-award'
      ? {
          procurementMethod: 'direct' as const,
          procurementMethodDetails: 'Direct award (Procurement Act 2023 s.41 and Schedule 5)',
          ...(notice
            ? { procurementMethodRationale: `${notice.groundReference}. ${notice.justification}` }
            : {}),
        }
      : {}),
    ...(category ? { mainProcurementCategory: category } : {}),
    ...(documents.length > 0 ? { documents } : {}),
  } as OcdsTender;
}

/** Answered clarifications (question and answer, never the asker) and the termination notice. */
function tenderDocuments(state: PublicationState): OcdsDocument[] {
  const documents: OcdsDocument[] = state.clarifications.map((c, index) => ({
    id: `clarification-${c.questionId}`,
    documentType: 'clarifications',
    title: `Clarification ${index + 1}`,
    description: `Question (asked ${c.askedAt}): ${c.question}\nAnswer: ${c.answer}`,
    datePublished: c.answeredAt,
  }));
  if (state.unsuccessful) {
    const { reason, compliantBids, minimumBids, declaredAt } = state.unsuccessful;
    documents.push({
      id: 'unsuccessful',
      documentType: 'evaluationReports',
      title: 'Tender declared unsuccessful',
      description: `${reason} (${compliantBids} compliant bids; the notice required ${minimumBids}).`,
      datePublished: declaredAt,
    });
  }
  if (state.cancellation) {
    documents.push({
      id: 'termination-notice',
      documentType: 'cancellationDetails',
      title: 'Termination notice',
      description: state.cancellation.reason,
      datePublished: state.cancellation.cancelledAt,
    });
  }
  return documents;
}

function bidsSection(state: PublicationState): OcdsBids {
  const opened = state.openedBids!;
  const openedAt = state.openedAt!;
  const standing = opened.filter((bid) => bid.status === 'submitted').length;
  const statistics: OcdsBidStatistic[] = [
    { id: 'bids', measure: 'bids', value: standing, date: openedAt },
    { id: 'bidders', measure: 'bidders', value: standing, date: openedAt },
    { id: 'electronicBids', measure: 'electronicBids', value: standing, date: openedAt },
  ];
  const decisions = Object.values(state.compliance);
  if (decisions.length > 0) {
    const date = decisions
      .map((d) => d.recordedAt)
      .sort()
      .at(-1)!;
    const valid = decisions.filter((d) => d.decision === 'passed');
    const excluded = decisions.length - valid.length;
    statistics.push(
      { id: 'validBids', measure: 'validBids', value: valid.length, date },
      { id: 'qualifiedBidders', measure: 'qualifiedBidders', value: valid.length, date },
      { id: 'disqualifiedBidders', measure: 'disqualifiedBidders', value: excluded, date },
    );
    const currencies = new Set(valid.map((d) => d.price.currency));
    if (valid.length > 0 && currencies.size === 1) {
      const amounts = valid.map((d) => d.price.amount);
      const currency = [...currencies][0];
      statistics.push(
        {
          id: 'lowestValidBidValue',
          measure: 'lowestValidBidValue',
          value: Math.min(...amounts),
          date,
          currency,
        },
        {
          id: 'highestValidBidValue',
          measure: 'highestValidBidValue',
          value: Math.max(...amounts),
          date,
          currency,
        },
      );
    }
  }
  return {
    statistics,
    details: opened.map((bid) => {
      const compliance = state.compliance[bid.supplierId];
      return {
        id: bidId(bid.supplierId),
        date: bid.receivedAt,
        status:
          compliance && bid.status === 'submitted'
            ? COMPLIANCE_STATUS[compliance.decision]
            : BID_STATUS[bid.status],
        tenderers: [{ id: bid.supplierId }],
        ...(compliance
          ? { value: { amount: compliance.price.amount, currency: compliance.price.currency } }
          : {}),
      };
    }),
  };
}

/**
 * A tendering period below the normal statutory minimum is published with its ground: OCDS has no
 * field of its own for it, and the rationale for the procedure as run is where a reader looks.
 */
function reducedPeriodRationale(state: PublicationState): string | undefined {
  const reduced = state.tenderingPeriod?.reduced;
  if (!reduced) return undefined;
  const { floorDays, givenDays, source } = state.tenderingPeriod!;
  const prior = reduced.priorNoticePublishedAt
    ? ` (earlier notice published ${reduced.priorNoticePublishedAt})`
    : '';
  return (
    `Reduced tendering period of ${givenDays} days on the ground ${reduced.ground}${prior}: ` +
    `${source} allows ${floorDays} days instead of ${reduced.normalFloorDays} (${reduced.normalSource}). ` +
    reduced.justification
  );
}
