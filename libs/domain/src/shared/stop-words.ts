/**
 * Words that carry no content of their own in a reason: English function words, and the filler of
 * evaluation records ("agreed by the panel after discussion") that reads as a reason and says nothing
 * about the bid. A word here still counts as a word; it is just not a content word. Kept small on
 * purpose: a long list would start refusing plain statements of fact.
 */
const FUNCTION_WORDS = `
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing done down during each either etc few for from
further had has have having he her here hers herself him himself his how however i if in into is it
its itself just let me more most much must my myself neither no nor not now of off on once only or
other our ours ourselves out over own per same shall she should so some such than that the their
theirs them themselves then there these they this those though through thus to too under until up
upon us very via was we were what when where whether which while who whom whose why will with within
without would yes yet you your yours yourself yourselves
`;

const EVALUATION_FILLER = `
accordingly agreed agreement appropriate approved considered consensus decided decision
deemed discussed discussion fine following given good meeting moderated moderation na noted ok okay
panel reason reasons relevant review reviewed see stated understood various
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(
  `${FUNCTION_WORDS} ${EVALUATION_FILLER}`.split(/\s+/).filter((word) => word.length > 0),
);

/** Contractions ("don't", "isn't", "we'll") are function words whatever their stem. */
const CONTRACTION = /'(?:t|ll|re|ve|d|m)$/;

/**
 * A word with a letter in it (lower case, as `substantive-text.ts` splits it) that says something:
 * 2 characters or more, not a stop word or a contraction.
 */
export const isContentWord = (word: string): boolean =>
  word.length >= 2 && !STOP_WORDS.has(word) && !CONTRACTION.test(word);
