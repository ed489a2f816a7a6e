/** One window of repeated refusals of the same attempt. */
export interface RefusalWindow<Context> {
  key: string;
  startedAt: Date;
  endsAt: Date;
  /** What the summary event needs (tender, actor, type, attempt, code); from the first refusal. */
  context: Context;
  repeats: number;
  firstRepeatAt?: Date;
  lastRepeatAt?: Date;
}

/**
 * Which refusals are recorded in full and which are only counted (issue 17). The first refusal of an
 * attempt opens a window and is recorded; the next ones inside it are counted here; a window with
 * repeats is closed (handed back for one summary event) when it ends, when the same attempt is
 * refused again after it, or at shutdown. Pure: the caller passes the time.
 */
export class RefusalWindows<Context> {
  private readonly open = new Map<string, RefusalWindow<Context>>();

  constructor(
    private readonly windowMs: number,
    /** Attempts tracked at once; past it every window is closed, so memory stays bounded. */
    private readonly maxOpen = 10_000,
  ) {}

  /**
   * `record`: write this refusal in full (and `closed`, the previous window's repeats, first).
   * `count`: counted in the open window, write nothing now.
   */
  admit(
    key: string,
    now: Date,
    context: Context,
  ): { verdict: 'record' | 'count'; closed: RefusalWindow<Context>[] } {
    const window = this.open.get(key);
    if (window && now < window.endsAt) {
      window.repeats += 1;
      window.firstRepeatAt ??= now;
      window.lastRepeatAt = now;
      return { verdict: 'count', closed: [] };
    }
    const closed = window && window.repeats > 0 ? [window] : [];
    this.open.delete(key);
    if (this.open.size >= this.maxOpen) closed.push(...this.closeAll());
    this.open.set(key, {
      key,
      startedAt: now,
      endsAt: new Date(now.getTime() + this.windowMs),
      context,
      repeats: 0,
    });
    return { verdict: 'record', closed };
  }

  /** Windows that have ended: those with repeats are handed back, the others forgotten. */
  closeEnded(now: Date): RefusalWindow<Context>[] {
    const closed: RefusalWindow<Context>[] = [];
    for (const [key, window] of this.open) {
      if (now < window.endsAt) continue;
      this.open.delete(key);
      if (window.repeats > 0) closed.push(window);
    }
    return closed;
  }

  /** Every window, ended or not (shutdown). */
  closeAll(): RefusalWindow<Context>[] {
    const closed = [...this.open.values()].filter((window) => window.repeats > 0);
    this.open.clear();
    return closed;
  }

  get size(): number {
    return this.open.size;
  }
}
