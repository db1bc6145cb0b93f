import pg from 'pg';
import { ALL_TABLES, CHANGE_CHANNEL, type ChangeFeed, ChangeListeners } from './change-feed.js';

const MAX_RETRY_DELAY_MS = 30_000;

/**
 * LISTENs on a dedicated connection (a session: it cannot go through a transaction-pooling
 * proxy). When the connection drops, the feed is not live and listeners are told to drop
 * everything; it reconnects with exponential backoff and jitter, and tells them again once
 * live, since changes made in between were never announced.
 */
export class PostgresChangeFeed implements ChangeFeed {
  private readonly listeners = new ChangeListeners();
  private client: pg.Client | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private attempt = 0;
  private closed = false;
  live = false;

  constructor(private readonly url: string) {}

  subscribe(listener: (table: string) => void) {
    return this.listeners.subscribe(listener);
  }

  announce(tables: readonly string[]) {
    for (const table of tables) this.listeners.emit(table);
  }

  async start(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.url,
      application_name: 'co2-calculator-changes',
    });
    client.on('notification', (message) => {
      if (message.channel === CHANGE_CHANNEL) this.listeners.emit(message.payload ?? ALL_TABLES);
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch {
      this.lost(client);
      return;
    }
    if (this.closed) return void (await client.end().catch(() => {}));
    this.attempt = 0;
    this.live = true;
    this.listeners.emit(ALL_TABLES);
  }

  private lost(client: pg.Client) {
    if (client !== this.client) return;
    this.client = undefined;
    this.live = false;
    this.listeners.emit(ALL_TABLES);
    client.removeAllListeners();
    client.on('error', () => {});
    void client.end().catch(() => {});
    if (this.closed) return;
    const ceiling = Math.min(MAX_RETRY_DELAY_MS, 250 * 2 ** this.attempt);
    this.attempt += 1;
    this.retryTimer = setTimeout(() => void this.start(), Math.random() * ceiling);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.live = false;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }
}
