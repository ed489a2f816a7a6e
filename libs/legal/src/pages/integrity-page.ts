import type { IntegrityReport, RedFlag } from '@fairtender/domain';
import { coverageMatrixSvg, rankingSvg, type RankingBar } from './charts';
import { escapeHtml, htmlPage, valueHtml } from './html';
import { DEFAULT_TIME_ZONE, localTime } from './local-time';

export interface IntegrityPageOptions {
  timeZone?: string;
  /** When the report was read, and the read model's position it reflects. */
  renderedAt: string;
  position?: string | null;
}

/**
 * A tender's integrity report as a page (docs/pages.md): the red flags with their evidence first, then
 * the ranking and the coverage matrix as pictures (inline SVG), the panel, the bids and the award.
 * Self-contained like the timeline: no script and nothing fetched, every value escaped.
 */
export function renderIntegrityPage(
  report: IntegrityReport,
  options: IntegrityPageOptions,
): string {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const when = (instant: string) => escapeHtml(localTime(instant, timeZone));
  const heading = `Competition integrity of tender ${report.tenderId}`;
  const body = [
    `<h1>${escapeHtml(heading)}</h1>`,
    `<p class="lede">Buyer ${escapeHtml(report.buyerOrganisationId)} · stage ${escapeHtml(report.stage)} · evaluation round ${report.round}. Read on ${when(options.renderedAt)}${options.position ? ` at read-model position <code>${escapeHtml(options.position)}</code>` : ''}. Times are ${escapeHtml(timeZone)} local time.</p>`,
    report.sealed
      ? '<p class="note"><span class="badge sealed">sealed</span> The bids are not opened yet: only their number is shown, nothing that identifies a bidder.</p>'
      : '',
    countsHtml(report),
    flagsHtml(report.redFlags, when),
    violationsHtml(report),
    rankingHtml(report),
    `<section id="coverage"><h2>Coverage: bid × evaluator × criterion</h2><figure>${coverageMatrixSvg(report.coverage)}<figcaption>Each square is one evaluator's work on one quality criterion of one compliant bid. A bid counts as fully evaluated when at least two evaluators without a conflict scored every criterion with a justification and submitted.</figcaption></figure></section>`,
    panelHtml(report, when),
    bidsHtml(report, when),
    `<section id="award"><h2>Award</h2>${valueHtml(report.award)}</section>`,
    `<section id="planning"><h2>Before the notice</h2>${valueHtml(report.planning)}</section>`,
  ].join('\n');
  return htmlPage(heading, body);
}

function countsHtml(report: IntegrityReport): string {
  const c = report.counts;
  return `<dl>
<dt>Bids received</dt><dd>${c.received}</dd>
<dt>Compliant</dt><dd>${c.compliant}</dd>
<dt>Excluded</dt><dd>${c.excluded}</dd>
<dt>Awaiting a compliance decision</dt><dd>${c.awaitingCompliance}</dd>
<dt>Fully evaluated</dt><dd>${c.fullyEvaluated}</dd>
<dt>Red flags</dt><dd>${report.redFlags.length}</dd>
</dl>`;
}

function flagsHtml(flags: readonly RedFlag[], when: (instant: string) => string): string {
  if (flags.length === 0)
    return '<section id="red-flags"><h2>Red flags</h2><p>None raised.</p></section>';
  const items = flags
    .map(
      (flag) =>
        `<div class="flag" data-code="${escapeHtml(flag.code)}"><h3>${escapeHtml(flag.title)}</h3><p><code>${escapeHtml(flag.code)}</code> · raised ${when(flag.raisedAt)}${flag.supplierId ? ` · supplier ${escapeHtml(flag.supplierId)}` : ''}</p><p><strong>Evidence</strong></p>${valueHtml(flag.evidence)}</div>`,
    )
    .join('\n');
  return `<section id="red-flags"><h2>Red flags (${flags.length})</h2><p class="note">A red flag does not block anything: it points a reviewer at facts worth a look, and shows the facts.</p>${items}</section>`;
}

function violationsHtml(report: IntegrityReport): string {
  if (report.openViolations.length === 0) return '';
  return `<section id="violations"><h2>What still stands between the evaluation and an award</h2>${valueHtml(report.openViolations)}</section>`;
}

function rankingHtml(report: IntegrityReport): string {
  const winner = report.award.supplierId;
  const decided = report.award.ranking;
  const bars = (ranking: readonly { supplierId: string; rank: number; total: number }[]) =>
    ranking.map(({ supplierId, rank, total }): RankingBar => ({
      supplierId,
      rank,
      total,
      winner: supplierId === winner,
    }));
  const main = decided?.length ? decided : report.moderation.ranking;
  const parts = [
    `<figure>${rankingSvg(bars(main), 'Ranking by total score')}<figcaption>${decided?.length ? 'The ranking the award was decided on' : 'The ranking with the agreed scores that count'}${winner ? `; ★ marks the award to ${escapeHtml(winner)}` : ''}.</figcaption></figure>`,
  ];
  if (report.moderation.changesTopRanked) {
    parts.push(
      `<figure>${rankingSvg(bars(report.moderation.panelRanking), "The panel's own ranking")}<figcaption>The panel's ranking on the evaluators' own scores, before moderation: moderation changed who ranks first.</figcaption></figure>`,
    );
  }
  return `<section id="ranking"><h2>Ranking</h2>${parts.join('')}</section>`;
}

function panelHtml(report: IntegrityReport, when: (instant: string) => string): string {
  if (report.panel.length === 0)
    return '<section id="panel"><h2>Panel</h2><p>No panel yet.</p></section>';
  const rows = report.panel
    .map(
      (m) =>
        `<tr><td>${escapeHtml(m.evaluatorId)}</td><td>${m.submitted ? `submitted ${m.submittedAt ? when(m.submittedAt) : ''}` : 'not submitted'}</td><td>${escapeHtml(m.declaredNoConflict.join(', ') || 'none')}</td><td>${m.conflicts.length ? valueHtml(m.conflicts) : 'none'}</td></tr>`,
    )
    .join('\n');
  return `<section id="panel"><h2>Panel</h2><table><thead><tr><th>evaluator</th><th>scores</th><th>no conflict with</th><th>conflicts declared</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function bidsHtml(report: IntegrityReport, when: (instant: string) => string): string {
  if (report.bids.length === 0 && report.excluded.length === 0) return '';
  const rows = report.bids
    .map(
      (bid) =>
        `<tr><td>${escapeHtml(bid.supplierId)}</td><td>${bid.receivedAt ? when(bid.receivedAt) : '—'}</td><td>${bid.price ? escapeHtml(`${bid.price.currency} ${bid.price.amount.toLocaleString('en-GB')}`) : '—'}</td><td>${escapeHtml(bid.compliance)}${bid.reasonText ? `: ${escapeHtml(bid.reasonText)}` : ''}</td><td>${bid.fullyEvaluated ? 'yes' : 'no'}</td><td>${bid.justifications} (average ${bid.averageJustificationCharacters} characters)</td></tr>`,
    )
    .join('\n');
  return `<section id="bids"><h2>Bids</h2><table><thead><tr><th>supplier</th><th>received</th><th>price</th><th>compliance</th><th>fully evaluated</th><th>justifications</th></tr></thead><tbody>${rows}</tbody></table>${report.excluded.length ? `<h3>Excluded</h3>${valueHtml(report.excluded)}` : ''}</section>`;
}
