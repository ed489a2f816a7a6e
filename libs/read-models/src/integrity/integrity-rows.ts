import type { SqlQueryable } from '@fairtender/event-store';
import {
  integrityReport,
  type IncumbentExtension,
  type IntegrityThresholds,
  type RedFlag,
  type TenderView,
} from '@fairtender/domain';
import {
  AWARD_EVENTS,
  foldIntegrity,
  foldsIntoIntegrity,
  initialIntegrityState,
} from './integrity-fold';
import { IntegrityStateStore } from './integrity-state-store';
import {
  CONTRACT_EXTENSIONS,
  DIRECT_AWARDS,
  INTEGRITY,
  RED_FLAGS,
  type ContractExtensionRow,
  type DirectAwardRow,
  type IntegrityState,
  type RedFlagRow,
} from './integrity.table';
import type { ProjectedEvent } from '../runner/projected-event';
import { snakeCase } from '../runner/row-table';
import { RowSet } from '../runner/working-set';

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The integrity projection's share of a batch: each touched tender's state is folded event by event,
 * and its report and red flags computed once, when the batch settles — a tender of 10,000 scores
 * costs one report per batch, not one per event.
 */
export class IntegrityRows {
  private readonly states = new IntegrityStateStore();
  readonly extensions = new RowSet<ContractExtensionRow>(CONTRACT_EXTENSIONS);
  readonly directAwards = new RowSet<DirectAwardRow>(DIRECT_AWARDS);
  private readonly reports = new RowSet(INTEGRITY);
  private readonly flags = new RowSet<RedFlagRow>(RED_FLAGS);
  private readonly withdrawnFlags: [string, string][] = [];
  private readonly touched = new Set<string>();

  async load(tx: SqlQueryable, events: readonly ProjectedEvent[]): Promise<void> {
    const tenderIds = [...new Set(events.filter(foldsIntoIntegrity).map((e) => e.tenderId))];
    if (tenderIds.length === 0) return;
    await this.states.load(tx, tenderIds);
    const awards = events.filter((e) => AWARD_EVENTS.has(e.type));
    if (awards.length === 0) return;
    // Awards look for the winner's extended contracts with the same buyer, on other tenders.
    const buyers = new Set<string>();
    for (const event of awards) {
      const buyer = this.states.get(event.tenderId)?.state.view.tender.buyerOrganisationId;
      if (buyer) buyers.add(buyer);
    }
    for (const event of events) {
      if (event.type === 'TenderDrafted')
        buyers.add((event.data as { buyerOrganisationId: string }).buyerOrganisationId);
    }
    const suppliers = awards.map((e) => (e.data as { supplierId: string }).supplierId);
    await this.extensions.load(
      tx,
      'buyer_organisation_id = ANY($1::text[]) AND supplier_id = ANY($2::text[])',
      [[...buyers], suppliers],
    );
    for (const event of events) {
      if (event.type === 'ProcurementOpened')
        buyers.add((event.data as { buyerOrganisationId: string }).buyerOrganisationId);
    }
    await this.directAwards.load(
      tx,
      'buyer_organisation_id = ANY($1::text[]) AND supplier_id = ANY($2::text[])',
      [[...buyers], suppliers],
    );
  }

  apply(event: ProjectedEvent): void {
    if (!foldsIntoIntegrity(event)) return;
    const state = this.states.get(event.tenderId)?.state ?? initialIntegrityState();
    const changed = foldIntegrity(
      state,
      event,
      (buyer, supplier, tenderId) => this.extendedContracts(buyer, supplier, tenderId),
      (buyer, supplier, tenderId) => this.otherDirectAwards(buyer, supplier, tenderId),
    );
    if (!changed) return;
    this.states.set(event.tenderId, state, event.positionText);
    this.touched.add(event.tenderId);
    if (event.type === 'BidScored') {
      const { evaluatorId, supplierId, criterionId } = event.data as Record<string, string>;
      this.states.scoreChanged(event.tenderId, evaluatorId, supplierId, criterionId);
    }
    if (event.type === 'ContractChangeApproved') this.recordExtension(state, event);
    if (event.type === 'AwardProposed') this.recordDirectAward(state, event);
  }

