import { Controller, Get, Inject, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { CurrentActor, Roles } from '@fairtender/auth';
import { DOCUMENT_STORE, type DocumentStore } from '@fairtender/documents';
import { bidStream, DomainError, requireRecordReader, type Actor } from '@fairtender/domain';
import { EVENT_STORE, type EventStore } from '@fairtender/event-store';
import { listedDocuments } from '@fairtender/legal';
import { TenderId } from '../http/params';
import { RefusalRecorder } from '../runtime/refusal-recorder';
import { TenderStreams } from '../runtime/tender-streams';
import { uploadErrors } from './upload-errors';
import { ApiErrors } from '../http/api-errors';

const DocumentId = new ParseUUIDPipe({ errorHttpStatusCode: 400 });

/**
 * A document of an evidence bundle, on request: its stored sealed chunks as they are, concatenated,
 * which hash to the `sealedSha256` the bundle's manifest lists. Sealed bytes, because legal and audit
 * may verify every bid but read none (README "Bid documents"); only documents of opened bids, as far as
 * `BidsOpened` committed to them.
 */
@ApiTags('legal replay')
@ApiBearerAuth()
@Controller('tenders/:tenderId/evidence/documents')
export class EvidenceDocumentsController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly tenders: TenderStreams,
    private readonly refusals: RefusalRecorder,
  ) {}

  @Get(':documentId')
  @Roles('legal', 'auditor')
  @ApiOperation({
    operationId: 'getEvidenceDocument',

    summary:
      "An opened bid document's stored sealed bytes, as the evidence manifest hashes them (sealedSha256)",
  })
  @ApiProduces('application/octet-stream')
  @ApiErrors('SEALED', 'NOT_YOUR_ORGANISATION', 'DOCUMENT_NOT_FOUND')
  @ApiOkResponse({
    description: 'The stored sealed bytes',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  async sealed(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('tenderId', TenderId) tenderId: string,
    @Param('documentId', DocumentId) documentId: string,
  ): Promise<void> {
    const { state: tender } = await this.tenders.loadTender(tenderId);
    // Legal only of the buyer, oversight of every authority, like the rest of the record.
    requireRecordReader(tender, tenderId, actor);
    if (tender.stage === 'none') throw new DomainError('TENDER_NOT_FOUND', `No tender ${tenderId}`);
    if (!tender.opening.bidStreams) {
      return this.refusals.refuseSealedRead(
        tenderId,
        actor,
        `document ${documentId}`,
        tender.stage,
        request.id,
      );
    }
    let listed = false;
    for (const head of tender.opening.bidStreams) {
      const history = await this.events.readStream(bidStream(tenderId, head.supplierId), {
        maxCount: head.revision + 1,
      });
      listed ||= history.some((event) =>
        listedDocuments(event).some((document) => document.documentId === documentId),
      );
    }
    if (!listed) throw uploadErrors.documentNotFound(documentId);
    const documents = this.documents;
    async function* chunks(): AsyncGenerator<Buffer> {
      for await (const { bytes } of documents.readChunks(documentId)) yield bytes;
    }
    await reply
      .header('Content-Type', 'application/octet-stream')
      .header('Content-Disposition', `attachment; filename="${documentId}.sealed"`)
      .header('Cache-Control', 'no-store')
      .send(Readable.from(chunks()));
  }
}
