/**
 * User and organisation ids as they appear in tokens. They become supplier ids, stream names and
 * keys, so one spelling per identity: lowercase ASCII letters, digits and hyphens, starting with a
 * letter or digit, at most 63 characters (a DNS label's length). No separators (`/ . \`), so no id
 * reads as a path or another id's prefix; no non-ASCII, so no confusable look-alike (Cyrillic `асме`
 * for `acme`) can stand for another organisation. Checked on the claim as sent: it must already be in
 * Unicode NFC, and a claim that NFC would change is refused rather than silently folded.
 */
export const IDENTIFIER_SYNTAX = /^[a-z0-9][a-z0-9-]{0,62}$/;

export type IdentifierProblem =
  'not_nfc' | 'control' | 'non_ascii' | 'separator' | 'uppercase' | 'syntax';

/** Why a claim is not an identifier, or undefined when it is one. */
export function identifierProblem(value: string): IdentifierProblem | undefined {
  if (IDENTIFIER_SYNTAX.test(value)) return undefined;
  if (value.normalize('NFC') !== value) return 'not_nfc';
  const codes = [...value].map((char) => char.codePointAt(0)!);
  if (codes.some((code) => code < 0x20 || code === 0x7f)) return 'control';
  if (codes.some((code) => code > 0x7f)) return 'non_ascii';
  if (/[/.\\]/.test(value)) return 'separator';
  if (/[A-Z]/.test(value)) return 'uppercase';
  return 'syntax';
}

export const IDENTIFIER_RULE =
  '1 to 63 of a-z, 0-9 and "-", starting with a letter or digit (no separators, no uppercase, ASCII only)';
