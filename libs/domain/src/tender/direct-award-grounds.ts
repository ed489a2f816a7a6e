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

/**
 * The grounds on which a procurement may be planned as a direct award without any competition
 * (PA 2023 s.41(1) and the paragraphs of Schedule 5 cited). `no-suitable-tenders` is not among
 * them: switching to a direct award after a competitive procedure is s.43, decided in the tender.
 */
export const DIRECT_AWARD_ROUTE_GROUNDS = {
  'prototype-or-development':
    'Prototypes and development: novel goods or services for research, testing or development (PA 2023 Sch. 5 para. 2)',
  'single-supplier-artistic':
    'Single supplier: a unique work of art or artistic performance (PA 2023 Sch. 5 para. 4)',
  'single-supplier-technical':
    'Single supplier: competition absent for technical reasons, no reasonable alternative (PA 2023 Sch. 5 para. 6)',
  'single-supplier-exclusive-rights':
    'Single supplier: exclusive or intellectual property rights, no reasonable alternative (PA 2023 Sch. 5 para. 5)',
  'additional-or-repeat':
    'Additional or repeat goods, services or works from the existing supplier (PA 2023 Sch. 5, additional or repeat goods, services or works, paras. 7–8)',
  commodities: 'Goods purchased on a commodity market (PA 2023 Sch. 5, commodities)',
  'advantageous-terms-insolvency':
    'Particularly advantageous terms on a supplier’s insolvency or winding up (PA 2023 Sch. 5, advantageous terms on insolvency)',
  'extreme-urgency':
    'Extreme and unavoidable urgency not caused by the authority (PA 2023 Sch. 5, urgency)',
  'protecting-life':
    'Protecting life, health or public order where no competition is possible (PA 2023 Sch. 5, protecting life, etc.)',
} as const;
export type DirectAwardRouteGround = keyof typeof DIRECT_AWARD_ROUTE_GROUNDS;

export const isDirectAwardRouteGround = (value: unknown): value is DirectAwardRouteGround =>
  typeof value === 'string' && Object.hasOwn(DIRECT_AWARD_ROUTE_GROUNDS, value);

/** The published text of a ground of either list; an unknown ground as it was recorded. */
export function directAwardGroundText(ground: string): string {
  if (Object.hasOwn(DIRECT_AWARD_GROUNDS, ground))
    return DIRECT_AWARD_GROUNDS[ground as DirectAwardGround];
  if (Object.hasOwn(DIRECT_AWARD_ROUTE_GROUNDS, ground))
    return DIRECT_AWARD_ROUTE_GROUNDS[ground as DirectAwardRouteGround];
  return ground;
}
