/** What a bidder may challenge an award on: the usual heads of claim under PA 2023 Part 9. */
export const CHALLENGE_GROUNDS = [
  'evaluation-error',
  'unequal-treatment',
  'undisclosed-criteria',
  'conflict-of-interest',
  'abnormally-low-tender-accepted',
  'wrongful-exclusion',
  'transparency-breach',
  'other',
] as const;
export type ChallengeGround = (typeof CHALLENGE_GROUNDS)[number];

export const isChallengeGround = (value: unknown): value is ChallengeGround =>
  (CHALLENGE_GROUNDS as readonly unknown[]).includes(value);

export const CHALLENGE_OUTCOMES = ['dismissed', 'upheld', 'withdrawn'] as const;
export type ChallengeOutcome = (typeof CHALLENGE_OUTCOMES)[number];

/** What an upheld challenge does: back to evaluation, or the tender is cancelled. */
export const CHALLENGE_REMEDIES = ['re-evaluate', 'cancel'] as const;
export type ChallengeRemedy = (typeof CHALLENGE_REMEDIES)[number];
