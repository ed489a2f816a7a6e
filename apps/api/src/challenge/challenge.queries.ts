import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  requireRecordReader,
  requireVisibleTender,
  type Actor,
  type ChallengeState,
} from '@fairtender/domain';
import { TenderStreams } from '../runtime/tender-streams';

export class GetChallengesQuery extends Query<{ tenderId: string; challenges: ChallengeState[] }> {
  constructor(
    readonly tenderId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** Officers of the buyer, legal and oversight read every challenge; a supplier reads its own. */
@QueryHandler(GetChallengesQuery)
export class GetChallengesHandler implements IQueryHandler<GetChallengesQuery> {
  constructor(private readonly tenders: TenderStreams) {}

  async execute({ tenderId, actor }: GetChallengesQuery) {
    const { state } = await this.tenders.loadTender(tenderId);
    const all = Object.values(state.challenges).sort((a, b) =>
      a.lodgedAt.localeCompare(b.lodgedAt),
    );
    if (actor.role === 'supplier') {
      // A supplier's own challenges; a draft (another organisation's, always) is no tender to it.
      requireVisibleTender(state, tenderId, actor);
      return {
        tenderId,
        challenges: all.filter((challenge) => challenge.supplierId === actor.organisationId),
      };
    }
    requireRecordReader(state, tenderId, actor);
    return { tenderId, challenges: all };
  }
}

export const CHALLENGE_QUERY_HANDLERS = [GetChallengesHandler];
