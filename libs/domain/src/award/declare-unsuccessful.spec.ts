import { given } from '../shared/testing';
import {
  ACME,
  AWARD_AT,
  AWARD_NOW,
  BETA,
  fullyEvaluated,
  inStandstill,
} from '../testing/evaluation-fixtures';
import {
  closedAtDeadline,
  foreignOfficer,
  officer,
  supplier,
  tendering,
} from '../testing/notice-fixtures';
import type { AwardCommand } from './commands';
import { awardDecider } from './decide';

const REASON = 'No bid met the requirements for evidence retention';
const declare = (reason = REASON, actor = officer): AwardCommand => ({
  type: 'DeclareUnsuccessful',
  actor,
  now: AWARD_NOW,
  reason,
});
const unsuccessful = (compliantBids: number) => ({
  type: 'TenderDeclaredUnsuccessful' as const,
  data: {
    reason: REASON,
    compliantBids,
    minimumBids: 2,
    declaredAt: AWARD_AT,
    declaredBy: officer.userId,
  },
});

describe('DeclareUnsuccessful', () => {
  it('ends the tender without an award, recording the compliant bids against the minimum', () => {
    given(awardDecider, fullyEvaluated({ bids: [ACME, { supplierId: BETA, exclusion: {} }] }))
      .when(declare(`  ${REASON} `))
      .then([unsuccessful(1)]);
  });

  it('may end a closed tender before opening', () => {
    given(awardDecider, [...tendering(), closedAtDeadline()])
      .when(declare())
      .then([unsuccessful(0)]);
  });

  it('needs a reason: REASON_REQUIRED', () => {
    given(awardDecider, fullyEvaluated())
      .when(declare('Failed.'))
      .thenFails('REASON_REQUIRED', { field: 'reason' });
    given(awardDecider, fullyEvaluated())
      .when(declare('Failed. Failed. Failed. Failed. Failed. Failed. Failed.'))
      .thenFails('REASON_REQUIRED', { field: 'reason', problem: 'too_few_distinct_words' });
  });

  it('is for officers of the buyer, before an award', () => {
    given(awardDecider, fullyEvaluated())
      .when(declare(REASON, supplier))
      .thenFails('ROLE_NOT_ALLOWED');
    given(awardDecider, fullyEvaluated())
      .when(declare(REASON, foreignOfficer))
      .thenFails('NOT_YOUR_ORGANISATION');
    given(awardDecider, inStandstill())
      .when(declare())
      .thenFails('ILLEGAL_STAGE', { stage: 'standstill', allowed: ['closed', 'evaluation'] });
  });
});
