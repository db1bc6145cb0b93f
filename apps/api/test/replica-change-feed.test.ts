import { afterEach, describe, expect, it, vi } from 'vitest';
import { ALL_TABLES, type ChangeFeed, ChangeListeners } from '../src/platform/db/change-feed.js';
import { ReplicaChangeFeed } from '../src/platform/db/replica-change-feed.js';

/** The primary's feed, driven by the test. */
class PrimaryFeed implements ChangeFeed {
  live = true;
  readonly listeners = new ChangeListeners();
  subscribe(listener: (table: string) => void) {
    return this.listeners.subscribe(listener);
  }
  announce(tables: readonly string[]) {
    tables.forEach((table) => this.listeners.emit(table));
  }
}

/** WAL positions as plain numbers: where the primary is, and how far the replica replayed. */
const wal = { primary: 0, replayed: 0, down: false };
const position = {
  async primary() {
    if (wal.down) throw new Error('connection refused');
    return String(wal.primary);
  },
  async replayed(lsn: string) {
    if (wal.down) throw new Error('connection refused');
    return wal.replayed >= Number(lsn);
  },
};

let feed: ReplicaChangeFeed | undefined;
afterEach(() => feed?.close());

function open() {
  Object.assign(wal, { primary: 0, replayed: 0, down: false });
  const primary = new PrimaryFeed();
  feed = new ReplicaChangeFeed(primary, position);
  const seen: string[] = [];
  feed.subscribe((table) => seen.push(table));
  return { primary, feed, seen };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('the change feed as a read replica sees it', () => {
  it('passes a change on once the replica has replayed it', async () => {
    const { primary, seen } = open();
    wal.primary = 5;
    wal.replayed = 3;
    primary.announce(['units']);
    await settle();
    expect(seen).toEqual([]);
    wal.replayed = 5;
    await vi.waitFor(() => expect(seen).toEqual(['units']));
  });

  it('waits for what was committed meanwhile in a second round', async () => {
    const { primary, seen } = open();
    wal.primary = 5;
    primary.announce(['units']);
    await settle();
    wal.primary = 8;
    primary.announce(['reports']);
    wal.replayed = 5;
    await vi.waitFor(() => expect(seen).toEqual(['units']));
    await settle();
    expect(seen).toEqual(['units']);
    wal.replayed = 8;
    await vi.waitFor(() => expect(seen).toEqual(['units', 'reports']));
  });

  it('drops everything at once when the primary’s feed was down, and again once replayed', async () => {
    const { primary, seen } = open();
    wal.primary = 5;
    primary.listeners.emit(ALL_TABLES);
    expect(seen).toEqual([ALL_TABLES]);
    wal.replayed = 5;
    await vi.waitFor(() => expect(seen).toEqual([ALL_TABLES, ALL_TABLES]));
  });

  it('is not live while the positions cannot be read, and catches up once they can', async () => {
    const { primary, feed, seen } = open();
    wal.down = true;
    primary.announce(['units']);
    await vi.waitFor(() => expect(feed.live).toBe(false));
    wal.down = false;
    await vi.waitFor(() => expect(seen).toEqual(['units']), { timeout: 3_000 });
    expect(feed.live).toBe(true);
  });

  it('follows the primary’s liveness', () => {
    const { primary, feed } = open();
    primary.live = false;
    expect(feed.live).toBe(false);
  });
});
