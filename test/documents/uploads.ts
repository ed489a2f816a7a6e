/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are JSON that tests inspect freely */
import { demoUser, issueToken, type DemoUserId } from '@fairtender/auth';
import type { RunningApi } from '../support/http-api';
import { streamedBody } from './document-bytes';

/** The upload protocol as a client speaks it: create, PATCH at an offset, HEAD. */
export class UploadClient {
  constructor(
    private readonly api: RunningApi,
    private readonly user: DemoUserId,
    private readonly tenderId: string,
  ) {}

  private async auth(): Promise<Record<string, string>> {
    return {
      authorization: `Bearer ${await issueToken(this.api.config.auth, demoUser(this.user))}`,
    };
  }

  get base(): string {
    return `/tenders/${this.tenderId}/bid/documents`;
  }

  create(name: string, mediaType: string, sizeBytes: number) {
    return this.api.as(this.user).post(this.base, { name, mediaType, sizeBytes });
  }

  async patch(
    uploadId: string,
    offset: number,
    pieces: Iterable<Buffer>,
    options: { failAfter?: number; contentType?: string } = {},
  ): Promise<{ status: number; body: any; headers: Headers }> {
    const response = await fetch(`${this.api.baseUrl}${this.base}/${uploadId}`, {
      method: 'PATCH',
      headers: {
        ...(await this.auth()),
        'content-type': options.contentType ?? 'application/offset+octet-stream',
        'upload-offset': String(offset),
      },
      body: streamedBody(pieces, options.failAfter),
      duplex: 'half',
    } as RequestInit);
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : undefined,
      headers: response.headers,
    };
  }

  async head(uploadId: string): Promise<{ status: number; offset: number; length: number }> {
    const response = await fetch(`${this.api.baseUrl}${this.base}/${uploadId}`, {
      method: 'HEAD',
      headers: await this.auth(),
    });
    return {
      status: response.status,
      offset: Number(response.headers.get('upload-offset')),
      length: Number(response.headers.get('upload-length')),
    };
  }

  /** Reads an opened bid's document as `user`. */
  async download(user: DemoUserId, supplierId: string, documentId: string): Promise<Response> {
    return fetch(
      `${this.api.baseUrl}/tenders/${this.tenderId}/bids/${supplierId}/documents/${documentId}`,
      {
        headers: {
          authorization: `Bearer ${await issueToken(this.api.config.auth, demoUser(user))}`,
        },
      },
    );
  }
}
