import type { SqlQueryable } from './sql-client';

/**
 * Tells other processes that events were appended. NOTIFY inside the append transaction would take
 * PostgreSQL's global notification-queue lock at every commit and serialise all writers (measured:
 * 16 concurrent appenders fell to a third of the raw INSERT rate), and one NOTIFY per append would
 * double the round trips. So a process sends at most one NOTIFY per `intervalMs`, after the appends it
 * covers have committed; remote subscribers hear of a burst within that interval. Subscribers in
 * this process are woken directly by the store.
 */
export class AppendNotifier {
  private scheduled = false;
  private lastSentAt = 0;

  constructor(
    private readonly db: SqlQueryable,
    private readonly channel: string,
    private readonly intervalMs = 10,
  ) {}

  appended(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const wait = Math.max(0, this.lastSentAt + this.intervalMs - Date.now());
    setTimeout(() => this.send(), wait).unref();
  }

  private send(): void {
    this.lastSentAt = Date.now();
    // Cleared before the query: appends committing from now on need a NOTIFY sent after them.
    this.scheduled = false;
    this.db
      .query(`SELECT pg_notify($1, '')`, [this.channel], 'fairtender_notify')
      // A lost notification only delays remote subscribers until their next poll.
      .catch(() => undefined);
  }
}
