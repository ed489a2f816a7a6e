import { Controller, Get, Inject, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { CurrentActor, Roles } from '@fairtender/auth';
import { DOCUMENT_STORE, openDocument, type DocumentStore } from '@fairtender/documents';
import { isDocumentReference, type Actor } from '@fairtender/domain';
import { ApiError } from '../http/api-error';
import { BidSealing } from '../bidding/bid-sealing';
import { TenderId } from '../http/params';
import { TenderStreams } from '../runtime/tender-streams';
import { BidContentReader } from '../bidding/bid-content';
import { uploadErrors } from './upload-errors';
import { ApiErrors } from '../http/api-errors';

const SUPPLIER_ID = /^[A-Za-z0-9_-]{1,64}$/;
const DocumentId = new ParseUUIDPipe({ errorHttpStatusCode: 400 });

/**
 * An opened bid's document. Access is exactly the bid content's: the document must be named in the
 * content `BidContentReader` opens (refused with SEALED and recorded before opening, by whoever asks),
 * so whatever rule governs bid content governs its documents.
 */
@ApiTags('bids')
@ApiBearerAuth()
@Controller('tenders/:tenderId/bids/:supplierId/documents')
export class OpenedDocumentsController {
  constructor(
    private readonly reader: BidContentReader,
    private readonly tenders: TenderStreams,
    private readonly sealing: BidSealing,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
  ) {}

  @Get(':documentId')
  @Roles('officer', 'evaluator')
  @ApiOperation({
    operationId: 'getBidDocument',

    summary:
      "An opened bid's document, streamed and checked against its SHA-256; SEALED (recorded) before opening",
  })
  @ApiProduces('application/octet-stream')
  @ApiErrors(
    'SEALED',
    'NOT_YOUR_ORGANISATION',
    'NOT_ON_PANEL',
    'PANEL_MEMBERSHIP_NOT_ACCEPTED',
    'CONFLICTED_FROM_BID',
    'BID_NOT_FOUND',
    'DOCUMENT_NOT_FOUND',
  )
  @ApiOkResponse({
    description: 'The document, as uploaded',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  async read(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('tenderId', TenderId) tenderId: string,
    @Param('supplierId') supplierId: string,
    @Param('documentId', DocumentId) documentId: string,
  ): Promise<void> {
    if (!SUPPLIER_ID.test(supplierId)) {
      throw new ApiError(400, 'INVALID_PARAMETER', 'supplierId is not a supplier id', {
        parameter: 'supplierId',
      });
    }
    const bid = await this.reader.read(tenderId, supplierId, actor, request.id);
    const reference = bid.content.documents
      .filter(isDocumentReference)
      .find((document) => document.documentId === documentId);
    if (!reference) throw uploadErrors.documentNotFound(documentId);
    const { state: tender } = await this.tenders.loadTender(tenderId);
    const owner = { tenderId, supplierId, uploadId: documentId };
    const plaintext = openDocument(
      this.store.readChunks(documentId),
      this.sealing.documentKey(tender),
      owner,
      reference.sizeBytes,
      reference.sha256,
    );
    // A chunk that fails its check ends the stream early: the client sees fewer bytes than
    // Content-Length, never altered ones.
    await reply
      .header('Content-Type', reference.mediaType)
      .header('Content-Length', String(reference.sizeBytes))
      .header(
        'Content-Disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(reference.name)}`,
      )
      .header('Repr-Digest', `sha-256=:${Buffer.from(reference.sha256, 'hex').toString('base64')}:`)
      .send(Readable.from(plaintext));
  }
}
