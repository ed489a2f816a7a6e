import type { CoverageCell, CoverageMatrix } from '@fairtender/domain';
import { escapeHtml } from './html';

/** Colour and words of each coverage cell; the legend and each cell's tooltip say the same. */
export const CELL_STYLE: Record<CoverageCell, { fill: string; label: string }> = {
  scored: { fill: '#2a7a3b', label: 'scored with a justification' },
  unjustified: { fill: '#e0a800', label: 'scored without a real justification' },
  missing: { fill: '#b3261e', label: 'not scored yet' },
  conflicted: { fill: '#9e9e9e', label: 'evaluator declared a conflict' },
  'not-declared': { fill: '#f0d6d4', label: 'conflict not declared yet' },
};

const CELL = 22;
const GAP = 2;
const GROUP_GAP = 14;

/**
 * The coverage matrix as a picture: a row per bid, a block of columns per evaluator, a column per
 * quality criterion; each cell coloured by what that evaluator did on that criterion of that bid.
 */
export function coverageMatrixSvg(coverage: CoverageMatrix): string {
  const { criteria, evaluators, bids } = coverage;
  if (bids.length === 0 || evaluators.length === 0 || criteria.length === 0)
    return '<p class="note">No compliant bid and panel to show yet.</p>';
  const left = 150;
  const top = 70;
  // Wide enough for the evaluator's name above its block.
  const groupWidth = Math.max(
    criteria.length * (CELL + GAP) - GAP,
    8 * Math.max(...evaluators.map((id) => id.length)),
  );
  const width = left + evaluators.length * (groupWidth + GROUP_GAP) + 150;
  const height = top + bids.length * (CELL + GAP) + 20;
  const parts: string[] = [];
  evaluators.forEach((evaluatorId, e) => {
    const x0 = left + e * (groupWidth + GROUP_GAP);
    parts.push(
      `<text x="${x0}" y="16" font-size="12" font-weight="600">${escapeHtml(evaluatorId)}</text>`,
    );
    criteria.forEach((criterionId, c) => {
      const x = x0 + c * (CELL + GAP) + CELL / 2;
      parts.push(
        `<text x="${x}" y="${top - 6}" font-size="10" transform="rotate(-45 ${x} ${top - 6})">${escapeHtml(criterionId)}</text>`,
      );
    });
  });
  bids.forEach((bid, b) => {
    const y = top + b * (CELL + GAP);
    parts.push(
      `<text x="${left - 8}" y="${y + 15}" font-size="12" text-anchor="end">${escapeHtml(bid.supplierId)}</text>`,
    );
    evaluators.forEach((evaluatorId, e) => {
      const x0 = left + e * (groupWidth + GROUP_GAP);
      (bid.cells[evaluatorId] ?? []).forEach((cell, c) => {
        const style = CELL_STYLE[cell];
        parts.push(
          `<rect class="cell ${cell}" x="${x0 + c * (CELL + GAP)}" y="${y}" width="${CELL}" height="${CELL}" fill="${style.fill}"><title>${escapeHtml(`${bid.supplierId} · ${evaluatorId} · ${criteria[c]}: ${style.label}`)}</title></rect>`,
        );
      });
    });
    const xEnd = left + evaluators.length * (groupWidth + GROUP_GAP);
    parts.push(
      `<text x="${xEnd}" y="${y + 15}" font-size="12" fill="${bid.complete ? '#2a7a3b' : '#b3261e'}">${bid.complete ? '✓ fully evaluated' : '✗ not fully evaluated'}</text>`,
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Coverage matrix: bid by evaluator by criterion" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>
<p class="note">${(Object.keys(CELL_STYLE) as CoverageCell[])
    .map(
      (cell) =>
        `<svg width="12" height="12"><rect width="12" height="12" fill="${CELL_STYLE[cell].fill}"/></svg> ${escapeHtml(CELL_STYLE[cell].label)} (${coverage.totals[cell]})`,
    )
    .join(' &nbsp; ')}</p>`;
}

export interface RankingBar {
  supplierId: string;
  rank: number;
  total: number;
  /** The bid the award went to, or is proposed to. */
  winner?: boolean;
}

/** A ranking as horizontal bars: rank, supplier, total score; the award's bid marked. */
export function rankingSvg(bars: readonly RankingBar[], label: string): string {
  if (bars.length === 0) return '<p class="note">No ranking yet.</p>';
  const max = Math.max(...bars.map((bar) => bar.total), 1);
  const left = 170;
  const barWidth = 420;
  const row = 26;
  const height = bars.length * row + 10;
  const width = left + barWidth + 120;
  const parts = bars.map((bar, i) => {
    const y = 5 + i * row;
    const w = Math.max(2, (bar.total / max) * barWidth);
    const fill = bar.winner ? '#1d3557' : '#8fa8c8';
    return `<g class="bar${bar.winner ? ' winner' : ''}"><text x="${left - 8}" y="${y + 15}" font-size="12" text-anchor="end">${escapeHtml(`${bar.rank}. ${bar.supplierId}`)}</text><rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${row - 8}" fill="${fill}"><title>${escapeHtml(`${bar.supplierId}: rank ${bar.rank}, total ${bar.total}`)}</title></rect><text x="${(left + w + 6).toFixed(1)}" y="${y + 15}" font-size="12">${escapeHtml(String(Number(bar.total.toFixed(3))))}${bar.winner ? ' ★ award' : ''}</text></g>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(label)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}
