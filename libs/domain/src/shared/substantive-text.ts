/**
 * A reason, justification or statement that actually says something. The seeds' award was waved
 * through on one-word exclusions ("Price.", "Late."): a record of why must be a sentence, not a label.
 */
export const SUBSTANTIVE_TEXT = { minWords: 4, minCharacters: 20 } as const;

export function isSubstantiveText(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const text = value.trim();
  const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  return text.length >= SUBSTANTIVE_TEXT.minCharacters && words.length >= SUBSTANTIVE_TEXT.minWords;
}

export const SUBSTANTIVE_TEXT_RULE = `at least ${SUBSTANTIVE_TEXT.minWords} words and ${SUBSTANTIVE_TEXT.minCharacters} characters`;
