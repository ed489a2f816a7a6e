import { InvalidCursorError } from '@fairtender/read-models';
import { pageOf } from './page';

const ids = Array.from({ length: 5 }, (_, i) => ({ id: `t${i}` }));
const key = (item: { id: string }) => item.id;

describe('pageOf: { items, nextCursor } over a list in its order', () => {
  it('pages through every item once, then ends with nextCursor null', () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = pageOf(ids, key, { limit: 2, cursor });
      seen.push(...page.items.map(key));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(seen).toEqual(['t0', 't1', 't2', 't3', 't4']);
    expect(pages).toBe(3);
  });

  it('gives no cursor when the page holds the rest exactly', () => {
    expect(pageOf(ids, key, { limit: 5 }).nextCursor).toBeNull();
    expect(pageOf(ids, key, {}).items).toHaveLength(5);
  });

  it('refuses a cursor that is not from the list', () => {
    expect(() => pageOf(ids, key, { cursor: 'nonsense' })).toThrow(InvalidCursorError);
    const other = Buffer.from(JSON.stringify(['t9'])).toString('base64url');
    expect(() => pageOf(ids, key, { cursor: other })).toThrow(InvalidCursorError);
  });
});
