import type { DomainEvent } from '../../shared/domain-event';
import type { ChallengeGround, ChallengeOutcome, ChallengeRemedy } from '../challenge-grounds';

export type ChallengeLodged = DomainEvent<
  'ChallengeLodged',
  {
    challengeId: string;
    supplierId: string;
    grounds: ChallengeGround[];
    text: string;
    lodgedAt: string;
    /** The evaluation round whose award is challenged. */
    round: number;
  }
>;
/** Automatic on a challenge lodged in standstill (PA 2023 s.101): no contract until it is resolved. */
export type AwardSuspended = DomainEvent<
  'AwardSuspended',
  { challengeId: string; suspendedAt: string; round: number }
>;
export type ChallengeResolved = DomainEvent<
  'ChallengeResolved',
  {
    challengeId: string;
    outcome: ChallengeOutcome;
    remedy?: ChallengeRemedy;
    reason: string;
    resolvedAt: string;
    resolvedBy: string;
  }
>;
/** The last open challenge was dismissed or withdrawn: the award may proceed after standstill. */
export type AwardSuspensionLifted = DomainEvent<
  'AwardSuspensionLifted',
  { liftedAt: string; round: number }
>;

export type ChallengeEvent =
  ChallengeLodged | AwardSuspended | ChallengeResolved | AwardSuspensionLifted;
