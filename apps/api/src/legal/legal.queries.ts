import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@fairtender/domain';
import {
  LegalReplay,
  parseCursor,
  parseMoment,
  ReplayError,
  type HistoryPage,
  type Moment,
  type TenderDiff,
  type TenderStateView,
  type VerificationReport,
} from '@fairtender/legal';
import type { DiffQueryDto, HistoryQueryDto, StateQueryDto } from './dto/legal-queries.dto';

/** Who asks, and the request id their look is recorded under. */
interface Caller {
  actor: Actor;
  correlationId: string;
}

export class GetTenderHistoryQuery extends Query<HistoryPage> {
  constructor(
    readonly tenderId: string,
    readonly query: HistoryQueryDto,
    readonly caller: Caller,
  ) {
    super();
  }
}

export class GetTenderStateQuery extends Query<TenderStateView> {
  constructor(
    readonly tenderId: string,
    readonly query: StateQueryDto,
    readonly caller: Caller,
  ) {
    super();
  }
}

export class GetTenderDiffQuery extends Query<TenderDiff> {
  constructor(
    readonly tenderId: string,
    readonly query: DiffQueryDto,
    readonly caller: Caller,
  ) {
    super();
  }
}

export class VerifyTenderQuery extends Query<VerificationReport> {
  constructor(
    readonly tenderId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}

@QueryHandler(GetTenderHistoryQuery)
export class GetTenderHistoryHandler implements IQueryHandler<GetTenderHistoryQuery> {
  constructor(private readonly replay: LegalReplay) {}

  execute({ tenderId, query, caller }: GetTenderHistoryQuery) {
    const asked = Object.fromEntries(
      Object.entries(query)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => [key, String(value)]),
    );
    return this.replay.history(
      tenderId,
      {
        after: query.cursor === undefined ? undefined : parseCursor(query.cursor),
        limit: query.limit,
        stream: query.stream,
        kind: query.kind,
        types: query.type?.split(','),
        actor: query.actor,
        from: query.from === undefined ? undefined : new Date(query.from),
        to: query.to === undefined ? undefined : new Date(query.to),
      },
      caller,
      asked,
    );
  }
}

@QueryHandler(GetTenderStateQuery)
export class GetTenderStateHandler implements IQueryHandler<GetTenderStateQuery> {
  constructor(private readonly replay: LegalReplay) {}

  execute({ tenderId, query, caller }: GetTenderStateQuery) {
    return this.replay.state(tenderId, momentOf(query), caller);
  }
}

@QueryHandler(GetTenderDiffQuery)
export class GetTenderDiffHandler implements IQueryHandler<GetTenderDiffQuery> {
  constructor(private readonly replay: LegalReplay) {}

  execute({ tenderId, query, caller }: GetTenderDiffQuery) {
    return this.replay.diff(
      tenderId,
      parseMoment(query.from, 'from'),
      parseMoment(query.to, 'to'),
      caller,
    );
  }
}

@QueryHandler(VerifyTenderQuery)
export class VerifyTenderHandler implements IQueryHandler<VerifyTenderQuery> {
  constructor(private readonly replay: LegalReplay) {}

  execute({ tenderId, caller }: VerifyTenderQuery) {
    return this.replay.verify(tenderId, caller);
  }
}

/** `at` (a time or a position) or `position`, at most one of them; neither is the present. */
function momentOf({ at, position }: StateQueryDto): Moment {
  if (at === undefined && position === undefined) return { kind: 'now' };
  if (at !== undefined && position !== undefined) {
    throw new ReplayError(
      'INVALID_MOMENT',
      'Give at most one of at=<ISO time or position> and position=<commit>-<prepare>',
      { parameters: ['at', 'position'] },
    );
  }
  if (position !== undefined) {
    const moment = parseMoment(position, 'position');
    if (moment.kind !== 'position') {
      throw new ReplayError(
        'INVALID_MOMENT',
        `position must look like 1234-5678; got "${position}"`,
        {
          parameter: 'position',
          value: position,
        },
      );
    }
    return moment;
  }
  return parseMoment(at!, 'at');
}

export const LEGAL_QUERY_HANDLERS = [
  GetTenderHistoryHandler,
  GetTenderStateHandler,
  GetTenderDiffHandler,
  VerifyTenderHandler,
];
