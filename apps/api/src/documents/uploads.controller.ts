import {
  Body,
  Controller,
  Delete,
  Get,
  Head,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiNoContentResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { CurrentActor, Roles } from '@fairtender/auth';
import type { Actor } from '@fairtender/domain';
import { ApiError } from '../http/api-error';
import { plain } from '../http/plain';
import { TenderId } from '../http/params';
import { DocumentUploads, type UploadStatus } from './document-uploads';
import { NewUploadDto, UploadStatusDto } from './dto';
import { UPLOAD_CONTENT_TYPE } from './upload-body';
import { ApiErrors } from '../http/api-errors';

const UploadId = new ParseUUIDPipe({ errorHttpStatusCode: 400 });

/**
 * Resumable uploads of bid documents, after tus 1.0 (creation, HEAD, PATCH at an offset): README
 * "Bid documents". A finished upload is a document a bid can name in `documentIds`.
 */
@ApiTags('bid documents')
@ApiBearerAuth()
@Controller('tenders/:tenderId/bid/documents')
export class UploadsController {
  constructor(private readonly uploads: DocumentUploads) {}

  @Post()
  @HttpCode(201)
  @Roles('supplier')
  @ApiOperation({
    operationId: 'startBidDocumentUpload',

    summary: 'Start a resumable upload of a bid document of a declared size (before the deadline)',
  })
  @ApiResponse({ status: 201, type: UploadStatusDto, description: 'Location names the upload' })
  @ApiErrors(
    'TENDERING_NOT_OPEN',
    'LATE_BID',
    'DOCUMENT_TOO_LARGE',
    'BID_DOCUMENTS_TOO_LARGE',
    'DOCUMENT_MEDIA_TYPE_NOT_ALLOWED',
  )
  async create(
    @CurrentActor() actor: Actor,
    @Param('tenderId', TenderId) tenderId: string,
    @Body() body: NewUploadDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UploadStatus> {
    const status = await this.uploads.create(actor, tenderId, plain(body));
    void reply.header('Location', `${request.url.replace(/\/$/, '')}/${status.uploadId}`);
    return withHeaders(reply, status);
  }

  @Head(':uploadId')
  @Roles('supplier')
  @ApiOperation({
    operationId: 'getBidDocumentUploadOffset',
    summary: 'Where the upload stands: Upload-Offset and Upload-Length headers',
  })
  @ApiErrors('UPLOAD_NOT_FOUND')
  @ApiResponse({ status: 200, description: 'Upload-Offset and Upload-Length headers' })
  async head(
    @CurrentActor() actor: Actor,
    @Param('tenderId', TenderId) tenderId: string,
    @Param('uploadId', UploadId) uploadId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    withHeaders(reply, await this.uploads.status(actor, tenderId, uploadId));
  }

  @Get(':uploadId')
  @Roles('supplier')
  @ApiOperation({
    operationId: 'getBidDocumentUpload',
    summary: 'The upload, and once finished the document a bid can name',
  })
  @ApiResponse({ status: 200, type: UploadStatusDto })
  @ApiErrors('UPLOAD_NOT_FOUND')
  async status(
    @CurrentActor() actor: Actor,
    @Param('tenderId', TenderId) tenderId: string,
    @Param('uploadId', UploadId) uploadId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UploadStatus> {
    return withHeaders(reply, await this.uploads.status(actor, tenderId, uploadId));
  }

  @Patch(':uploadId')
  @HttpCode(200)
  @Roles('supplier')
  @ApiOperation({
    operationId: 'appendBidDocumentUpload',

    summary:
      'Append bytes at Upload-Offset; the last byte finishes the upload (hashed, type checked by content)',
  })
  @ApiConsumes(UPLOAD_CONTENT_TYPE, 'application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiHeader({ name: 'Upload-Offset', required: true, description: 'The offset HEAD reports' })
  @ApiResponse({ status: 200, type: UploadStatusDto })
  @ApiErrors(
    'UPLOAD_NOT_FOUND',
    'UPLOAD_OFFSET_REQUIRED',
    'UPLOAD_OFFSET_MISMATCH',
    'UPLOAD_FINISHED',
    'UPLOAD_EXCEEDS_DECLARED_SIZE',
    'DOCUMENT_MEDIA_TYPE_NOT_ALLOWED',
    'DOCUMENT_CONTENT_MISMATCH',
  )
  async append(
    @CurrentActor() actor: Actor,
    @Param('tenderId', TenderId) tenderId: string,
    @Param('uploadId', UploadId) uploadId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UploadStatus> {
    const status = await this.uploads.append(
      actor,
      tenderId,
      uploadId,
      headerNumber(request.headers['upload-offset']),
      uploadBody(request.body),
      headerNumber(request.headers['content-length']),
    );
    return withHeaders(reply, status);
  }

  @Delete(':uploadId')
  @HttpCode(204)
  @Roles('supplier')
  @ApiOperation({
    operationId: 'abandonBidDocumentUpload',
    summary: 'Abandon an unfinished upload (a finished document stays)',
  })
  @ApiErrors('UPLOAD_NOT_FOUND', 'UPLOAD_FINISHED')
  @ApiNoContentResponse({ description: 'Abandoned' })
  async abandon(
    @CurrentActor() actor: Actor,
    @Param('tenderId', TenderId) tenderId: string,
    @Param('uploadId', UploadId) uploadId: string,
  ): Promise<void> {
    await this.uploads.abandon(actor, tenderId, uploadId);
  }
}

function withHeaders(reply: FastifyReply, status: UploadStatus): UploadStatus {
  void reply.header('Upload-Offset', String(status.offset));
  void reply.header('Upload-Length', String(status.sizeBytes));
  void reply.header('Cache-Control', 'no-store');
  return status;
}

function headerNumber(value: string | string[] | undefined): number | undefined {
  if (typeof value !== 'string' || !/^\d{1,16}$/.test(value)) return undefined;
  return Number(value);
}

/** The raw stream the upload parser hands over; any other body (JSON, a form) is refused. */
function uploadBody(body: unknown): AsyncIterable<Buffer> {
  if (body === undefined || body === null) return (async function* () {})();
  if (typeof (body as Readable)[Symbol.asyncIterator] === 'function') return body as Readable;
  throw new ApiError(
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    `Send the document's bytes as ${UPLOAD_CONTENT_TYPE}`,
    { expected: UPLOAD_CONTENT_TYPE },
  );
}
