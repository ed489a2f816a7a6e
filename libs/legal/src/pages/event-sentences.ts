import type { KnownEventType } from '@fairtender/domain';
import type { HistoryEntry } from '../history';
import { readableEventName } from './event-names';
import { localTime } from './local-time';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- stored event data, read field by field
type Sentence = (data: Data, write: SentenceWriter) => string;

/** What a sentence needs beyond the event: who acted, and how to write times and amounts. */
export interface SentenceWriter {
  who: string;
  time(instant: unknown): string;
}

const money = (value: unknown): string => {
  const m = value as { amount?: number; currency?: string } | undefined;
  if (!m || typeof m.amount !== 'number') return 'an unstated amount';
  return `${m.currency ?? ''} ${m.amount.toLocaleString('en-GB')}`.trim();
};
const quoted = (text: unknown): string => (typeof text === 'string' ? `“${text}”` : '“”');
const list = (items: unknown): string =>
  Array.isArray(items) && items.length > 0 ? items.join(', ') : 'none';
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * One sentence per event type, the facts a reader of the record looks for first; every field of the
 * event is shown whole beneath it. `satisfies` makes a new event type without a sentence a compile error.
 */
const SENTENCES = {
  ProcurementOpened: (d, w) =>
    `${w.who} opened the procurement for ${quoted(d.need)}, estimated at ${money(d.estimatedValue)}, by the ${d.route?.kind ?? 'stated'} route.`,
  ProcurementPlanRevised: (d, w) => `${w.who} revised the procurement plan: ${quoted(d.reason)}.`,
  StrategyApproved: (d, w) =>
    `${w.who} approved the procurement strategy (${d.route?.kind ?? 'route'}, ${money(d.estimatedValue)}): ${quoted(d.reasons)}.`,
  EngagementNoticePublished: (d, w) =>
    `${w.who} published the preliminary market engagement notice, open until ${d.closesOn}.`,
  SupplierEngagementRecorded: (d, w) =>
    `${w.who} recorded a ${d.kind} with supplier ${d.supplierId} on ${d.date}: ${quoted(d.summary)}.`,
  EngagementMaterialShared: (d, w) =>
    `${w.who} shared engagement material ${d.materialId} with every supplier (${d.how}).`,
  ConflictsAssessmentRevised: (_d, w) => `${w.who} revised the conflicts assessment.`,
  TransparencyNoticePublished: (d, w) =>
    `${w.who} published the transparency notice of a direct award to supplier ${d.supplierId} for ${money(d.value)} on ground ${d.ground} (${d.groundReference}): ${quoted(d.justification)}.`,
  TenderDrafted: (d, w) =>
    `${w.who} drafted the notice ${quoted(d.terms?.title)} for ${d.buyerOrganisationId}.`,
  DraftRevised: (d, w) => `${w.who} revised the draft notice ${quoted(d.terms?.title)}.`,
  TenderPublished: (d, w) =>
    `${w.who} published the notice ${quoted(d.terms?.title)} (version ${d.noticeVersion}); bids are due by ${w.time(d.terms?.submissionDeadline)}.`,
  BidSealingKeyIssued: () =>
    'The platform issued the key that seals this tender’s bids until they are opened.',
  NoticeAmended: (d, w) =>
    `${w.who} amended the notice (version ${d.noticeVersion}): ${quoted(d.reason)}.`,
  ClarificationRequested: (d, w) =>
    `${w.who} asked a clarification question (${d.questionId}): ${quoted(d.question)}.`,
  ClarificationAnswered: (d, w) =>
    `${w.who} answered clarification ${d.questionId}: ${quoted(d.answer)}.`,
  ClarificationPeriodClosed: (d) =>
    `The clarification period closed with ${plural(d.unansweredQuestions ?? 0, 'unanswered question')}.`,
  TenderCancelled: (d, w) =>
    `${w.who} cancelled the tender at stage ${d.stage}: ${quoted(d.reason)}.`,
  BidSubmitted: (d, w) =>
    `${w.who} submitted a sealed bid for supplier ${d.supplierId} (${plural(d.sizeBytes ?? 0, 'byte')}, content hash ${d.contentHash}).`,
  BidRevised: (d, w) =>
    `${w.who} replaced supplier ${d.supplierId}’s bid with a revised one (content hash ${d.contentHash}).`,
  BidWithdrawn: (d, w) =>
    `${w.who} withdrew supplier ${d.supplierId}’s bid${d.reason ? `: ${quoted(d.reason)}` : ''}.`,
  BidReconfirmed: (d, w) =>
    `${w.who} reconfirmed supplier ${d.supplierId}’s bid against notice version ${d.noticeVersion}.`,
  LateBidRefused: (d, w) =>
    `${w.who} tried to bid for supplier ${d.supplierId} after the deadline of ${w.time(d.submissionDeadline)}; the bid was refused.`,
  TenderingClosed: (d, w) =>
    `${w.who} closed tendering at the deadline of ${w.time(d.submissionDeadline)}.`,
  BidOpeningConfirmed: (_d, w) =>
    `${w.who} confirmed the opening of the bids (the first of the two officers needed).`,
  BidsOpened: (d, w) =>
    `${w.who} opened ${plural(Array.isArray(d.bidStreams) ? d.bidStreams.length : 0, 'bid')}, with officers ${list(d.officerIds)}.`,
  BidComplianceRecorded: (d, w) =>
    d.decision === 'excluded'
      ? `${w.who} excluded supplier ${d.supplierId}’s bid (${money(d.price)}) for failing ${d.requirement ?? 'a requirement'}: ${quoted(d.reasonText)}.`
      : `${w.who} recorded supplier ${d.supplierId}’s bid (${money(d.price)}) as compliant.`,
  EvaluationPanelAppointed: (d, w) =>
    `${w.who} appointed the evaluation panel for round ${d.round}: ${list(d.evaluatorIds)}${d.acceptanceRequired ? ', each to accept its seat' : ''}.`,
  PanelMembershipAccepted: (d, w) => `${w.who} accepted a seat on the round ${d.round} panel.`,
  ConflictOfInterestDeclared: (d, w) =>
    d.conflict
      ? `${w.who} declared a conflict of interest with supplier ${d.supplierId}${d.statement ? `: ${quoted(d.statement)}` : ''}, and is removed from that bid.`
      : `${w.who} declared no conflict of interest with supplier ${d.supplierId}.`,
  BidScored: (d, w) =>
    `${w.who} scored supplier ${d.supplierId} ${d.score} on ${d.criterionId}: ${quoted(d.justification)}.`,
  EvaluationSubmitted: (d, w) =>
    `${w.who} submitted the round ${d.round} scores for ${list(d.scoredBids)}.`,
  ScoreModerated: (d, w) =>
    `${w.who} recorded an agreed score of ${d.agreedScore} for supplier ${d.supplierId} on ${d.criterionId} (panel scores ${list(d.evaluatorScores)})${d.reason ? `: ${quoted(d.reason)}` : ''}.`,
  ScoreModerationRequested: (d, w) =>
    `${w.who} asked for an agreed score of ${d.agreedScore} for supplier ${d.supplierId} on ${d.criterionId}, outside the panel’s range ${d.panelRange?.min}–${d.panelRange?.max}: ${quoted(d.reason)}. It counts only once a second officer confirms it.`,
  ScoreModerationConfirmed: (d, w) =>
    `${w.who} confirmed the agreed score of ${d.agreedScore} for supplier ${d.supplierId} on ${d.criterionId} asked for by ${d.requestedBy}: ${quoted(d.confirmationReason)}.`,
  EvaluationReopened: (d, w) =>
    `${w.who} reopened the evaluation as round ${d.round} after challenge ${d.challengeId}: ${quoted(d.reason)}.`,
  AwardConfirmationRequested: (d, w) =>
    `${w.who} proposed to award to supplier ${d.supplierId}, which departs from the rules (${list(d.departures)}); a second officer must confirm it.`,
  AwardProposed: (d, w) =>
    `${
      d.confirmedBy
        ? `${w.who} confirmed the award to supplier ${d.supplierId} proposed by ${d.proposedBy}`
        : `${w.who} decided to award the contract to supplier ${d.supplierId}`
    }${Array.isArray(d.departures) && d.departures.length ? ` (departures: ${list(d.departures)})` : ''}${d.departureJustification ? `: ${quoted(d.departureJustification)}` : ''}.`,
  AssessmentSummaryIssued: (d) =>
    `The assessment summary for supplier ${d.summary?.supplierId} (${d.summary?.outcome}) was issued.`,
  StandstillStarted: (d, w) =>
    `The standstill period began on ${w.time(d.startsAt)} and ends on ${w.time(d.endsAt)} (${d.basis}).`,
  StandstillEnded: (d) =>
    `The standstill period ended with ${plural(d.openChallenges ?? 0, 'open challenge')}.`,
  TenderDeclaredUnsuccessful: (d, w) =>
    `${w.who} declared the tender unsuccessful (${d.compliantBids} compliant of ${d.minimumBids} bids needed): ${quoted(d.reason)}.`,
  ChallengeLodged: (d, w) =>
    `${w.who} lodged challenge ${d.challengeId} for supplier ${d.supplierId} on the grounds ${list(d.grounds)}: ${quoted(d.text)}.`,
  AwardSuspended: (d) => `The award was suspended by challenge ${d.challengeId}.`,
  ChallengeResolved: (d, w) =>
    `${w.who} resolved challenge ${d.challengeId}: ${d.outcome}${d.remedy ? `, remedy ${d.remedy}` : ''}: ${quoted(d.reason)}.`,
  AwardSuspensionLifted: () => 'The suspension of the award was lifted.',
  ContractConcluded: (d, w) =>
    `${w.who} concluded contract ${d.contractId} with supplier ${d.supplierId} for ${money(d.value)}, from ${d.period?.startDate} to ${d.period?.endDate}${d.pilot ? ', as a pilot' : ''}.`,
  ContractChangeRequested: (d, w) =>
    `${w.who} asked for a contract ${d.kind} adding ${money(d.addedValue)} and ${plural(d.addedMonths ?? 0, 'month')}: ${quoted(d.justification)}.`,
  ContractChangeApproved: (d, w) =>
    `${w.who} approved contract change ${d.changeId}${Array.isArray(d.redFlags) && d.redFlags.length ? `, with ${plural(d.redFlags.length, 'red flag')}` : ''}.`,
  ContractChangeNoticePublished: (d) =>
    `The notice of contract change ${d.changeNumber} was published: the contract is now ${money(d.value)} to ${d.period?.endDate}.`,
  ContractChangeTookEffect: (d) =>
    `Contract change ${d.changeNumber} took effect: ${money(d.value)}, to ${d.period?.endDate}.`,
  PerformanceAssessed: (d, w) =>
    `${w.who} assessed KPI ${d.kpiId} due ${d.dueDate} as ${d.rating}: ${quoted(d.evidence)}.`,
  ContractPerformanceNoticePublished: (d) =>
    `The performance notice for the period due ${d.dueDate} was published (${plural(Array.isArray(d.assessments) ? d.assessments.length : 0, 'KPI')}).`,
  PerformanceAssessmentOverdue: (d) =>
    `The assessment of KPI ${d.kpiId} due ${d.dueDate} is overdue.`,
  OversightReviewRecorded: (d, w) =>
    `${w.who} recorded the oversight review of checkpoint ${d.checkpointId} for ${d.oversightBodyId}: ${d.outcome}, ${quoted(d.findings)}.`,
  AuditCheckpointMissed: (d) =>
    `Audit checkpoint ${d.checkpointId} due ${d.dueDate} was missed (oversight body ${d.oversightBodyId}).`,
  ContractTerminated: (d, w) =>
    `${w.who} terminated contract ${d.contractId} (${d.reason}): ${quoted(d.details)}.`,
  ContractTerminationNoticePublished: (d) =>
    `The termination notice of contract ${d.contractId} was published (${d.reason}).`,
  SealedContentReadRefused: (d, w) =>
    `${w.who} tried to read sealed content (${d.target}) at stage ${d.stage}; it was refused.`,
  AccessRefused: (d, w) => `${w.who} was refused ${d.action} (${d.code}): ${quoted(d.reason)}.`,
  AccessRefusalsRepeated: (d, w) =>
    `${w.who} was refused ${d.attempted} ${plural(d.count ?? 0, 'more time')} within ${d.windowSeconds} s (${d.code}).`,
  TenderHistoryViewed: (d, w) =>
    `${w.who} read ${plural(d.entries ?? 0, 'event')} of the history (via ${d.via}).`,
  TenderStateViewed: (d, w) =>
    `${w.who} looked at the tender’s ${d.view === 'diff' ? 'changes between two moments' : 'state at a moment'} (${list(d.moments)}, via ${d.via}).`,
  TenderIntegrityVerified: (d, w) =>
    `${w.who} verified ${plural(d.eventsChecked ?? 0, 'event')}: ${d.intact ? 'intact' : `broken at ${d.firstBreak?.streamName} revision ${d.firstBreak?.revision} (${d.firstBreak?.reason})`}.`,
  EvidenceBundleExported: (d, w) =>
    `${w.who} exported the evidence (${d.format}, ${plural(d.eventCount ?? 0, 'event')}${d.completed ? '' : ', cut short'}, via ${d.via}).`,
  EvidenceLinkIssued: (d, w) =>
    `${w.who} was issued a link to the ${d.page} page (link ${d.linkId}), valid until ${w.time(d.expiresAt)}.`,
  EvidencePageViewed: (d, w) =>
    `The ${d.page} page was opened through ${w.who}’s link ${d.linkId}${d.intact === null ? '' : `; the record read ${d.intact ? 'intact' : 'broken'}`}.`,
} as const satisfies Record<KnownEventType, Sentence>;

/** Who acted, as the record says: user, role and organisation; the platform for deadlines. */
export function actorPhrase(entry: HistoryEntry): string {
  const actor = entry.actor;
  if (!actor) {
    return entry.withheld?.includes('metadata.actor') ? 'Someone (withheld)' : 'The platform';
  }
  if (actor.role === 'system') return `The platform (${actor.userId})`;
  return `${actor.userId} (${actor.role}, ${actor.organisationId})`;
}

/** The event in one sentence; a sealed one says only that it was recorded and stays sealed. */
export function sentenceOf(entry: HistoryEntry, timeZone: string): string {
  const name = readableEventName(entry.type);
  if (entry.sealed) {
    return `${name}: the content of this bid event stays sealed until the bids are opened; only its type and time are shown.`;
  }
  const write: SentenceWriter = {
    who: actorPhrase(entry),
    time: (instant) =>
      typeof instant === 'string' ? localTime(instant, timeZone) : 'an unstated time',
  };
  const data = (entry.data ?? {}) as Data;
  const sentence = Object.hasOwn(SENTENCES, entry.type)
    ? SENTENCES[entry.type as KnownEventType](data, write)
    : `${write.who} recorded “${name}”.`;
  return sentence;
}
