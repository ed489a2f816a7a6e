import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { requireRecordReader, type Actor } from '@fairtender/domain';
import { TenderStreams } from '../runtime/tender-streams';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Legal replay reads a tender's whole record: `legal` only of its own authority's tenders,
 * oversight of every authority's (issue 12 finding 8). Runs after the roles guard, before the look
 * is recorded; a refusal is recorded by the exception filter like any other.
 */
@Injectable()
export class RecordReaderGuard implements CanActivate {
  constructor(private readonly tenders: TenderStreams) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const { tenderId } = request.params as { tenderId: string };
    if (!UUID.test(tenderId)) return true; // the route's TenderId pipe refuses it next
    const { state } = await this.tenders.loadTender(tenderId);
    requireRecordReader(state, tenderId, request.actor!);
    return true;
  }
}
