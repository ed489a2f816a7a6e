/** Stream names put the tender first, so one prefix reads a whole tender (DESIGN §5). */
export const tenderStream = (tenderId: string) => `tender-${tenderId}`;
export const bidStream = (tenderId: string, supplierId: string) =>
  `tender-${tenderId}.bid-${supplierId}`;
export const bidStreamPrefix = (tenderId: string) => `tender-${tenderId}.bid-`;
export const refusalStream = (tenderId: string) => `tender-${tenderId}.refusals`;
export const tenderPrefix = (tenderId: string) => `tender-${tenderId}`;

/** The tender and, for a bid stream, the supplier, from a stream name; undefined for other streams. */
export function parseTenderStream(
  streamName: string,
):
  | { tenderId: string; kind: 'tender' | 'bid' | 'refusals' | 'other'; supplierId?: string }
  | undefined {
  const match = /^tender-([^.]+)(?:\.(.+))?$/.exec(streamName);
  if (!match) return undefined;
  const [, tenderId, rest] = match;
  if (rest === undefined) return { tenderId, kind: 'tender' };
  if (rest.startsWith('bid-')) return { tenderId, kind: 'bid', supplierId: rest.slice(4) };
  if (rest === 'refusals') return { tenderId, kind: 'refusals' };
  return { tenderId, kind: 'other' };
}
