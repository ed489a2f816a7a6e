import type { BundleManifest } from './bundle';
import type { HistoryEntry } from './history';
import { actorPhrase, sentenceOf } from './pages/event-sentences';
import { readableEventName } from './pages/event-names';
import { escapeHtml, htmlPage, valueHtml } from './pages/html';
import { DEFAULT_TIME_ZONE, localTime } from './pages/local-time';
import { RECORD_SECTIONS, sectionOf, type RecordSection } from './pages/record-sections';
import type { VerificationReport } from './verify';

export { escapeHtml } from './pages/html';

export interface TimelineOptions {
  /** IANA zone the times are written in (with its abbreviation); UTC stays in each entry's facts. */
  timeZone?: string;
  /** The verification run for this page; absent for a bundle folder, which says how to verify it. */
  verification?: Pick<VerificationReport, 'intact' | 'eventsChecked' | 'upTo' | 'firstBreak'>;
  /** When the page was made, for the verdict's sentence. */
  renderedAt?: string;
}

/**
 * The evidence as a legal record (docs/pages.md): the verification verdict first with how to check it,
 * then one section per stage of the tender with a sentence per event (who, what, local time with its
 * zone), sealed entries marked, and every field of every event shown whole. A self-contained page:
 * no script, stylesheet, font or image from anywhere, every value escaped. The NDJSON lines of the
 * bundle remain the evidence; this page reads them.
 */
export function renderTimeline(
  manifest: BundleManifest,
  entries: readonly HistoryEntry[],
  options: TimelineOptions = {},
): string {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const title = tenderTitle(entries);
  const heading = `${title ? `${title}: ` : ''}the record of tender ${manifest.tenderId}`;
  const body = [
    `<h1>${escapeHtml(heading)}</h1>`,
    `<p class="lede">Every event recorded for this tender, grouped by stage, each in order of recording. Times are ${escapeHtml(timeZone)} local time with the zone; each entry's facts keep the UTC instant as recorded.${manifest.sealed ? ' The bids had not been opened when this record was made: bid events show only their type and time.' : ''}</p>`,
    verdictHtml(manifest, options),
    exportFacts(manifest, timeZone),
    ...sectionsHtml(entries, timeZone),
    streamsHtml(manifest),
  ].join('\n');
  return htmlPage(heading, body);
}

function tenderTitle(entries: readonly HistoryEntry[]): string | undefined {
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const entry = entries[i];
    if (
      entry.type !== 'TenderPublished' &&
      entry.type !== 'TenderDrafted' &&
      entry.type !== 'DraftRevised'
    )
      continue;
    const title = (entry.data as { terms?: { title?: unknown } } | undefined)?.terms?.title;
    if (typeof title === 'string') return title;
  }
  return undefined;
}

function verdictHtml(manifest: BundleManifest, options: TimelineOptions): string {
  const check = `<p>To check it yourself: download the evidence bundle (<code>GET /tenders/${escapeHtml(manifest.tenderId)}/evidence</code>, or <code>npx fairtender export ${escapeHtml(manifest.tenderId)}</code>) and run <code>node tools/verify-bundle.mjs &lt;bundle&gt;</code>, a single file with no dependencies that recomputes every hash chain offline. The SHA-256 of this record's event lines is <span class="hash">${escapeHtml(manifest.eventsSha256)}</span>.</p>`;
  const verification = options.verification;
  if (!verification) {
    return `<section class="verdict unchecked"><h2>Not verified on this page</h2><p>This page was written beside the bundle's event lines; it has not recomputed their hash chains.</p>${check}</section>`;
  }
  const at = options.renderedAt
    ? ` on ${escapeHtml(localTime(options.renderedAt, options.timeZone ?? DEFAULT_TIME_ZONE))}`
    : '';
  if (verification.intact) {
    return `<section class="verdict intact"><h2>Verified: the record is intact</h2><p>The server recomputed the hash chains of all ${verification.eventsChecked} events${at}, up to position <code>${escapeHtml(verification.upTo ?? '—')}</code>: every event is as it was recorded, none is missing, none was inserted.</p>${check}</section>`;
  }
  const first = verification.firstBreak;
  return `<section class="verdict broken"><h2>Verification failed: the record has been altered</h2><p>The hash chains were recomputed over ${verification.eventsChecked} events${at}. The first break is in <code>${escapeHtml(first?.streamName ?? '?')}</code> at revision ${escapeHtml(String(first?.revision ?? '—'))}: ${escapeHtml(first?.reason ?? 'unknown')}${first?.expectedHash ? ` (expected hash <span class="hash">${escapeHtml(first.expectedHash)}</span>, found <span class="hash">${escapeHtml(first.actualHash ?? 'none')}</span>)` : ''}.</p>${check}</section>`;
}

