import type { Migration } from '@fairtender/event-store';

/**
 * Publication (OCDS): the releases of every published tender, and the state they are folded from.
 * Release rows hold no ocid: the prefix is configuration, added when a release is served.
 */
export const OCDS_MIGRATION: Migration = {
  id: 1100,
  name: 'read models: OCDS releases and publication state',
  sql: /* sql */ `
CREATE TABLE rm_ocds_tenders (
  tender_id  text PRIMARY KEY,
  -- PublicationState (libs/publication): includes sealed bid facts, never served as such.
  state      jsonb NOT NULL
);

CREATE TABLE rm_ocds_releases (
  tender_id         text NOT NULL,
  -- The id of the event that made the release; published as <ocid>-<release_key>.
  release_key       text NOT NULL,
  -- 1, 2, 3, … within the tender, in the order of the log.
  ordinal           integer NOT NULL,
  commit_position   bigint NOT NULL,
  prepare_position  bigint NOT NULL,
  release_date      timestamptz NOT NULL,
  tags              jsonb NOT NULL,
  release           jsonb NOT NULL,
  PRIMARY KEY (tender_id, release_key),
  UNIQUE (tender_id, ordinal)
);
-- The feed: every release in the order of the log, resumable after any position.
CREATE INDEX rm_ocds_releases_feed ON rm_ocds_releases (commit_position, prepare_position);
CREATE INDEX rm_ocds_releases_date ON rm_ocds_releases (release_date);
`,
};
