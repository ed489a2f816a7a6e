import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  requireRecordReader,
  requireVisibleTender,
  type Actor,
  type ChallengeState,
} from '@fairtender/domain';
import { TenderStreams } from '../runtime/tender-streams';

/** The challenges the actor may read, in the order they were lodged. */
export class GetChallengesQuery extends Query<ChallengeState[]> {
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
    const all = Object.values(state.challenges).sort(
      (a, b) => a.lodgedAt.localeCompare(b.lodgedAt) || a.challengeId.localeCompare(b.challengeId),
    );
    if (actor.role === 'supplier') {
      // A supplier's own challenges; a draft (another organisation's, always) is no tender to it.
      requireVisibleTender(state, tenderId, actor);
      return all.filter((challenge) => challenge.supplierId === actor.organisationId);
    }
    requireRecordReader(state, tenderId, actor);
    return all;
  }
}

export const CHALLENGE_QUERY_HANDLERS = [GetChallengesHandler];
