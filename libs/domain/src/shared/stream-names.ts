/** Stream names put the tender first, so one prefix reads a whole tender (docs/architecture.md#the-event-store). */
export const tenderStream = (tenderId: string) => `tender-${tenderId}`;
export const bidStream = (tenderId: string, supplierId: string) =>
  `tender-${tenderId}.bid-${supplierId}`;
export const bidStreamPrefix = (tenderId: string) => `tender-${tenderId}.bid-`;
/** An evaluator's declarations and scores: its own stream, so evaluators never contend on one. */
export const evaluatorStream = (tenderId: string, evaluatorId: string) =>
  `tender-${tenderId}.evaluator-${evaluatorId}`;
export const evaluatorStreamPrefix = (tenderId: string) => `tender-${tenderId}.evaluator-`;
export const refusalStream = (tenderId: string) => `tender-${tenderId}.refusals`;
/** Outside production only: every move of the sandbox clock (docs/operations.md#sandbox). */
export const SANDBOX_CLOCK_STREAM = 'sandbox-clock';
export const tenderPrefix = (tenderId: string) => `tender-${tenderId}`;

/** The tender and, for a bid stream, the supplier, from a stream name; undefined for other streams. */
export function parseTenderStream(streamName: string):
  | {
      tenderId: string;
      kind: 'tender' | 'bid' | 'evaluator' | 'refusals' | 'other';
      supplierId?: string;
      evaluatorId?: string;
    }
  | undefined {
  const match = /^tender-([^.]+)(?:\.(.+))?$/.exec(streamName);
  if (!match) return undefined;
  const [, tenderId, rest] = match;
  if (rest === undefined) return { tenderId, kind: 'tender' };
  if (rest.startsWith('bid-')) return { tenderId, kind: 'bid', supplierId: rest.slice(4) };
  if (rest.startsWith('evaluator-'))
    return { tenderId, kind: 'evaluator', evaluatorId: rest.slice(10) };
  if (rest === 'refusals') return { tenderId, kind: 'refusals' };
  return { tenderId, kind: 'other' };
}
