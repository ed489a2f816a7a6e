/**
 * The only grounds on which a contract may go to a supplier without the competition the notice asked
 * for (UK Procurement Act 2023 s.41, s.43 and Schedule 5; Directive 2014/24/EU Art. 32). The ground
 * and its justification are published with the award and red-flagged.
 */
export const DIRECT_AWARD_GROUNDS = {
  'no-suitable-tenders':
    'No suitable tenders were submitted in the competitive procedure (PA 2023 s.43; Dir. 2014/24 Art. 32(2)(a))',
  'single-supplier-technical':
    'Only one supplier can perform, competition being absent for technical reasons (PA 2023 Sch. 5; Art. 32(2)(b)(ii))',
  'single-supplier-exclusive-rights':
    'Only one supplier can perform, because of exclusive or intellectual property rights (PA 2023 Sch. 5; Art. 32(2)(b)(iii))',
  'extreme-urgency':
    'Extreme and unavoidable urgency not caused by the authority (PA 2023 Sch. 5; Art. 32(2)(c))',
  'additional-or-repeat':
    'Additional or repeat goods, services or works from the original supplier (PA 2023 Sch. 5; Art. 32(3)(b), 32(5))',
} as const;
export type DirectAwardGround = keyof typeof DIRECT_AWARD_GROUNDS;

export const isDirectAwardGround = (value: unknown): value is DirectAwardGround =>
  typeof value === 'string' && Object.hasOwn(DIRECT_AWARD_GROUNDS, value);
