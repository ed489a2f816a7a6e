/** Words as the rule for reasons (`substantive-text.ts`) reads them. */
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
const isApostrophe = (code: number) => code === 0x27 || code === 0x2018 || code === 0x2019;

/** A word as the rule sees it; `lettered` when it has a letter (a number is a word, not content). */
export interface Word {
  text: string;
  lettered: boolean;
}

/**
 * Splits on anything but letters and digits, keeping apostrophes inside a word ("don't"). One pass
 * over the characters: the award guard measures 10,000 justifications at a time.
 */
export function scan(source: string): Word[] {
  const text = source.toLowerCase();
  const words: Word[] = [];
  let start = -1;
  let lettered = false;
  let curly = false;
  const end = (at: number) => {
    if (start >= 0) {
      let word = text.slice(start, at);
      if (curly) word = word.replace(/[\u2018\u2019]/g, "'");
      words.push({ text: word.endsWith("'s") ? word.slice(0, -2) : word, lettered });
    }
    start = -1;
    lettered = false;
    curly = false;
  };
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    if (code >= 0x61 && code <= 0x7a) {
      if (start < 0) start = i;
      lettered = true;
      i += 1;
    } else if (code >= 0x30 && code <= 0x39) {
      if (start < 0) start = i;
      i += 1;
    } else if (isApostrophe(code)) {
      if (start >= 0 && continuesWord(text, i + 1)) curly ||= code !== 0x27;
      else end(i);
      i += 1;
    } else if (code < 0x80) {
      end(i);
      i += 1;
    } else {
      const point = text.codePointAt(i)!;
      const char = String.fromCodePoint(point);
      if (LETTER_OR_NUMBER.test(char)) {
        if (start < 0) start = i;
        lettered ||= LETTER.test(char);
      } else end(i);
      i += char.length;
    }
  }
  end(text.length);
  return words;
}

const continuesWord = (text: string, at: number) =>
  at < text.length && LETTER_OR_NUMBER.test(String.fromCodePoint(text.codePointAt(at)!));

/** The text's words in order: lower case, apostrophes straightened, a possessive 's dropped. */
export const wordsOf = (text: string): string[] => scan(text).map((word) => word.text);

/**
 * The text as a comparison sees it: its words, one space apart. Case, punctuation, spacing and line
 * breaks do not make a pasted text a different one.
 */
export const normalisedText = (text: string): string => wordsOf(text).join(' ');
