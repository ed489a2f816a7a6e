import { isContentWord } from './stop-words';
import { scan } from './words';

export { normalisedText, wordsOf } from './words';

/**
 * A reason, justification or statement that actually says something. The seeds' award was waved
 * through on one-word exclusions ("Price.", "Late."); a count of words alone then let "Price. Price.
 * Price. Price." and five-word stock phrases through. So the rule measures content: enough different
 * words, enough of them content words (not stop words, `stop-words.ts`), and no padding by repetition.
 */
export const SUBSTANTIVE_TEXT = {
  minCharacters: 30,
  minWords: 6,
  minDistinctWords: 6,
  minContentWords: 4,
  /** A word this many times in a row is padding ("etc etc etc"). */
  maxRun: 3,
  /** One word making up this share of the words or more is padding. */
  maxWordShare: 0.5,
  /** More than this share of the word triples repeating an earlier one is a pasted phrase. */
  maxRepeatedTriples: 1 / 3,
} as const;

/** Which test a text failed, in the order they are tried. */
export type SubstantiveTextProblem =
  'missing' | 'too_short' | 'too_few_distinct_words' | 'repetition' | 'too_few_content_words';

export const SUBSTANTIVE_TEXT_RULE =
  `at least ${SUBSTANTIVE_TEXT.minCharacters} characters and ${SUBSTANTIVE_TEXT.minWords} words, ` +
  `${SUBSTANTIVE_TEXT.minDistinctWords} of them different and ${SUBSTANTIVE_TEXT.minContentWords} ` +
  'different content words (not stop words), not padded by repeating a word or a phrase';

const PROBLEM_TEXT: Record<SubstantiveTextProblem, string> = {
  missing: 'there is no text',
  too_short: `it is shorter than ${SUBSTANTIVE_TEXT.minCharacters} characters or ${SUBSTANTIVE_TEXT.minWords} words`,
  too_few_distinct_words: `it has fewer than ${SUBSTANTIVE_TEXT.minDistinctWords} different words`,
  repetition: 'it is padded by repeating a word or a phrase',
  too_few_content_words: `it has fewer than ${SUBSTANTIVE_TEXT.minContentWords} different content words`,
};

/** What is wrong with a text, for a refusal's message. */
export const describeProblem = (problem: SubstantiveTextProblem) => PROBLEM_TEXT[problem];

/**
 * Verdicts already reached, by text: the award guard, the ranking and the integrity report each
 * re-read every justification of a tender (10,000 of them at 200 bids × 5 evaluators × 10 criteria)
 * on every request. The rule is a pure function of the text, so a remembered verdict is the verdict.
 * Bounded: short texts only, and forgotten all at once when full.
 */
const verdicts = new Map<string, SubstantiveTextProblem | null>();
const REMEMBERED = { maxTexts: 20_000, maxLength: 500 } as const;

/** The first test the text fails, or undefined when it is substantive. */
export function substantiveTextProblem(value: unknown): SubstantiveTextProblem | undefined {
  if (typeof value !== 'string') return 'missing';
  if (value.length > REMEMBERED.maxLength) return measure(value);
  const known = verdicts.get(value);
  if (known !== undefined) return known ?? undefined;
  const problem = measure(value);
  if (verdicts.size >= REMEMBERED.maxTexts) verdicts.clear();
  verdicts.set(value, problem ?? null);
  return problem;
}

function measure(value: string): SubstantiveTextProblem | undefined {
  if (value.trim().length === 0) return 'missing';
  const text = value.trim();
  const scanned = scan(text);
  if (text.length < SUBSTANTIVE_TEXT.minCharacters || scanned.length < SUBSTANTIVE_TEXT.minWords) {
    return 'too_short';
  }
  // Each distinct word gets a number, so repeats are counted on numbers, not on strings.
  const ids = new Map<string, number>();
  const counts: number[] = [];
  const sequence: number[] = [];
  let run = 0;
  let longestRun = 0;
  let commonest = 0;
  let content = 0;
  for (const { text: word, lettered } of scanned) {
    let id = ids.get(word);
    if (id === undefined) {
      id = counts.length;
      ids.set(word, id);
      counts.push(0);
      if (lettered && isContentWord(word)) content += 1;
    }
    counts[id] += 1;
    if (counts[id] > commonest) commonest = counts[id];
    // Runs of numbers are data ("1.1.1"), not padding.
    run = lettered && sequence[sequence.length - 1] === id ? run + 1 : 1;
    if (run > longestRun) longestRun = run;
    sequence.push(id);
  }
  if (counts.length < SUBSTANTIVE_TEXT.minDistinctWords) return 'too_few_distinct_words';
  if (
    longestRun >= SUBSTANTIVE_TEXT.maxRun ||
    commonest >= sequence.length * SUBSTANTIVE_TEXT.maxWordShare ||
    (commonest > 1 && repeatedTripleShare(sequence) > SUBSTANTIVE_TEXT.maxRepeatedTriples)
  ) {
    return 'repetition';
  }
  if (content < SUBSTANTIVE_TEXT.minContentWords) return 'too_few_content_words';
  return undefined;
}

/** The share of word triples that repeat an earlier triple: a pasted phrase or sentence. */
function repeatedTripleShare(sequence: readonly number[]): number {
  const triples = sequence.length - 2;
  if (triples < 2) return 0;
  const base = sequence.length;
  const seen = new Set<number>();
  let repeated = 0;
  for (let i = 0; i < triples; i += 1) {
    const triple = (sequence[i] * base + sequence[i + 1]) * base + sequence[i + 2];
    if (seen.has(triple)) repeated += 1;
    else seen.add(triple);
  }
  return repeated / triples;
}

export function isSubstantiveText(value: unknown): value is string {
  return substantiveTextProblem(value) === undefined;
}
