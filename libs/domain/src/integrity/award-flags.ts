import { directAwardGroundText } from '../tender/direct-award-grounds';
import { compliantBids } from '../tender/bids-under-evaluation';
import type { TenderView } from '../tender/tender-view';
import { averageCharacters, justificationStats, type JustificationStats } from './coverage';
import { awardOf, compareText, redFlag, round } from './flag-support';
import type { RedFlag } from './report';
import type { IntegrityThresholds } from './thresholds';

/** Departures from the published method and from competition, as the award recorded them (rules 1, 5). */
export function awardDepartureFlags(view: TenderView): RedFlag[] {
  const award = awardOf(view);
  if (!award) return [];
  const flags: RedFlag[] = [];
  if (award.departures.includes('winner-not-top-ranked')) {
    const ranked = (supplierId: string) => award.ranking.find((b) => b.supplierId === supplierId);
    const winner = ranked(award.supplierId);
    flags.push(
      redFlag(
        'FT-WINNER-NOT-TOP-RANKED',
        {
          winner: {
            supplierId: award.supplierId,
            rank: winner?.rank ?? null,
            total: winner?.total ?? null,
          },
          topRanked: award.topRanked.map((supplierId) => ({
            supplierId,
            total: ranked(supplierId)?.total ?? null,
          })),
          justification: award.departureJustification ?? null,
        },
        award.proposedAt,
        { supplierId: award.supplierId },
      ),
    );
  }
  if (award.directAward || award.departures.includes('direct-award')) {
    const ground = award.directAward?.ground;
    flags.push(
      redFlag(
        'FT-DIRECT-AWARD',
        {
          supplierId: award.supplierId,
          ground: ground ?? null,
          legalBasis: ground ? directAwardGroundText(ground) : null,
          justification: award.directAward?.justification ?? null,
          compliantBids: compliantBids(view).length,
          minimumBids: view.tender.notice.terms?.minimumBids ?? null,
        },
        award.proposedAt,
        { supplierId: award.supplierId },
      ),
    );
  }
  return flags;
}

/**
 * FT-EVALUATION-ASYMMETRY: the panel wrote far more per justification on the winner's bid than on the
 * others it scored (compliant or excluded since) — the fingerprint of "only one supplier seriously
 * considered". Average characters per justification, the winner's ÷ the others' together.
 */
export function evaluationAsymmetry(
  view: TenderView,
  thresholds: IntegrityThresholds,
  stats: ReadonlyMap<string, JustificationStats> = justificationStats(view),
): RedFlag[] {
  const award = awardOf(view);
  if (!award) return [];
  const winner = stats.get(award.supplierId);
  const others = [...stats.entries()]
    .filter(([supplierId, s]) => supplierId !== award.supplierId && s.justifications > 0)
    .sort(([a], [b]) => compareText(a, b));
  if (!winner || winner.justifications === 0 || others.length === 0) return [];
  const count = others.reduce((sum, [, s]) => sum + s.justifications, 0);
  const characters = others.reduce((sum, [, s]) => sum + s.characters, 0);
  const othersAverage = characters / count;
  const winnerAverage = winner.characters / winner.justifications;
  const ratio = othersAverage > 0 ? winnerAverage / othersAverage : Number.POSITIVE_INFINITY;
  if (!(round(ratio, 4) > thresholds.justificationAsymmetryRatio)) return [];
  const compliant = new Set(compliantBids(view));
  return [
    redFlag(
      'FT-EVALUATION-ASYMMETRY',
      {
        winner: {
          supplierId: award.supplierId,
          justifications: winner.justifications,
          averageCharacters: averageCharacters(winner),
        },
        others: others.map(([supplierId, s]) => ({
          supplierId,
          compliant: compliant.has(supplierId),
          justifications: s.justifications,
          averageCharacters: averageCharacters(s),
        })),
        othersAverageCharacters: round(othersAverage),
        ratio: Number.isFinite(ratio) ? round(ratio) : null,
        thresholdRatio: thresholds.justificationAsymmetryRatio,
      },
      award.proposedAt,
      { supplierId: award.supplierId },
    ),
  ];
}
