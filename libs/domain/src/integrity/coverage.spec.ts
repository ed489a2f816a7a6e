import { characterCount } from './coverage';

describe('coverage helpers', () => {
  it('counts characters as a reader does: an emoji is one', () => {
    expect(characterCount('plain text')).toBe(10);
    expect(characterCount('good 👍 work')).toBe(11);
  });
});
