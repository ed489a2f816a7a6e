import type { Migration } from '@fairtender/event-store';

/**
 * Competition integrity (docs/integrity.md): each tender's report and red flags, the state they are computed
 * from, and the approved contract extensions a later award by the same buyer is checked against.
 */
export const INTEGRITY_MIGRATION: Migration = {
  id: 1200,
  name: 'read models: competition-integrity reports, red flags, contract extensions',
  sql: /* sql */ `
CREATE TABLE rm_integrity_states (
  tender_id  text PRIMARY KEY,
  -- The tender view folded from its streams (never a bid's sealed content), and what the view does
  -- not keep: change flags as approved, the winner's extended contracts, the flags last written.
  state      jsonb NOT NULL,
  position   text NOT NULL
);

CREATE TABLE rm_integrity (
  tender_id              text PRIMARY KEY,
  buyer_organisation_id  text NOT NULL,
  stage                  text NOT NULL,
  report                 jsonb NOT NULL,
  red_flag_count         integer NOT NULL,
  -- "<commit>-<prepare>": the last event that changed the report.
  position               text NOT NULL
);
CREATE INDEX rm_integrity_buyer ON rm_integrity (buyer_organisation_id);

CREATE TABLE rm_red_flags (
  tender_id              text NOT NULL,
  -- The code, and for a flag raised more than once on a tender what tells them apart.
  flag_key               text NOT NULL,
  code                   text NOT NULL,
  title                  text NOT NULL,
  evidence               jsonb NOT NULL,
  raised_at              timestamptz NOT NULL,
  buyer_organisation_id  text NOT NULL,
  supplier_id            text,
  PRIMARY KEY (tender_id, flag_key)
);
CREATE INDEX rm_red_flags_listing ON rm_red_flags (raised_at DESC, tender_id, flag_key);
CREATE INDEX rm_red_flags_code ON rm_red_flags (code, raised_at DESC);
CREATE INDEX rm_red_flags_buyer ON rm_red_flags (buyer_organisation_id, raised_at DESC);
CREATE INDEX rm_red_flags_supplier ON rm_red_flags (supplier_id, raised_at DESC);

CREATE TABLE rm_contract_extensions (
  tender_id              text NOT NULL,
  change_id              text NOT NULL,
  buyer_organisation_id  text NOT NULL,
  supplier_id            text NOT NULL,
  contract_id            text NOT NULL,
  added_months           integer NOT NULL,
  approved_at            timestamptz NOT NULL,
  position               text NOT NULL,
  PRIMARY KEY (tender_id, change_id)
);
CREATE INDEX rm_contract_extensions_pair ON rm_contract_extensions (buyer_organisation_id, supplier_id);
`,
};

/**
 * Scores get rows of their own: a batch then writes the scores it changed, not a 10,000-score
 * tender's megabytes of justifications inside its state again. Scores already in states move out.
 */
export const INTEGRITY_SCORES_MIGRATION: Migration = {
  id: 1201,
  name: 'read models: competition-integrity scores out of the tender states',
  sql: /* sql */ `
CREATE TABLE rm_integrity_scores (
  tender_id      text NOT NULL,
  evaluator_id   text NOT NULL,
  supplier_id    text NOT NULL,
  criterion_id   text NOT NULL,
  score          double precision NOT NULL,
  justification  text NOT NULL,
  scored_at      text NOT NULL,
  PRIMARY KEY (tender_id, evaluator_id, supplier_id, criterion_id)
);

INSERT INTO rm_integrity_scores
SELECT s.tender_id, sheet.key, bid.key, criterion.key, (criterion.value ->> 'score')::double precision,
       criterion.value ->> 'justification', criterion.value ->> 'scoredAt'
  FROM rm_integrity_states s,
       jsonb_each(s.state -> 'view' -> 'sheets') sheet,
       jsonb_each(sheet.value -> 'scores') bid,
       jsonb_each(bid.value) criterion;

UPDATE rm_integrity_states s
   SET state = jsonb_set(s.state, '{view,sheets}', (
         SELECT jsonb_object_agg(sheet.key, sheet.value || '{"scores": {}}'::jsonb)
           FROM jsonb_each(s.state -> 'view' -> 'sheets') sheet))
 WHERE s.state -> 'view' -> 'sheets' <> '{}'::jsonb;
`,
};

/**
 * States keep only what `integrityReport` reads: of a bid its status and time of receipt, of the
 * opened bid streams their suppliers (not stream names, revisions or hashes) — a tender's state is
 * rewritten at every batch that touches it, and was mostly what the report never looked at. States
 * already stored are slimmed here, to exactly what the projection now writes, so a live database
 * carries on from its checkpoint and equals a rebuild.
 */
export const INTEGRITY_SLIM_STATES_MIGRATION: Migration = {
  id: 1202,
  name: 'read models: competition-integrity states slimmed to what the report reads',
  sql: /* sql */ `
UPDATE rm_integrity_states s
   SET state = jsonb_set(s.state, '{view,bids}', (
         SELECT coalesce(jsonb_object_agg(bid.key, jsonb_strip_nulls(jsonb_build_object(
                  'status', bid.value -> 'status', 'receivedAt', bid.value -> 'receivedAt'))),
                '{}'::jsonb)
           FROM jsonb_each(s.state -> 'view' -> 'bids') bid))
 WHERE jsonb_typeof(s.state -> 'view' -> 'bids') = 'object';

UPDATE rm_integrity_states s
   SET state = jsonb_set(s.state, '{view,tender,openedBidStreams}', (
         SELECT coalesce(jsonb_agg(jsonb_build_object('supplierId', head.value -> 'supplierId')
                                   ORDER BY head.n), '[]'::jsonb)
           FROM jsonb_array_elements(s.state -> 'view' -> 'tender' -> 'openedBidStreams')
                WITH ORDINALITY AS head(value, n)))
 WHERE jsonb_typeof(s.state -> 'view' -> 'tender' -> 'openedBidStreams') = 'array';
`,
};

/** Each tender's direct award (issue 14): the buyer's later direct awards to the same supplier are flagged. */
export const DIRECT_AWARDS_MIGRATION: Migration = {
  id: 1401,
  name: 'read models: direct awards per buyer and supplier (FT-REPEATED-DIRECT-AWARD)',
  sql: /* sql */ `
CREATE TABLE rm_direct_awards (
  tender_id              text PRIMARY KEY,
  buyer_organisation_id  text NOT NULL,
  supplier_id            text NOT NULL,
  ground                 text,
  awarded_at             timestamptz NOT NULL,
  position               text NOT NULL
);
CREATE INDEX rm_direct_awards_pair ON rm_direct_awards (buyer_organisation_id, supplier_id);`,
};
