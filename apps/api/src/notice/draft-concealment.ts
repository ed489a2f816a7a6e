import { Injectable } from '@nestjs/common';
import { isDomainError, isHiddenFrom, tenderNotFound, type Actor } from '@fairtender/domain';
import type { ApiErrorBody } from '../http/api-error';
import { TenderStreams } from '../runtime/tender-streams';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A draft is no tender to anyone outside its buyer and oversight (issue 17 finding 5): whatever a
 * route under `/tenders/:tenderId` would refuse them with, they get exactly the answer an unknown id
 * gets. So that the two cannot be told apart, every `TENDER_NOT_FOUND` on such a route has one body.
 * Only the tender's own decisions (domain errors) are looked at: what is refused before a tender is
 * read — authentication, a route's roles, a malformed body — answers the same for any id already.
 * No route answers an outsider with a draft's content (the domain's read rules hide drafts too);
 * this is the net under every refusal.
 */
@Injectable()
export class DraftConcealment {
  constructor(private readonly tenders: TenderStreams) {}

  async answer(
    params: Record<string, string>,
    actor: Actor | undefined,
    exception: unknown,
    [status, body]: [number, ApiErrorBody],
  ): Promise<[number, ApiErrorBody]> {
    const tenderId = params.tenderId;
    if (status < 400 || status >= 500 || !tenderId || !UUID.test(tenderId)) return [status, body];
    if (body.code !== 'TENDER_NOT_FOUND') {
      if (!isDomainError(exception)) return [status, body];
      const { state } = await this.tenders.loadTender(tenderId);
      if (!isHiddenFrom(state, actor)) return [status, body];
    }
    const notFound = tenderNotFound(tenderId);
    return [404, { code: notFound.code, message: notFound.message, details: notFound.details }];
  }
}
