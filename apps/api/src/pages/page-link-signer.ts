import { Injectable } from '@nestjs/common';
import { AppConfig } from '@fairtender/config';
import type { EvidencePage } from '@fairtender/domain';
import { ApiError } from '../http/api-error';
import {
  PageLinkError,
  derivePageLinkKey,
  signPageLink,
  verifyPageLink,
  type PageLinkClaims,
} from './page-link';

/** Signs and checks page links with the key derived from this deployment's sealing master key. */
@Injectable()
export class PageLinkSigner {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = derivePageLinkKey(config.sealing.masterKey);
  }

  sign(claims: PageLinkClaims): string {
    return signPageLink(this.key, claims);
  }

  /** The link's claims, or a 401 `LINK_INVALID` / `LINK_EXPIRED`. */
  verify(
    token: string | undefined,
    expected: { tenderId: string; page: EvidencePage; now: number },
  ) {
    if (!token)
      throw new ApiError(
        401,
        'LINK_INVALID',
        'This page opens only through a link issued by POST /tenders/{tenderId}/evidence/links',
        {},
      );
    try {
      return verifyPageLink(this.key, token, expected);
    } catch (error) {
      if (error instanceof PageLinkError) throw new ApiError(401, error.code, error.message, {});
      throw error;
    }
  }
}
