import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AppConfig } from '@fairtender/config';
import { DomainError } from '@fairtender/domain';
import {
  ocidOf,
  publishRelease,
  recordPackage,
  releasePackage,
  type OcdsRelease,
  type RecordPackage,
  type ReleasePackage,
} from '@fairtender/publication';
import {
  decodeFeedCursor,
  encodeFeedCursor,
  OcdsQueries,
  type StoredOcdsRelease,
} from '@fairtender/read-models';

/** Where the package says it lives: the path and query asked, under the public base URL. */
export interface PackageAddress {
  baseUrl: string;
  path: string;
}

export class GetTenderReleasePackageQuery extends Query<ReleasePackage> {
  constructor(
    readonly tenderId: string,
    readonly address: PackageAddress,
  ) {
    super();
  }
}

export class GetTenderRecordPackageQuery extends Query<RecordPackage> {
  constructor(
    readonly tenderId: string,
    readonly address: PackageAddress,
  ) {
    super();
  }
}

/** A page of the feed, or undefined when nothing lies after the cursor yet. */
export class GetReleaseFeedQuery extends Query<ReleasePackage | undefined> {
  constructor(
    readonly options: { since?: string; cursor?: string; limit: number },
    readonly address: PackageAddress,
  ) {
    super();
  }
}

function published(config: AppConfig, stored: StoredOcdsRelease): OcdsRelease {
  return publishRelease(stored.release, ocidOf(config.publication.ocidPrefix, stored.tenderId));
}

async function tenderReleases(queries: OcdsQueries, config: AppConfig, tenderId: string) {
  const stored = await queries.tenderReleases(tenderId);
  // A draft is not published: to the public it does not exist, like a tender that never was.
  if (stored.length === 0) {
    throw new DomainError('TENDER_NOT_FOUND', `No published tender ${tenderId}`, { tenderId });
  }
  return stored.map((release) => published(config, release));
}

const metadata = (config: AppConfig, { baseUrl, path }: PackageAddress) => ({
  uri: `${baseUrl}${path}`,
  publisher: config.publication.publisher,
});

@QueryHandler(GetTenderReleasePackageQuery)
export class GetTenderReleasePackageHandler implements IQueryHandler<GetTenderReleasePackageQuery> {
  constructor(
    private readonly queries: OcdsQueries,
    private readonly config: AppConfig,
  ) {}

  async execute({ tenderId, address }: GetTenderReleasePackageQuery) {
    const releases = await tenderReleases(this.queries, this.config, tenderId);
    return releasePackage(releases, metadata(this.config, address));
  }
}

@QueryHandler(GetTenderRecordPackageQuery)
export class GetTenderRecordPackageHandler implements IQueryHandler<GetTenderRecordPackageQuery> {
  constructor(
    private readonly queries: OcdsQueries,
    private readonly config: AppConfig,
  ) {}

  async execute({ tenderId, address }: GetTenderRecordPackageQuery) {
    const releases = await tenderReleases(this.queries, this.config, tenderId);
    return recordPackage(releases, metadata(this.config, address));
  }
}

@QueryHandler(GetReleaseFeedQuery)
export class GetReleaseFeedHandler implements IQueryHandler<GetReleaseFeedQuery> {
  constructor(
    private readonly queries: OcdsQueries,
    private readonly config: AppConfig,
  ) {}

  async execute({ options, address }: GetReleaseFeedQuery) {
    const after = options.cursor === undefined ? undefined : decodeFeedCursor(options.cursor);
    const page = await this.queries.feed({ since: options.since, after, limit: options.limit });
    if (page.items.length === 0) return undefined;
    // The next link always points past this page: followed later, it returns what was published since.
    const next = new URLSearchParams({
      ...(options.since ? { since: options.since } : {}),
      cursor: encodeFeedCursor(page.items.at(-1)!.position),
      limit: String(options.limit),
    });
    return releasePackage(
      page.items.map((stored) => published(this.config, stored)),
      metadata(this.config, address),
      `${address.baseUrl}/ocds/releases?${next.toString()}`,
    );
  }
}

export const OCDS_QUERY_HANDLERS = [
  GetTenderReleasePackageHandler,
  GetTenderRecordPackageHandler,
  GetReleaseFeedHandler,
];
