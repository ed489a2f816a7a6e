import type { SqlQueryable } from './sql-client';

/**
 * Tells other processes that events were appended. NOTIFY inside the append transaction would take
 * PostgreSQL's global notification-queue lock at every commit and serialise all writers (measured:
 * 16 concurrent appenders fell to a third of the raw INSERT rate). Instead, at most one NOTIFY per
 * process is in flight at a time, sent after the appends it covers have committed; appends that land
 * meanwhile are covered by the next one. Subscribers in this process are woken directly.
 */
export class AppendNotifier {
  private inFlight = false;
  private pending = false;

  constructor(
    private readonly db: SqlQueryable,
    private readonly channel: string,
  ) {}

  appended(): void {
    if (this.inFlight) {
      this.pending = true;
      return;
    }
    this.inFlight = true;
    this.db
      .query(`SELECT pg_notify($1, '')`, [this.channel])
      // A lost notification only delays remote subscribers until their next poll.
      .catch(() => undefined)
      .finally(() => {
        this.inFlight = false;
        if (this.pending) {
          this.pending = false;
          this.appended();
        }
      });
  }
}
