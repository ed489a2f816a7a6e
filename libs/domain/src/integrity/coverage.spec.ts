import { isSubstantiveText } from '../shared/substantive-text';
import { characterCount, isSubstantive } from './coverage';

describe('coverage helpers', () => {
  it.each([
    ['Price.'],
    ['Late.'],
    ['   four words are here   '],
    ['Meets the need well and more.'],
    ['a b c'],
    ['— — — — — — — — — — — —'],
    ['1 2 3 4 ........................'],
    ['Très bien fait, mais cher.'],
    ['\u00a0Solid\u00a0plan\u00a0with\u00a0evidence\u00a0'],
    [''],
  ])('isSubstantive(%j) answers as isSubstantiveText does', (text) => {
    expect(isSubstantive(text)).toBe(isSubstantiveText(text));
  });

  it('counts characters as a reader does: an emoji is one', () => {
    expect(characterCount('plain text')).toBe(10);
    expect(characterCount('good 👍 work')).toBe(11);
  });
});
