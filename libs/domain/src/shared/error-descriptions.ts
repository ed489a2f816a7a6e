import type { ErrorCode } from './error-codes';

/**
 * What each domain error code means, in the words of docs/errors.md (generated from this map by
 * scripts/error-reference.ts). A `Record<ErrorCode, …>`, so a new code does not compile without its meaning.
 */
export const ERROR_DESCRIPTIONS: Record<ErrorCode, string> = {
  TENDER_NOT_FOUND:
    "no such tender — or a draft, to anyone outside its buyer's organisation and oversight: one body for both on every route (`No tender <id>`)",
  TENDER_ALREADY_EXISTS: 'a draft id that exists (server-chosen ids make this rare)',
  ILLEGAL_STAGE:
    "the command does not apply at the tender's stage; the message names the current stage, `details.stage` and `details.allowed`",
  NOT_YOUR_ORGANISATION:
    'the tender belongs to another contracting authority (its officer, evaluator or `legal`), or the bid stream to another supplier; recorded as `AccessRefused`',
  ROLE_NOT_ALLOWED:
    'the role may not do this (`details.allowed`); recorded as `AccessRefused` on the tender',
  INVALID_PROCUREMENT:
    'a procurement plan, engagement or transparency notice rule fails (`details.field` names it)',
  PROCUREMENT_ROUTE_MISMATCH:
    'a tender notice on a procurement planned as a direct award (or a direct award on a competitive one), or a procedure other than the planned one (`details.route`)',
  STRATEGY_NOT_APPROVED:
    'publishing a notice above the approval threshold (`details.threshold`) without an approval of the route and value as they now stand (PA 2023 planning; docs/planning.md); `details.violations` lists every publication gate that fails',
  APPROVER_PERMISSION_REQUIRED: 'approving a strategy without the strategy-approver permission',
  STRATEGY_SELF_APPROVAL: "the procurement's author approving its own strategy",
  ENGAGEMENT_MATERIAL_NOT_SHARED:
    'publishing the tender notice while material shown to a supplier in engagement has not been shared with all (PA 2023 s.16(3); `details.materials`)',
  ENGAGEMENT_ID_REUSED: 'an engagement id recorded before with other content',
  MATERIAL_NOT_FOUND: 'sharing material that no engagement recorded',
  CONFLICTS_ASSESSMENT_MISSING:
    'publishing a tender or transparency notice without a conflicts assessment covering every person acting in the procurement (PA 2023 s.83; `details.missing`)',
  INVALID_CONFLICTS_ASSESSMENT:
    'an assessment without persons, a person twice, a declaration without text, or a declared conflict without mitigation (s.82)',
  TRANSPARENCY_NOTICE_MISSING: 'a direct award before its transparency notice (PA 2023 s.44)',
  TRANSPARENCY_NOTICE_MISMATCH:
    'a direct award to another supplier or on another ground than the transparency notice published',
  INVALID_NOTICE:
    'a notice rule fails (`details.field` names it: `minimumBids` ≥ 2, `evaluatorCount` ≥ 2, scale, dates…)',
  CRITERIA_WEIGHTS_NOT_100: 'the award criteria weights do not sum to 100',
  DEADLINE_TOO_SOON: 'a deadline that does not leave `minimumResponseDays` (rule 6)',
  DEADLINES_OUT_OF_ORDER: 'the clarification deadline is not before the submission deadline',
  CLARIFICATION_NOT_FOUND: 'no such clarification question on the tender',
  CLARIFICATION_ALREADY_ANSWERED: 'answering a question already answered',
  CLARIFICATION_DEADLINE_PASSED: 'a question after the clarification deadline',
  CLARIFICATION_ID_REUSED: 'a question id sent again with another question, or by another supplier',
  NOTHING_TO_AMEND: 'an amendment that changes nothing',
  PROCEDURE_NOT_AVAILABLE:
    "a procedure the notice's jurisdiction does not have (the Procurement Act 2023 has no restricted procedure); `details.available`",
  TENDERING_PERIOD_TOO_SHORT:
    'publication or a deadline amendment below the statutory minimum tendering period; `details`: `floorDays`, `givenDays`, `source` (e.g. `Procurement Act 2023 s.54(3)`), `earliestDeadline`',
  REDUCED_PERIOD_NOT_JUSTIFIED:
    'a reduced tendering period whose ground is not listed for the jurisdiction, whose justification says nothing, or whose prior notice is outside its window',
  LATE_BID: 'at or after the submission deadline by the server clock; recorded as `LateBidRefused`',
  TENDERING_NOT_OPEN: 'bidding on a cancelled tender',
  BID_NOT_FOUND: 'no such bid (e.g. revising or withdrawing a bid never made)',
  BID_ALREADY_SUBMITTED: 'submit instead of revise',
  BID_INCOMPLETE:
    'a quality criterion without a response (or a response to an unknown one, `details` lists them)',
  BID_CURRENCY_MISMATCH: "a price not in the notice's currency",
  BID_ALREADY_CONFIRMED: 're-confirming a bid already on the current notice',
  IDEMPOTENCY_KEY_REUSED: 'the key was used before with a different body',
  SEALED: 'bid content asked for before opening; recorded as `SealedContentReadRefused`',
  DEADLINE_NOT_REACHED: 'closing before the submission deadline',
  SAME_OFFICER_TWICE:
    "the second opening confirmation came from the first officer, an award's confirmation from the officer who proposed it, or a moderation's confirmation from the officer who requested it",
  BID_NOT_RECONFIRMED:
    'passing a bid made against an older notice and never re-confirmed (exclude it with `not-reconfirmed-after-amendment`)',
  BID_NOT_COMPLIANT:
    'scoring or moderating a bid that was excluded, or has no compliance decision yet',
  EXCLUSION_UNREASONED:
    "excluding without a listed `reasonCode`, a `reasonText` passing [the rule for reasons](rules.md#a-real-reason), a `requirement` it may name, or with another bid's text; `details.problem` says which test failed (rule 4)",
  EVALUATION_UNDER_WAY:
    'changing a compliance decision or the panel once an evaluator has submitted in the round',
  INVALID_PANEL: 'an evaluator listed twice, or the appointing officer on the panel',
  PANEL_TOO_SMALL:
    "fewer evaluators than 2 or the notice's `evaluatorCount`, or fewer than 2 without a conflict for a bid",
  NOT_ON_PANEL:
    "an evaluator not on this tender's panel (acting, accepting, reading scores or a bid); recorded as `AccessRefused`",
  PANEL_MEMBERSHIP_NOT_ACCEPTED:
    'an evaluator named on the panel acting before it accepted the seat (`POST /tenders/:id/panel/acceptance`); recorded as `AccessRefused`',
  CONFLICTED_FROM_BID:
    'a panel member reading the content of a bid it declared a conflict of interest with; recorded as `AccessRefused`',
  INVALID_DECLARATION: 'a conflict declared without a statement',
  CONFLICT_ALREADY_DECLARED: 'taking a declared conflict back',
  UNDECLARED_CONFLICT:
    'scoring, submitting or awarding before every evaluator declared on every compliant bid',
  EVALUATOR_CONFLICTED: 'scoring a supplier one declared a conflict with',
  INVALID_SCORE:
    "not a quality criterion of the notice, twice in a request, or off the notice's scale",
  SCORE_UNJUSTIFIED: 'a score justification failing the rule for reasons (`details.problem`)',
  EVALUATION_ALREADY_SUBMITTED:
    'changing scores, or submitting again, in a round already submitted',
  INCOMPLETE_EVALUATION:
    'a criterion of a bid not scored or justified by an evaluator, a compliance decision or a submission missing: the message names the first (bid, evaluator, criterion), `details.violations` lists them (first 100), `details.rules` every rule failing',
  MODERATION_UNREASONED:
    "a differing agreed score's reason, or a moderation confirmation's reason, failing the rule for reasons (`details.problem`)",
  MODERATION_NOT_PENDING:
    'confirming a moderation when none waits for that cell, or another score does (`details.pendingScore`)',
  MODERATION_PENDING:
    "an award while an agreed score outside the evaluators' range waits for a second officer (`details.violations` names each cell)",
  INSUFFICIENT_COMPETITION:
    "fewer compliant bids than the notice's `minimumBids` (rule 1): declare unsuccessful, re-tender, or make a direct award",
  WINNER_NOT_COMPLIANT: 'the proposed bid has not passed compliance',
  WINNER_NOT_TOP_RANKED: 'it is not the top-ranked one and no justification was given (rule 5)',
  DIRECT_AWARD_NOT_ALLOWED: 'a direct award with enough compliant bids',
  INVALID_LEGAL_GROUND: 'a direct-award ground not in the list (`details.allowed`)',
  AWARD_NOT_PENDING: 'a confirmation with no award waiting for one',
  CONFIRMER_MODERATED:
    "an award's confirmation from an officer who recorded, requested or confirmed an agreed score on this tender (`details.moderators`)",
  REASON_REQUIRED: 'a justification or reason failing the rule for reasons (`details.problem`)',
  STANDSTILL_NOT_ENDED: "concluding the contract before the standstill's end (`details.endsAt`)",
  NOT_A_BIDDER: 'a challenge from a supplier whose bid was not opened; recorded as `AccessRefused`',
  CHALLENGE_OUT_OF_TIME: "a challenge outside the award's standstill",
  INVALID_CHALLENGE:
    'grounds not listed or repeated, a text failing the rule for reasons; an outcome or remedy not allowed',
  CHALLENGE_ID_REUSED: 'a challenge id used before with other content',
  CHALLENGE_NOT_FOUND: 'no such challenge on the tender',
  CHALLENGE_ALREADY_RESOLVED: 'recording an outcome for a challenge already resolved',
  AWARD_SUSPENDED: 'concluding the contract while a challenge is open (`details.challenges`)',
  INVALID_CONTRACT:
    "a value not positive or not in the awarded price's currency, an end before the start",
  CONTRACT_VALUE_MISMATCH:
    'a contract `value` other than the awarded price (the contract is the award): `details.value` and `details.awardedValue` name both',
  INVALID_CHANGE: "a change's kind, value or months invalid (`details.problems`)",
  CHANGE_UNJUSTIFIED: 'no real justification',
  CHANGE_ID_REUSED: 'a contract change id used before with other content',
  CHANGE_NOT_FOUND: 'no such contract change on the tender',
  CHANGE_ALREADY_APPROVED: 'approving a contract change already approved',
  APPROVER_IS_REQUESTER: 'as named; a change is approved by an officer other than its requester',
};
