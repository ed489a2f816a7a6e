import type { ChallengeGround, ChallengeOutcome, ChallengeRemedy } from './challenge-grounds';

export interface ChallengeState {
  challengeId: string;
  supplierId: string;
  grounds: ChallengeGround[];
  text: string;
  lodgedAt: string;
  round: number;
  outcome?: ChallengeOutcome;
  remedy?: ChallengeRemedy;
  reason?: string;
  resolvedAt?: string;
}