  /** Computes each touched tender's report and flags; only what changed is written. */
  settle(thresholds: IntegrityThresholds): void {
    for (const tenderId of this.touched) {
      const { state, position } = this.states.get(tenderId)!;
      const { view, contractChanges, incumbentExtensions, directAwards, writtenFlags } = state;
      const { buyerOrganisationId, stage } = view.tender;
      if (!buyerOrganisationId || stage === 'none') continue;
      // The slim view is all the report reads of a tender view (see `IntegrityView`).
      const report = integrityReport(view as TenderView, thresholds, {
        contractChanges,
        incumbentExtensions,
        directAwards: directAwards ?? [],
      });
      this.reports.put({
        tenderId,
        buyerOrganisationId,
        stage,
        report,
        redFlagCount: report.redFlags.length,
        position,
      });
      const written: Record<string, string> = {};
      for (const flag of report.redFlags) {
        const flagRow = redFlagRow(tenderId, buyerOrganisationId, flag);
        const fingerprint = JSON.stringify(flagRow);
        written[flag.key] = fingerprint;
        if (writtenFlags[flag.key] !== fingerprint) this.flags.put(flagRow);
      }
      for (const key of Object.keys(writtenFlags)) {
        if (!Object.hasOwn(written, key)) this.withdrawnFlags.push([tenderId, key]);
      }
      this.states.set(tenderId, { ...state, writtenFlags: written }, position);
    }
    this.touched.clear();
  }

  async flush(tx: SqlQueryable): Promise<number> {
    let written = await this.states.flush(tx);
    if (this.withdrawnFlags.length > 0) {
      const keys = RED_FLAGS.keyColumns.map(snakeCase).join(', ');
      await tx.query(
        `DELETE FROM ${RED_FLAGS.table} WHERE (${keys}) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
        [this.withdrawnFlags.map(([t]) => t), this.withdrawnFlags.map(([, k]) => k)],
      );
      written += this.withdrawnFlags.length;
    }
    for (const rows of [
      this.reports,
      this.flags,
      this.extensions,
      this.directAwards,
    ] as RowSet<unknown>[])
      written += await rows.flush(tx);
    return written;
  }

  private extendedContracts(buyer: string, supplier: string, tenderId: string) {
    return this.extensions
      .filter(
        (e) =>
          e.buyerOrganisationId === buyer && e.supplierId === supplier && e.tenderId !== tenderId,
      )
      .sort(
        (a, b) => compareText(a.approvedAt, b.approvedAt) || compareText(a.tenderId, b.tenderId),
      )
      .map((e): IncumbentExtension => ({
        tenderId: e.tenderId,
        contractId: e.contractId,
        changeId: e.changeId,
        kind: 'extension',
        addedMonths: e.addedMonths,
        approvedAt: e.approvedAt,
      }));
  }

  /** An approved extension, which a later award of the same buyer to the same supplier is checked against. */
  private otherDirectAwards(buyer: string, supplier: string, tenderId: string) {
    return this.directAwards
      .filter(
        (d) =>
          d.buyerOrganisationId === buyer && d.supplierId === supplier && d.tenderId !== tenderId,
      )
      .map(({ tenderId: other, supplierId, ground, awardedAt }) => ({
        tenderId: other,
        supplierId,
        ground,
        awardedAt,
      }));
  }

  /** A direct award (either route) is recorded for the buyer's later awards to the same supplier. */
  private recordDirectAward(state: IntegrityState, event: ProjectedEvent): void {
    const award = state.view.tender.award.awarded;
    const buyerOrganisationId = state.view.tender.buyerOrganisationId;
    if (!award || !buyerOrganisationId || !award.departures.includes('direct-award')) return;
    this.directAwards.put({
      tenderId: event.tenderId,
      buyerOrganisationId,
      supplierId: award.supplierId,
      ground: award.directAward?.ground ?? null,
      awardedAt: award.proposedAt,
      position: event.positionText,
    });
  }

  private recordExtension(state: IntegrityState, event: ProjectedEvent): void {
    const { changeId, approvedAt } = event.data as { changeId: string; approvedAt: string };
    const { contract, buyerOrganisationId } = state.view.tender;
    const change =
      contract && Object.hasOwn(contract.changes, changeId)
        ? contract.changes[changeId]
        : undefined;
    if (!contract || !change || change.kind !== 'extension' || !buyerOrganisationId) return;
    this.extensions.put({
      tenderId: event.tenderId,
      changeId,
      buyerOrganisationId,
      supplierId: contract.supplierId,
      contractId: contract.contractId,
      addedMonths: change.addedMonths,
      approvedAt,
      position: event.positionText,
    });
  }
}

function redFlagRow(tenderId: string, buyerOrganisationId: string, flag: RedFlag): RedFlagRow {
  return {
    tenderId,
    flagKey: flag.key,
    code: flag.code,
    title: flag.title,
    evidence: flag.evidence,
    raisedAt: flag.raisedAt,
    buyerOrganisationId,
    supplierId: flag.supplierId ?? null,
  };
}
