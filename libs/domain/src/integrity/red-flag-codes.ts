/**
 * The red flags of the competition-integrity report. `R…` codes are the Open Contracting
 * Partnership's Cardinal indicators (https://cardinal.readthedocs.io), computed per tender as they
 * define them where a tender alone can show it; `FT-…` codes are ours, for what Cardinal has no code.
 */
export const RED_FLAG_TITLES = {
  R003: 'Short submission period',
  R018: 'Single bid received',
  R024: 'Price close to winning bid',
  R028: 'Identical bid prices',
  R035: 'All except winning bid disqualified',
  R036: 'Lowest bid disqualified',
  R038: 'Excessive disqualified bids',
  'FT-UNANSWERED-CLARIFICATIONS': 'Tendering closed with clarification questions unanswered',
  'FT-REDUCED-TENDERING-PERIOD':
    'Tendering period below the normal statutory minimum, on a listed ground',
  'FT-WINNER-NOT-TOP-RANKED': 'Award to a bid other than the top-ranked one',
  'FT-MODERATION-CHANGED-RANKING': "Moderation changed which bid ranks first on the panel's scores",
  'FT-DIRECT-AWARD': 'Direct award without the competition the notice asked for',
  'FT-EVALUATION-ASYMMETRY': "The winner's justifications far longer than the other bids'",
  'FT-CONTRACT-CHANGE': 'Contract change past a threshold',
  'FT-SINGLE-SUPPLIER-ENGAGEMENT': 'Preliminary market engagement with one supplier only',
  'FT-INCUMBENT-IN-COMPETITION':
    'A supplier that ran a pilot in engagement, or holds the contract replaced, bids in the competition',
  'FT-REPEATED-DIRECT-AWARD': 'Direct awards by one buyer to one supplier within 12 months',
  'FT-INCUMBENT-EXTENDED-THEN-WON':
    'Won by a supplier whose contract with the same buyer had just been extended',
} as const;

export type RedFlagCode = keyof typeof RED_FLAG_TITLES;
export const RED_FLAG_CODES = Object.keys(RED_FLAG_TITLES) as RedFlagCode[];

export const isRedFlagCode = (value: unknown): value is RedFlagCode =>
  typeof value === 'string' && Object.hasOwn(RED_FLAG_TITLES, value);
