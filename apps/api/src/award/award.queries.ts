import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  DomainError,
  type Actor,
  type AssessmentSummaryIssued,
  type ContractChangeNoticePublished,
  type TenderState,
} from '@fairtender/domain';
import { ApiError } from '../http/api-error';
import { toDomainEvent } from '@fairtender/tender-streams';
import { TenderStreams } from '../runtime/tender-streams';
import { awardNotice } from './award-notice';

export class GetAwardNoticeQuery extends Query<ReturnType<typeof awardNotice>> {
  constructor(readonly tenderId: string) {
    super();
  }
}

export class GetAssessmentSummaryQuery extends Query<unknown> {
  constructor(
    readonly tenderId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** The public award notice, read from the tender stream (no token). */
@QueryHandler(GetAwardNoticeQuery)
export class GetAwardNoticeHandler implements IQueryHandler<GetAwardNoticeQuery> {
  constructor(private readonly tenders: TenderStreams) {}

  async execute({ tenderId }: GetAwardNoticeQuery) {
    const { state, history } = await this.tenders.loadTender(tenderId);
    if (state.stage === 'none' || state.stage === 'draft') throw tenderNotFound(tenderId);
    if (!state.award.awarded) {
      throw new ApiError(404, 'AWARD_NOT_FOUND', noAwardReason(tenderId, state), {
        tenderId,
        stage: state.stage,
      });
    }
    const notices = history
      .filter((recorded) => recorded.type === 'ContractChangeNoticePublished')
      .map((recorded) => toDomainEvent<ContractChangeNoticePublished>(recorded).data);
    return awardNotice(state, notices);
  }
}

/**
 * A bidder's own assessment summary (PA 2023 s.50): its scores and the winner's, with the reasons,
 * or why it was excluded. The latest one issued to it; `awardStands` is false once the award it went
 * with has fallen (an upheld challenge).
 */
@QueryHandler(GetAssessmentSummaryQuery)
export class GetAssessmentSummaryHandler implements IQueryHandler<GetAssessmentSummaryQuery> {
  constructor(private readonly tenders: TenderStreams) {}

  async execute({ tenderId, actor }: GetAssessmentSummaryQuery) {
    const { state, history } = await this.tenders.loadTender(tenderId);
    if (state.stage === 'none' || state.stage === 'draft') throw tenderNotFound(tenderId);
    const own = history
      .filter((recorded) => recorded.type === 'AssessmentSummaryIssued')
      .map((recorded) => toDomainEvent<AssessmentSummaryIssued>(recorded).data)
      .filter((issued) => issued.summary.supplierId === actor.organisationId);
    const latest = own[own.length - 1];
    if (!latest) {
      throw new ApiError(
        404,
        'ASSESSMENT_SUMMARY_NOT_FOUND',
        `No assessment summary has been issued to ${actor.organisationId} on tender ${tenderId}: summaries go to every bidder when an award is proposed`,
        { tenderId },
      );
    }
    return {
      tenderId,
      round: latest.round,
      issuedAt: latest.issuedAt,
      awardStands: state.award.awarded?.round === latest.round,
      summary: latest.summary,
    };
  }
}

function noAwardReason(tenderId: string, tender: TenderState): string {
  if (tender.award.pending) {
    return `The award on tender ${tenderId} is waiting for a second officer's confirmation`;
  }
  if (tender.award.unsuccessful) {
    return `Tender ${tenderId} was declared unsuccessful: ${tender.award.unsuccessful.reason}`;
  }
  if (tender.evaluation.round > 1 && tender.stage === 'evaluation') {
    return `No award stands on tender ${tenderId}: an upheld challenge sent it back to evaluation (round ${tender.evaluation.round})`;
  }
  return `No award has been made on tender ${tenderId} (stage: ${tender.stage})`;
}

function tenderNotFound(tenderId: string): DomainError {
  return new DomainError('TENDER_NOT_FOUND', `No published tender ${tenderId}`, { tenderId });
}

export const AWARD_QUERY_HANDLERS = [GetAwardNoticeHandler, GetAssessmentSummaryHandler];