function exportFacts(manifest: BundleManifest, timeZone: string): string {
  const exporter = manifest.exporter;
  return `<dl>
<dt>Made on</dt><dd>${escapeHtml(localTime(manifest.exportedAt, timeZone))} (${escapeHtml(manifest.exportedAt)})</dd>
<dt>Made for</dt><dd>${escapeHtml(`${exporter.userId} (${exporter.role}, ${exporter.organisationId})`)}</dd>
<dt>Events</dt><dd>${manifest.eventCount} (${manifest.sealedEvents} sealed, ${manifest.withheldEvents} with fields withheld)</dd>
<dt>Up to position</dt><dd><code>${escapeHtml(manifest.upTo ?? '—')}</code></dd>
<dt>Format</dt><dd><code>${escapeHtml(manifest.format)}</code></dd>
</dl>`;
}

function sectionsHtml(entries: readonly HistoryEntry[], timeZone: string): string[] {
  const bySection = new Map<RecordSection, { entry: HistoryEntry; number: number }[]>();
  entries.forEach((entry, i) => {
    const section = sectionOf(entry.type);
    let list = bySection.get(section);
    if (!list) bySection.set(section, (list = []));
    list.push({ entry, number: i + 1 });
  });
  return RECORD_SECTIONS.flatMap(({ id, heading }) => {
    const list = bySection.get(id);
    if (!list) return [];
    const first = list[0].entry.recordedAt;
    const last = list[list.length - 1].entry.recordedAt;
    const span =
      first === last
        ? escapeHtml(localTime(first, timeZone))
        : `${escapeHtml(localTime(first, timeZone))} to ${escapeHtml(localTime(last, timeZone))}`;
    return [
      `<section id="${id}"><h2>${escapeHtml(heading)}</h2><p class="note">${list.length} event${list.length === 1 ? '' : 's'}, ${span}.</p>`,
      `<ol class="record">${list.map(({ entry, number }) => entryHtml(entry, number, timeZone)).join('\n')}</ol></section>`,
    ];
  });
}

function entryHtml(entry: HistoryEntry, number: number, timeZone: string): string {
  const badges = [
    entry.sealed ? '<span class="badge sealed">sealed</span>' : '',
    entry.withheld?.length
      ? `<span class="badge withheld">withheld: ${escapeHtml(entry.withheld.join(', '))}</span>`
      : '',
    entry.streamName.endsWith('.audit') ? '<span class="badge look">look at the record</span>' : '',
  ].join('');
  const chain = `#${number} · <code>${escapeHtml(entry.streamName)}</code>${entry.revision === undefined ? '' : ` revision ${entry.revision}`} · position <code>${escapeHtml(entry.position)}</code>${entry.hash ? ` · hash <span class="hash">${escapeHtml(entry.hash)}</span>` : ''}`;
  const facts = entry.sealed
    ? ''
    : `<details class="facts" open><summary>The event as recorded</summary>${valueHtml({
        event: `${entry.type}${entry.version === undefined ? '' : ` v${entry.version}`}`,
        recordedAt: entry.recordedAt,
        by: actorPhrase(entry),
        ...(entry.correlationId ? { correlationId: entry.correlationId } : {}),
        data: entry.data ?? null,
      })}</details>`;
  return `<li class="${entry.sealed ? 'sealed' : ''}" data-type="${escapeHtml(entry.type)}">
<div class="when"><strong>${escapeHtml(localTime(entry.recordedAt, timeZone))}</strong> — ${escapeHtml(readableEventName(entry.type))}${badges}</div>
<p class="sentence">${escapeHtml(sentenceOf(entry, timeZone))}</p>
${facts}
<div class="chain">${chain}</div></li>`;
}

function streamsHtml(manifest: BundleManifest): string {
  const rows = manifest.streams
    .map(
      (s) =>
        `<tr><td><code>${escapeHtml(s.streamName)}</code></td><td>${s.events}</td><td>${s.headRevision}</td><td class="hash">${escapeHtml(s.headHash)}</td></tr>`,
    )
    .join('\n');
  return `<section id="streams"><h2>Streams and their last hash</h2>
<table><thead><tr><th>stream</th><th>events</th><th>last revision</th><th>last hash</th></tr></thead>
<tbody>
${rows}
</tbody></table></section>`;
}
