import type { AwardCriterion, Jurisdiction, NoticeTerms, Procedure } from '@fairtender/domain';
import type { OcdsTender } from './ocds-types';

/** The OCDS schema version packages declare (major.minor). */
export const OCDS_VERSION = '1.1' as const;

/** The bid extension (bids.details, bids.statistics), at the version matching OCDS 1.1.5. */
export const BID_EXTENSION_URL =
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json';

/** Our procedures on the closed `method` codelist. Restricted and competitive flexible admit only selected suppliers. */
export const PROCUREMENT_METHOD: Record<Procedure, OcdsTender['procurementMethod']> = {
  open: 'open',
  restricted: 'selective',
  competitive_flexible: 'selective',
};

const PROCEDURE_NAME: Record<Procedure, string> = {
  open: 'Open procedure',
  restricted: 'Restricted procedure',
  competitive_flexible: 'Competitive flexible procedure',
};

const JURISDICTION_NAME: Record<Jurisdiction, string> = {
  'uk-pa-2023': 'UK Procurement Act 2023',
  'eu-remedies': 'EU public procurement directives',
};

export function procurementMethodDetails(terms: Pick<NoticeTerms, 'procedure' | 'jurisdiction'>) {
  return `${PROCEDURE_NAME[terms.procedure]} (${JURISDICTION_NAME[terms.jurisdiction]})`;
}

/** The `awardCriteria` codelist: price only, quality only, or both weighted (rated criteria). */
export function awardCriteriaCode(criteria: readonly AwardCriterion[]): string {
  if (criteria.every((c) => c.kind === 'price')) return 'priceOnly';
  if (criteria.every((c) => c.kind === 'quality')) return 'qualityOnly';
  return 'ratedCriteria';
}

export function awardCriteriaDetails(terms: Pick<NoticeTerms, 'awardCriteria' | 'scoringScale'>) {
  const scale = `${terms.scoringScale.min}–${terms.scoringScale.max}`;
  const each = terms.awardCriteria.map((c) =>
    c.kind === 'price'
      ? `${c.name} ${c.weight}% (price, scored from the bid price)`
      : `${c.name} ${c.weight}% (quality, scored ${scale} by an evaluation panel)`,
  );
  return `Weighted criteria: ${each.join('; ')}.`;
}

/**
 * The CPV division of the first code decides the main category, as the EU's CPV structure does:
 * division 45 is works, divisions 50 and above are services, the rest (03–44, 48) goods.
 */
export function mainProcurementCategory(cpvCodes: readonly string[]) {
  const division = Number(cpvCodes[0]?.slice(0, 2));
  if (!Number.isInteger(division) || division < 3) return undefined;
  if (division === 45) return 'works' as const;
  return division >= 50 ? ('services' as const) : ('goods' as const);
}

/** The `itemClassificationScheme` codelist's code for the Common Procurement Vocabulary. */
export const CPV_SCHEME = 'CPV';
