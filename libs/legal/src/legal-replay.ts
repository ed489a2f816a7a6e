import { randomUUID } from 'node:crypto';
import {
  currentVersion,
  type Actor,
  type AuditEvent,
  type EvidenceLinkIssued,
  type EvidencePageViewed,
} from '@fairtender/domain';
import type { DocumentStore } from '@fairtender/documents';
import type { EventStore } from '@fairtender/event-store';
import { BUNDLE_FORMAT, exportBundle, type BundlePart } from './bundle';
import { diffStates, type TenderDiff } from './diff';
import { readHistory, type HistoryPage, type HistoryQuery } from './history';
import type { Moment } from './moment';
import { TenderFold } from './replay';
import { SealingPolicy } from './sealing';
import { stateView, type TenderStateView } from './state-view';
import { auditStream, loadExistingTender, readTenderLog, STATE_FOLD_OMISSIONS } from './tender-log';
import { renderTimeline } from './timeline';
import { DEFAULT_TIME_ZONE } from './pages/local-time';
import { verifyTender, type VerificationReport } from './verify';
import type { HistoryEntry } from './history';

/** Who is looking, and the request it came with. */
export interface ReplayCaller {
  actor: Actor;
  correlationId?: string;
}

export interface LegalReplayOptions {
  /** Where the look came from, recorded with it. */
  via: 'api' | 'cli';
  /** The server's clock. */
  now?: () => Date;
  newEventId?: () => string;
  /** Where bid documents are kept, so verification checks them too. */
  documents?: DocumentStore;
}

/**
 * Legal replay of one tender — history, state at a moment, difference, verification, evidence —
 * each look recorded in `tender-<id>.audit` before its answer is returned (docs/legal-replay.md). Used by the
 * API and the command line alike; nothing here knows about HTTP.
 */
export class LegalReplay {
  private readonly now: () => Date;
  private readonly newEventId: () => string;

  constructor(
    private readonly store: EventStore,
    private readonly options: LegalReplayOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.newEventId = options.newEventId ?? randomUUID;
  }

  async history(
    tenderId: string,
    query: HistoryQuery,
    caller: ReplayCaller,
    asked: Record<string, string> = {},
  ): Promise<HistoryPage> {
    const page = await readHistory(this.store, tenderId, query);
    await this.record(tenderId, caller, {
      type: 'TenderHistoryViewed',
      data: {
        tenderId,
        viewedAt: this.now().toISOString(),
        via: this.options.via,
        query: asked,
        // The audit event's schema (TenderHistoryViewed v1) keeps its own name for the count.
        entries: page.items.length,
        lastPosition: page.items.at(-1)?.position ?? null,
      },
    });
    return page;
  }

  async state(tenderId: string, moment: Moment, caller: ReplayCaller): Promise<TenderStateView> {
    const [view] = await replayStates(this.store, tenderId, [moment]);
    await this.recordStateViewed(tenderId, 'state', [view], caller);
    return view;
  }

  async diff(
    tenderId: string,
    from: Moment,
    to: Moment,
    caller: ReplayCaller,
  ): Promise<TenderDiff> {
    const [before, after] = await replayStates(this.store, tenderId, [from, to]);
    await this.recordStateViewed(tenderId, 'diff', [before, after], caller);
    return diffStates(before, after);
  }

  async verify(tenderId: string, caller: ReplayCaller): Promise<VerificationReport> {
    const report = await verifyTender(this.store, tenderId, this.options.documents);
    const first = report.firstBreak;
    await this.record(tenderId, caller, {
      type: 'TenderIntegrityVerified',
      data: {
        tenderId,
        verifiedAt: this.now().toISOString(),
        via: this.options.via,
        intact: report.intact,
        eventsChecked: report.eventsChecked,
        upTo: report.upTo,
        firstBreak: first && {
          streamName: first.streamName,
          revision: first.revision,
          reason: first.reason,
          expectedHash: first.expectedHash,
          actualHash: first.actualHash,
        },
      },
    });
    return report;
  }

  /**
   * The evidence bundle, part by part. The export is recorded once it ends: completed, or cut short
   * (the client went away) — either way, what was sent is on record.
   */
  async *evidence(
    tenderId: string,
    caller: ReplayCaller,
    format = BUNDLE_FORMAT,
  ): AsyncGenerator<BundlePart> {
    const exportedAt = this.now();
    const parts = exportBundle(this.store, tenderId, { exporter: caller.actor, exportedAt });
    const first = await parts.next();
    let sent = 0;
    let completed: { upTo: string | null; eventsSha256: string } | undefined;
    try {
      for (let next = first; !next.done; next = await parts.next()) {
        const part = next.value;
        if (part.kind === 'manifest') {
          completed = { upTo: part.manifest.upTo, eventsSha256: part.manifest.eventsSha256 };
        } else sent += 1;
        yield part;
      }
    } finally {
      await this.record(tenderId, caller, {
        type: 'EvidenceBundleExported',
        data: {
          tenderId,
          exportedAt: exportedAt.toISOString(),
          via: this.options.via,
          format,
          completed: completed !== undefined,
          eventCount: sent,
          upTo: completed?.upTo ?? null,
          eventsSha256: completed?.eventsSha256 ?? null,
        },
      });
    }
  }

