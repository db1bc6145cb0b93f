import { setTimeout as sleep } from 'node:timers/promises';
import { ALL_TABLES, type ChangeFeed, ChangeListeners } from './change-feed.js';

/** How far the replica has replayed the primary's write-ahead log. */
export interface ReplicaPosition {
  /** The primary's WAL position now: every change announced so far was committed before it. */
  primary(): Promise<string>;
  /** Whether the replica has replayed the primary's WAL up to `lsn`. */
  replayed(lsn: string): Promise<boolean>;
}

const FIRST_POLL_MS = 5;
const MAX_POLL_MS = 250;
const RETRY_MS = 1_000;

/**
 * The primary's change feed as the read replica sees it: a change is passed on once the
 * replica has replayed it. A cache filled from the replica must follow this, not the primary's
 * feed: dropped at the primary's notification, a result would be reloaded from a replica that
 * may not show the change yet, and that stale result kept until the next change.
 *
 * Changes arriving while the replica catches up are batched into the next wait. While the
 * positions cannot be read, the feed is not live, so caches answer nothing from memory.
 */
export class ReplicaChangeFeed implements ChangeFeed {
  private readonly listeners = new ChangeListeners();
  private readonly pending = new Set<string>();
  private readonly stopped = new AbortController();
  private attached = false;
  private syncing = false;
  private failing = false;

  constructor(
    private readonly primary: ChangeFeed,
    private readonly position: ReplicaPosition,
  ) {}

  get live(): boolean {
    return this.primary.live && !this.failing;
  }

  subscribe(listener: (table: string) => void) {
    // Attached on first use: a process that never reads from the replica (a worker) never
    // polls it.
    if (!this.attached) {
      this.attached = true;
      this.primary.subscribe((table) => this.changed(table));
    }
    return this.listeners.subscribe(listener);
  }

  announce(tables: readonly string[]) {
    this.primary.announce(tables);
  }

  close() {
    this.stopped.abort();
  }

  private changed(table: string) {
    if (this.stopped.signal.aborted) return;
    // The primary's feed went down or came back: what the caches hold is unknown now, so they
    // drop everything at once, and again when the replica has caught up.
    if (table === ALL_TABLES) this.listeners.emit(ALL_TABLES);
    this.pending.add(table);
    if (!this.syncing) void this.sync();
  }

  private async sync() {
    this.syncing = true;
    try {
      while (this.pending.size > 0) {
        const tables = [...this.pending];
        this.pending.clear();
        try {
          await this.caughtUp(await this.position.primary());
        } catch {
          if (this.stopped.signal.aborted) return;
          // Whether the replica shows these changes is unknown: retried until it answers.
          this.failing = true;
          tables.forEach((table) => this.pending.add(table));
          await sleep(RETRY_MS, undefined, { signal: this.stopped.signal, ref: false });
          continue;
        }
        this.failing = false;
        for (const table of tables) this.listeners.emit(table);
      }
    } catch {
      // Closed while waiting: nothing is listening any more.
    } finally {
      this.syncing = false;
    }
  }

  private async caughtUp(lsn: string) {
    let wait = FIRST_POLL_MS;
    while (!(await this.position.replayed(lsn))) {
      await sleep(wait, undefined, { signal: this.stopped.signal, ref: false });
      wait = Math.min(wait * 2, MAX_POLL_MS);
    }
  }
}
