import type { BundleManifest } from './bundle';
import type { HistoryEntry } from './history';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#1b1b1b;background:#fff}
h1{font-size:1.4rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}dt{font-weight:600}dd{margin:0}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3;position:sticky;top:0}code,.hash{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;word-break:break-all}
tr.sealed td{color:#666;font-style:italic}tr.audit td{background:#fbfaf3}.note{color:#555;max-width:60rem}
pre{white-space:pre-wrap;word-break:break-word;margin:0;font-size:12px}`;

/** A short, readable account of an event's data: the facts a reader looks for first. */
function summary(entry: HistoryEntry): string {
  if (entry.sealed) return 'Sealed until the bids are opened: only its type and time are shown.';
  const data = (entry.data ?? {}) as Record<string, unknown>;
  const text = JSON.stringify(data, (_key, value: unknown) =>
    typeof value === 'string' && value.length > 160 ? `${value.slice(0, 157)}…` : value,
  );
  const withheld = entry.withheld?.length ? ` [withheld: ${entry.withheld.join(', ')}]` : '';
  return `${text.length > 1200 ? `${text.slice(0, 1199)}…` : text}${withheld}`;
}

function actorOf(entry: HistoryEntry): string {
  if (entry.sealed) return '—';
  const actor = entry.actor;
  if (!actor) return entry.withheld?.includes('metadata.actor') ? '(withheld)' : '—';
  return [actor.userId, actor.role, actor.organisationId].filter(Boolean).join(' · ');
}

/**
 * A self-contained HTML page of the bundle: no script, stylesheet, font or image from anywhere, every
 * value escaped. A lawyer opens it in a browser; the NDJSON lines remain the evidence.
 */
export function renderTimeline(manifest: BundleManifest, entries: readonly HistoryEntry[]): string {
  const rows = entries
    .map((entry, i) => {
      const kind = entry.sealed ? 'sealed' : entry.streamName.endsWith('.audit') ? 'audit' : '';
      const cells = [
        String(i + 1),
        escapeHtml(entry.recordedAt),
        `<code>${escapeHtml(entry.streamName)}</code>${entry.revision === undefined ? '' : ` @${entry.revision}`}`,
        `<strong>${escapeHtml(entry.type)}</strong>`,
        escapeHtml(actorOf(entry)),
        `<pre>${escapeHtml(summary(entry))}</pre>`,
        entry.hash
          ? `<span class="hash" title="${escapeHtml(entry.hash)}">${escapeHtml(entry.hash.slice(0, 16))}…</span>`
          : '',
      ];
      return `<tr class="${kind}">${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
    })
    .join('\n');
  const streams = manifest.streams
    .map(
      (s) =>
        `<tr><td><code>${escapeHtml(s.streamName)}</code></td><td>${s.events}</td><td>${s.headRevision}</td><td class="hash">${escapeHtml(s.headHash)}</td></tr>`,
    )
    .join('\n');
  const exporter = manifest.exporter;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Tender ${escapeHtml(manifest.tenderId)}: evidence timeline</title>
<style>${STYLE}</style></head>
<body>
<h1>Tender ${escapeHtml(manifest.tenderId)}: evidence timeline</h1>
<p class="note">Every event recorded for this tender, in the order the system recorded them. The
events file of this bundle (one JSON line per row below, same order) is the evidence; this page only
shows it. Times are UTC.${manifest.sealed ? ' The bids had not been opened when this bundle was made: bid events show only their type and time.' : ''}</p>
<dl>
<dt>Exported at</dt><dd>${escapeHtml(manifest.exportedAt)}</dd>
<dt>Exported by</dt><dd>${escapeHtml(`${exporter.userId} (${exporter.role}, ${exporter.organisationId})`)}</dd>
<dt>Events</dt><dd>${manifest.eventCount} (${manifest.sealedEvents} sealed, ${manifest.withheldEvents} with fields withheld)</dd>
<dt>Up to position</dt><dd><code>${escapeHtml(manifest.upTo ?? '—')}</code></dd>
<dt>SHA-256 of the event lines</dt><dd class="hash">${escapeHtml(manifest.eventsSha256)}</dd>
<dt>Format</dt><dd><code>${escapeHtml(manifest.format)}</code></dd>
</dl>
<h2>Streams and their last hash</h2>
<table><thead><tr><th>stream</th><th>events</th><th>last revision</th><th>last hash</th></tr></thead>
<tbody>
${streams}
</tbody></table>
<h2>Timeline</h2>
<table><thead><tr><th>#</th><th>recorded at (UTC)</th><th>stream @ revision</th><th>event</th><th>by</th><th>what</th><th>hash</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}
