import type { PublicationState, ReleaseBody } from '@fairtender/publication';
import type { TableSpec } from '../runner/row-table';

/** rm_ocds_tenders: publication's state of one tender (never served; releases are). */
export interface OcdsTenderRow {
  tenderId: string;
  state: PublicationState;
}

/** rm_ocds_releases: one OCDS release, without its ocid. */
export interface OcdsReleaseRow {
  tenderId: string;
  releaseKey: string;
  ordinal: number;
  /** The release's event's global position (bigints, written as text). */
  commitPosition: string;
  preparePosition: string;
  releaseDate: string;
  tags: string[];
  release: ReleaseBody;
}

export const OCDS_TENDERS: TableSpec<OcdsTenderRow> = {
  table: 'rm_ocds_tenders',
  columns: ['tenderId', 'state'],
  keyColumns: ['tenderId'],
  timeColumns: [],
};

export const OCDS_RELEASES: TableSpec<OcdsReleaseRow> = {
  table: 'rm_ocds_releases',
  columns: [
    'tenderId',
    'releaseKey',
    'ordinal',
    'commitPosition',
    'preparePosition',
    'releaseDate',
    'tags',
    'release',
  ],
  keyColumns: ['tenderId', 'releaseKey'],
  timeColumns: ['releaseDate'],
  insertOnly: true,
};
