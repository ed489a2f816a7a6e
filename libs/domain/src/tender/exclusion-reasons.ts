/**
 * Why a bid may be excluded at compliance, after the UK Procurement Act 2023 (mandatory and
 * discretionary exclusion grounds, Schedules 6–7; conditions of participation, s.22; abnormally low
 * tenders, s.24) and ProZorro's qualification reasons. The text says what exactly failed.
 */
export const EXCLUSION_REASON_CODES = [
  'mandatory-exclusion-ground',
  'discretionary-exclusion-ground',
  'conditions-of-participation-not-met',
  'requirements-not-met',
  'incomplete-submission',
  'abnormally-low-tender',
  'not-reconfirmed-after-amendment',
] as const;
export type ExclusionReasonCode = (typeof EXCLUSION_REASON_CODES)[number];

export const isExclusionReasonCode = (value: unknown): value is ExclusionReasonCode =>
  (EXCLUSION_REASON_CODES as readonly unknown[]).includes(value);

/**
 * What an exclusion names as the thing the bid failed (`requirement`), per reason code: the notice's
 * own award criteria where the code is about the tender's content, else the statutory requirement
 * behind the code. Procurement Act 2023 s.19(2)(a) (the authority's requirements), s.19(3)(a)
 * (conditions of participation, s.22), s.19(3)(c)–(4) (abnormally low price), s.19(3)(d) (a
 * procedural requirement of the tender notice or documents), s.57 with Schedules 6–7 (exclusion
 * grounds).
 */
export const EXCLUSION_REQUIREMENTS = {
  'mandatory-exclusion-ground': { criteria: 'none', named: ['mandatory-exclusion-grounds'] },
  'discretionary-exclusion-ground': {
    criteria: 'none',
    named: ['discretionary-exclusion-grounds'],
  },
  'conditions-of-participation-not-met': {
    criteria: 'none',
    named: ['conditions-of-participation'],
  },
  'requirements-not-met': { criteria: 'quality', named: ['technical-specifications'] },
  'incomplete-submission': { criteria: 'quality', named: ['procedural-requirements'] },
  'abnormally-low-tender': { criteria: 'price', named: ['price-not-abnormally-low'] },
  'not-reconfirmed-after-amendment': { criteria: 'none', named: ['current-notice-version'] },
} as const satisfies Record<
  ExclusionReasonCode,
  { criteria: 'none' | 'quality' | 'price'; named: readonly string[] }
>;

/** The requirements an exclusion for `reasonCode` may name on a notice with these criteria. */
export function allowedRequirements(
  reasonCode: ExclusionReasonCode,
  awardCriteria: readonly { id: string; kind: 'quality' | 'price' }[],
): string[] {
  const { criteria, named } = EXCLUSION_REQUIREMENTS[reasonCode];
  return [
    ...awardCriteria.filter((criterion) => criterion.kind === criteria).map(({ id }) => id),
    ...named,
  ];
}
