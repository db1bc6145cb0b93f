/**
 * Which tables other transactions (in any process) have changed, from PostgreSQL's
 * `table_changed` notifications (see the `table_change_notifications` migration). Caches of
 * derived data subscribe to drop what a change made stale.
 */
export const CHANGE_CHANNEL = 'table_changed';

/** Passed to listeners when changes may have been missed (the feed was down): drop everything. */
export const ALL_TABLES = '*';

export type ChangeListener = (table: string) => void;

export interface ChangeFeed {
  /**
   * True while notifications arrive. While false, changes can go unseen, so a cache must not
   * answer from memory.
   */
  readonly live: boolean;
  subscribe(listener: ChangeListener): () => void;
  /**
   * Tells this process's listeners at once that it committed changes to these tables, so it
   * reads its own writes without waiting for the notification (other processes still get it).
   */
  announce(tables: readonly string[]): void;
}

/** The fan-out shared by the PGlite and the server implementations. */
export class ChangeListeners {
  private readonly listeners = new Set<ChangeListener>();

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(table: string): void {
    for (const listener of this.listeners) listener(table);
  }
}
