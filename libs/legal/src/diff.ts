import type { TenderStateView } from './state-view';

export interface Change {
  /** Dotted path into the state view, e.g. `tender.stage`, `bids.items.acme.status`. */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  from?: unknown;
  to?: unknown;
}

export interface TenderDiff {
  tenderId: string;
  from: TenderStateView['asOf'] & { moment: string };
  to: TenderStateView['asOf'] & { moment: string };
  /** Sections that changed, for a reader's overview: `stage`, `notice`, `clarifications`, `bids`… */
  changed: string[];
  changes: Change[];
}

/** Array items with one of these keys are matched by it, so a new bid is one addition, not a shift. */
const ITEM_KEYS = ['supplierId', 'questionId', 'streamName', 'id'];

/**
 * What changed between two moments: a structured diff of the two state views (the same sealing rule
 * applies, since both views already follow it). `asOf` and the moment are reported, not diffed.
 */
export function diffStates(from: TenderStateView, to: TenderStateView): TenderDiff {
  const changes: Change[] = [];
  for (const section of ['tender', 'bids', 'evaluators', 'refusals', 'auditRecords'] as const) {
    compare(section, from[section], to[section], changes);
  }
  const changed = new Set(changes.map((change) => sectionOf(change.path)));
  return {
    tenderId: to.tenderId,
    from: { moment: from.moment, ...from.asOf },
    to: { moment: to.moment, ...to.asOf },
    changed: [...changed],
    changes,
  };
}

function sectionOf(path: string): string {
  const [head, second] = path.split('.');
  if (head !== 'tender') return head;
  if (second === 'stage') return 'stage';
  if (second === 'terms' || second === 'noticeVersion' || second === 'lastAmendedAt')
    return 'notice';
  if (second === 'clarifications') return 'clarifications';
  if (second?.startsWith('opened') || second === 'openingConfirmation') return 'opening';
  return 'tender';
}

function compare(path: string, a: unknown, b: unknown, out: Change[]): void {
  if (a === undefined && b === undefined) return;
  if (a === undefined) return void out.push({ path, kind: 'added', to: b });
  if (b === undefined) return void out.push({ path, kind: 'removed', from: a });
  const keyedA = keyed(a) ?? (isEmptyArray(a) && keyed(b) ? {} : undefined);
  const keyedB = keyed(b) ?? (isEmptyArray(b) && keyedA ? {} : undefined);
  if (keyedA && keyedB && Array.isArray(a) === Array.isArray(b)) {
    for (const key of new Set([...Object.keys(keyedA), ...Object.keys(keyedB)])) {
      compare(`${path}.${key}`, keyedA[key], keyedB[key], out);
    }
    return;
  }
  if (stable(a) !== stable(b)) out.push({ path, kind: 'changed', from: a, to: b });
}

const isEmptyArray = (value: unknown) => Array.isArray(value) && value.length === 0;

/** JSON with object keys sorted, so that two equal values built in different orders compare equal. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}

/** Objects as themselves; arrays of identified items as objects keyed by id; anything else undefined. */
function keyed(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (!Array.isArray(value)) return value as Record<string, unknown>;
  const key = ITEM_KEYS.find((k) =>
    value.every((item) => typeof item === 'object' && item !== null && typeof item[k] === 'string'),
  );
  if (!key || value.length === 0) return undefined;
  const ids = value.map((item) => (item as Record<string, string>)[key]);
  if (new Set(ids).size !== ids.length) return undefined;
  return Object.fromEntries(value.map((item, i) => [ids[i], item]));
}
