import { DomainError } from '../shared/domain-error';
import { isSubstantiveText, SUBSTANTIVE_TEXT_RULE } from '../shared/substantive-text';
import { isIsoInstant } from '../shared/time';
import type { ProcedureFloors } from './statutory-periods';
import { PRIOR_NOTICE_WINDOWS } from './statutory-periods';
import {
  REDUCED_PERIOD_GROUNDS,
  type Jurisdiction,
  type ReducedTenderingPeriod,
} from '../tender/terms';

/**
 * A reduced tendering period names a ground its jurisdiction lists for the procedure, says why it
 * applies, and, for a ground that is an earlier notice, when that notice was published. Whether the
 * dates qualify is checked at publication, against the day the notice goes out.
 */
export function validateReducedPeriod(
  claim: ReducedTenderingPeriod,
  floors: ProcedureFloors,
  jurisdiction: Jurisdiction,
): void {
  const available = Object.keys(floors.reduced);
  if (claim === null || typeof claim !== 'object') {
    refuse('must be an object with a ground and a justification', { available });
  }
  if (!(REDUCED_PERIOD_GROUNDS as readonly string[]).includes(claim.ground)) {
    refuse(`ground must be one of ${REDUCED_PERIOD_GROUNDS.join(', ')}`, {
      ground: claim.ground,
      available,
    });
  }
  if (!available.includes(claim.ground)) {
    refuse(`ground '${claim.ground}' is not listed under ${jurisdiction}`, {
      ground: claim.ground,
      available,
    });
  }
  if (!isSubstantiveText(claim.justification)) {
    refuse(`justification must say why the ground applies (${SUBSTANTIVE_TEXT_RULE})`, {
      field: 'reducedTenderingPeriod.justification',
      ground: claim.ground,
    });
  }
  const needsPriorNotice = PRIOR_NOTICE_WINDOWS[claim.ground] !== undefined;
  if (needsPriorNotice && !isIsoInstant(claim.priorNoticePublishedAt)) {
    refuse(
      'priorNoticePublishedAt must be the ISO 8601 date-time the earlier notice was published',
      {
        field: 'reducedTenderingPeriod.priorNoticePublishedAt',
        ground: claim.ground,
      },
    );
  }
  if (!needsPriorNotice && claim.priorNoticePublishedAt !== undefined) {
    refuse(`priorNoticePublishedAt belongs only to a ground that is an earlier notice`, {
      field: 'reducedTenderingPeriod.priorNoticePublishedAt',
      ground: claim.ground,
    });
  }
}

export function copyReducedPeriod(claim: ReducedTenderingPeriod): ReducedTenderingPeriod {
  return {
    ground: claim.ground,
    justification: claim.justification.trim(),
    ...(claim.priorNoticePublishedAt === undefined
      ? {}
      : { priorNoticePublishedAt: claim.priorNoticePublishedAt }),
  };
}

function refuse(problem: string, details: Record<string, unknown>): never {
  throw new DomainError(
    'REDUCED_PERIOD_NOT_JUSTIFIED',
    `Invalid reduced tendering period: ${problem}`,
    { field: 'reducedTenderingPeriod', ...details },
  );
}
