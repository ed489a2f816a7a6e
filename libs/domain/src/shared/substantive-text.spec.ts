import { STOP_WORDS } from './stop-words';
import {
  isSubstantiveText,
  normalisedText,
  SUBSTANTIVE_TEXT,
  SUBSTANTIVE_TEXT_RULE,
  substantiveTextProblem,
  wordsOf,
} from './substantive-text';

describe('substantive text: one rule for every reason and justification', () => {
  it.each([
    ['the method statement does not cover evidence retention for seven years'],
    ['Birch’s platform fails the force’s accreditation, which a late clarification made binding.'],
    ['We were never told how price would be scored'],
    ['Très bien fait, mais cher, trop cher pour nous.'],
    ['Section 4.2 covers retention for 7 years; section 4.3 covers 10 years of audit logs.'],
  ])('a real sentence passes: %j', (text) => {
    expect(substantiveTextProblem(text)).toBeUndefined();
    expect(isSubstantiveText(text)).toBe(true);
  });

  it.each([
    [undefined, 'missing'],
    [42, 'missing'],
    ['   ', 'missing'],
    ['Price.', 'too_short'],
    ['Price. Price. Price. Price.', 'too_short'],
    ['Cheaper, faster, better, safer, greener.', 'too_short'],
    ['Price. Price. Price. Price. Price. Price. Price. Price.', 'too_few_distinct_words'],
    ['Not compliant, not compliant, not compliant, not compliant.', 'too_few_distinct_words'],
    ['Storage fails the retention clause etc etc etc etc etc', 'repetition'],
    ['Price: cost, price: fee, price: rate, price: charge, price: bill, price.', 'repetition'],
    [
      'Storage falls short of the retention period. Storage falls short of the retention period.',
      'repetition',
    ],
    ['Agreed by the panel after the discussion at the meeting.', 'too_few_content_words'],
    ['Score adjusted after the panel discussion today.', 'too_few_content_words'],
    ['It is what it is and that is that, as we said.', 'too_few_content_words'],
    ['1 2 3 4 5 6 7 8 9 10 11 12 13 14 15', 'too_few_content_words'],
  ])('%j fails: %s', (text, problem) => {
    expect(substantiveTextProblem(text)).toBe(problem);
    expect(isSubstantiveText(text)).toBe(false);
  });

  it('a long text is not padding because common words recur in it', () => {
    const paragraph =
      'The method statement describes docking, retention and retrieval of footage in detail. ' +
      'The retention section cites the force policy and the Home Office code of practice. ';
    const long = Array.from(
      { length: 40 },
      (_, i) => `Point ${i + 1}: ${paragraph.replace('detail', `detail for site ${i + 1}`)}`,
    ).join('');
    expect(long.length).toBeGreaterThan(7_000);
    // Pasted forty times over with one number changed, it is padding.
    expect(substantiveTextProblem(long)).toBe('repetition');
    const varied = [
      'The method statement describes docking, retention and retrieval of footage in detail.',
      'Its retention section cites the force policy and the Home Office code of practice.',
      'Training covers two days per site, with refresher sessions every six months for all wardens.',
      'The price schedule separates hardware, licences and support, so each can be checked.',
      'References from two comparable police contracts confirm delivery within the stated period.',
    ].join(' ');
    expect(substantiveTextProblem(varied)).toBeUndefined();
    // Runs of numbers are data, not padding.
    expect(substantiveTextProblem('Release 1.1.1 of the schema meets the open data standard')).toBe(
      undefined,
    );
  });

  it('reads words as a person does: case, curly apostrophes and possessives do not make new words', () => {
    expect(wordsOf('The Panel’s view: we don’t SEE it')).toEqual([
      'the',
      'panel',
      'view',
      'we',
      "don't",
      'see',
      'it',
    ]);
    expect(normalisedText('  Price is  ABOVE budget!\n')).toBe(
      normalisedText('price is above budget'),
    );
  });

  it('says its thresholds in its rule text, and its stop words are a small documented list', () => {
    expect(SUBSTANTIVE_TEXT_RULE).toContain(`${SUBSTANTIVE_TEXT.minCharacters} characters`);
    expect(SUBSTANTIVE_TEXT_RULE).toContain(`${SUBSTANTIVE_TEXT.minWords} words`);
    expect(SUBSTANTIVE_TEXT_RULE).toContain(
      `${SUBSTANTIVE_TEXT.minContentWords} different content words`,
    );
    expect(STOP_WORDS.has('the')).toBe(true);
    expect(STOP_WORDS.has('panel')).toBe(true);
    expect(STOP_WORDS.has('retention')).toBe(false);
    expect(STOP_WORDS.size).toBeLessThan(250);
  });
});
