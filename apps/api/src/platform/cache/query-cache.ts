import { LRUCache } from 'lru-cache';
import { ALL_TABLES, type ChangeFeed } from '../db/change-feed.js';

export interface QueryCacheOptions {
  /** The tables the cached results are read from: a change to any of them drops them all. */
  tables: string[];
  /** Bound on the memory held, counted in UTF-16 code units of the cached strings. */
  maxSize?: number;
}

/**
 * Serialised query results kept in memory and dropped as soon as any process commits a change
 * to a table they were read from (through the database's change feed). Read-mostly data, such
 * as the unit tree, is then served without a database round trip, on every replica.
 *
 * Correctness first: while the change feed is down nothing is served from memory, and a
 * result loaded while a change was announced is not kept (the generation check).
 */
export class QueryCache {
  private readonly entries: LRUCache<string, string>;
  private readonly loading = new Map<string, Promise<string>>();
  private readonly tables: Set<string>;
  private generation = 0;

  constructor(
    private readonly feed: ChangeFeed,
    options: QueryCacheOptions,
  ) {
    this.tables = new Set(options.tables);
    this.entries = new LRUCache({
      maxSize: options.maxSize ?? 8_000_000,
      sizeCalculation: (value) => Math.max(1, value.length),
    });
    feed.subscribe((table) => {
      if (table === ALL_TABLES || this.tables.has(table)) this.invalidate();
    });
  }

  /** Drops every result; also the way a write in this process makes its change visible at once. */
  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
    this.loading.clear();
  }

  async get(key: string, load: () => Promise<string>): Promise<string> {
    if (!this.feed.live) return load();
    const cached = this.entries.get(key);
    if (cached !== undefined) return cached;
    // Concurrent misses for one key share a single load.
    const pending = this.loading.get(key);
    if (pending) return pending;

    const generation = this.generation;
    const loaded = load().finally(() => {
      if (this.loading.get(key) === loaded) this.loading.delete(key);
    });
    this.loading.set(key, loaded);
    const value = await loaded;
    if (generation === this.generation && this.feed.live) this.entries.set(key, value);
    return value;
  }
}
