import {
  compliantBids,
  declarationOf,
  hasSubmitted,
  qualityCriteria,
  scoreOf,
  sheetOf,
} from '../tender/bids-under-evaluation';
import type { Declaration } from '../tender/evaluation-state';
import type { TenderView } from '../tender/tender-view';
import { isSubstantiveText } from '../shared/substantive-text';
import { compareText } from './flag-support';
import type { CoverageCell, CoverageMatrix, PanelMember } from './report';

/** Characters as a reader counts them (code points, not UTF-16 units). */
export function characterCount(text: string): number {
  if (!/[\uD800-\uDFFF]/.test(text)) return text.length;
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    count += 1;
  }
  return count;
}

/** What one evaluator's work on one criterion of one bid amounts to. */
export function coverageCell(
  view: TenderView,
  evaluatorId: string,
  supplierId: string,
  criterionId: string,
): CoverageCell {
  const sheet = sheetOf(view, evaluatorId);
  return cellOf(declarationOf(sheet, supplierId), scoreOf(sheet, supplierId, criterionId));
}

function cellOf(
  declaration: Declaration | undefined,
  score: { justification: string } | undefined,
): CoverageCell {
  if (!declaration) return 'not-declared';
  if (declaration.conflict) return 'conflicted';
  if (!score) return 'missing';
  return isSubstantiveText(score.justification) ? 'scored' : 'unjustified';
}

/** Bid × evaluator × quality criterion, for every compliant bid (the ones rule 2 wants evaluated). */
export function coverageMatrix(view: TenderView): CoverageMatrix {
  const {
    notice: { terms },
    evaluation,
  } = view.tender;
  const criteria = qualityCriteria(terms?.awardCriteria ?? []).map((criterion) => criterion.id);
  const evaluators = [...evaluation.panel];
  const totals: Record<CoverageCell, number> = {
    scored: 0,
    unjustified: 0,
    missing: 0,
    conflicted: 0,
    'not-declared': 0,
  };
  const sheets = evaluators.map((id) => ({
    id,
    sheet: sheetOf(view, id),
    submitted: hasSubmitted(view, id),
  }));
  const bids = compliantBids(view).map((supplierId) => {
    const cells: Record<string, CoverageCell[]> = {};
    let assessors = 0;
    let complete = evaluators.length > 0;
    for (const { id, sheet, submitted } of sheets) {
      const declaration = declarationOf(sheet, supplierId);
      const row = criteria.map((criterionId) =>
        cellOf(declaration, scoreOf(sheet, supplierId, criterionId)),
      );
      for (const cell of row) totals[cell] += 1;
      cells[id] = row;
      if (!declaration) complete = false;
      else if (!declaration.conflict) {
        assessors += 1;
        if (!submitted || row.some((cell) => cell !== 'scored')) complete = false;
      }
    }
    // Rule 3: a bid is judged by at least two evaluators without a conflict.
    return { supplierId, cells, complete: complete && assessors >= 2 };
  });
  return { criteria, evaluators, bids, totals };
}

export function panelMembers(view: TenderView): PanelMember[] {
  return view.tender.evaluation.panel.map((evaluatorId) => {
    const sheet = sheetOf(view, evaluatorId);
    const declarations = Object.entries(sheet?.declarations ?? {}).sort(([a], [b]) =>
      compareText(a, b),
    );
    const submitted = hasSubmitted(view, evaluatorId);
    return {
      evaluatorId,
      submitted,
      ...(submitted && sheet?.submittedAt ? { submittedAt: sheet.submittedAt } : {}),
      declaredNoConflict: declarations.filter(([, d]) => !d.conflict).map(([id]) => id),
      conflicts: declarations
        .filter(([, d]) => d.conflict)
        .map(([supplierId, d]) =>
          d.statement === undefined ? { supplierId } : { supplierId, statement: d.statement },
        ),
    };
  });
}

export interface JustificationStats {
  justifications: number;
  characters: number;
}

/** Per supplier: the justifications panel members wrote on its bid (whatever its compliance now). */
export function justificationStats(view: TenderView): Map<string, JustificationStats> {
  const stats = new Map<string, JustificationStats>();
  for (const evaluatorId of view.tender.evaluation.panel) {
    const sheet = sheetOf(view, evaluatorId);
    if (!sheet) continue;
    for (const [supplierId, scores] of Object.entries(sheet.scores)) {
      const entry = stats.get(supplierId) ?? { justifications: 0, characters: 0 };
      for (const score of Object.values(scores)) {
        entry.justifications += 1;
        entry.characters += characterCount(score.justification);
      }
      stats.set(supplierId, entry);
    }
  }
  return stats;
}

export const averageCharacters = (stats: JustificationStats | undefined) =>
  stats && stats.justifications > 0
    ? Math.round((stats.characters / stats.justifications) * 100) / 100
    : 0;