  /**
   * The bundle's HTML timeline alone, its chains verified for the verdict at the top; recorded as an
   * export (its lines not kept).
   */
  async timeline(
    tenderId: string,
    caller: ReplayCaller,
    timeZone = DEFAULT_TIME_ZONE,
  ): Promise<string> {
    const page = await this.timelineRecord(tenderId, caller, timeZone);
    await this.record(tenderId, caller, {
      type: 'EvidenceBundleExported',
      data: {
        tenderId,
        exportedAt: page.manifest.exportedAt,
        via: this.options.via,
        format: `${BUNDLE_FORMAT}+timeline.html`,
        completed: true,
        eventCount: page.manifest.eventCount,
        upTo: page.manifest.upTo,
        eventsSha256: page.manifest.eventsSha256,
      },
    });
    return page.html;
  }

  /** The timeline opened through a signed link (docs/pages.md), recorded as that link's view. */
  async timelinePage(
    tenderId: string,
    caller: ReplayCaller,
    link: { linkId: string; timeZone: string },
  ): Promise<string> {
    const page = await this.timelineRecord(tenderId, caller, link.timeZone);
    await this.pageViewed(tenderId, caller, {
      linkId: link.linkId,
      page: 'timeline',
      eventCount: page.manifest.eventCount,
      upTo: page.manifest.upTo,
      intact: page.verification.intact,
    });
    return page.html;
  }

  /** A signed link to one of the tender's pages was issued (docs/pages.md). */
  linkIssued(
    tenderId: string,
    caller: ReplayCaller,
    link: Omit<EvidenceLinkIssued['data'], 'tenderId'>,
  ): Promise<void> {
    return this.record(tenderId, caller, {
      type: 'EvidenceLinkIssued',
      data: { tenderId, ...link },
    });
  }

  /** A page was opened through a signed link; the caller is the link's issuer. */
  pageViewed(
    tenderId: string,
    caller: ReplayCaller,
    view: Omit<EvidencePageViewed['data'], 'tenderId' | 'viewedAt'>,
  ): Promise<void> {
    return this.record(tenderId, caller, {
      type: 'EvidencePageViewed',
      data: { tenderId, viewedAt: this.now().toISOString(), ...view },
    });
  }

  private async timelineRecord(tenderId: string, caller: ReplayCaller, timeZone: string) {
    const verification = await verifyTender(this.store, tenderId, this.options.documents);
    const renderedAt = this.now();
    const entries: HistoryEntry[] = [];
    for await (const part of exportBundle(this.store, tenderId, {
      exporter: caller.actor,
      exportedAt: renderedAt,
    })) {
      if (part.kind === 'event') entries.push(part.entry);
      else {
        const html = renderTimeline(part.manifest, entries, {
          timeZone,
          verification,
          renderedAt: renderedAt.toISOString(),
        });
        return { html, manifest: part.manifest, verification };
      }
    }
    throw new Error('The export ended without a manifest');
  }

  private recordStateViewed(
    tenderId: string,
    view: 'state' | 'diff',
    views: TenderStateView[],
    caller: ReplayCaller,
  ): Promise<void> {
    return this.record(tenderId, caller, {
      type: 'TenderStateViewed',
      data: {
        tenderId,
        viewedAt: this.now().toISOString(),
        via: this.options.via,
        view,
        moments: views.map((v) => v.moment),
        asOf: views.map((v) => v.asOf.position),
      },
    });
  }

  private async record(tenderId: string, caller: ReplayCaller, event: AuditEvent): Promise<void> {
    await this.store.append(
      auditStream(tenderId),
      [
        {
          eventId: this.newEventId(),
          type: event.type,
          version: currentVersion(event.type),
          data: event.data,
          metadata: {
            actor: { ...caller.actor },
            ...(caller.correlationId ? { correlationId: caller.correlationId } : {}),
          },
        },
      ],
      'any',
    );
  }
}

/**
 * The tender's state view at each moment, from one read of its log: every moment's fold runs over
 * the same pages. The sealing rule is decided by whether the bids are opened now.
 */
export async function replayStates(
  store: EventStore,
  tenderId: string,
  moments: readonly Moment[],
): Promise<TenderStateView[]> {
  // The tender stream (for the sealing rule) is read while the log is: one round trip saved.
  const tender = loadExistingTender(store, tenderId);
  tender.catch(() => undefined);
  const folds = moments.map((moment) => new TenderFold(moment));
  for await (const page of readTenderLog(store, tenderId, { omit: STATE_FOLD_OMISSIONS })) {
    for (const event of page) for (const fold of folds) fold.apply(event);
  }
  const policy = new SealingPolicy(tenderId, await tender);
  return folds.map((fold) => stateView(tenderId, fold.moment, fold.result(), policy));
}
