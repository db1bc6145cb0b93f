import { LRUCache } from 'lru-cache';
import { ALL_TABLES, type ChangeFeed } from '../db/change-feed.js';

export interface QueryCacheOptions<V> {
  /** The tables the cached results are read from: a change to any of them drops them all. */
  tables: string[];
  /** Bound on the memory held, in the unit of `sizeOf`. */
  maxSize?: number;
  /** Size of one result; by default a string's length, anything else counts 1. */
  sizeOf?: (value: V) => number;
}

/**
 * Serialised query results kept in memory and dropped as soon as any process commits a change
 * to a table they were read from (through the database's change feed). Read-mostly data, such
 * as the unit tree, is then served without a database round trip, on every replica.
 *
 * Correctness first: while the change feed is down nothing is served from memory, and a
 * result loaded while a change was announced is not kept (the generation check).
 */
export class QueryCache<V extends object | string = string> {
  private readonly entries: LRUCache<string, V>;
  private readonly loading = new Map<string, Promise<V>>();
  private readonly tables: Set<string>;
  private generation = 0;

  constructor(
    private readonly feed: ChangeFeed,
    options: QueryCacheOptions<V>,
  ) {
    this.tables = new Set(options.tables);
    const sizeOf = options.sizeOf ?? ((value: V) => (typeof value === 'string' ? value.length : 1));
    this.entries = new LRUCache<string, V>({
      maxSize: options.maxSize ?? 8_000_000,
      sizeCalculation: (value) => Math.max(1, sizeOf(value)),
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

  /** The cached result, if there is one that may be trusted now; never loads. */
  peek(key: string): V | undefined {
    return this.feed.live ? this.entries.get(key) : undefined;
  }

  async get(key: string, load: () => Promise<V>): Promise<V> {
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
