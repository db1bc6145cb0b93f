import pg from 'pg';
import { vi } from 'vitest';

/**
 * A streaming replica (hot standby) of the test server, when there is one: `.ci/start-replica`
 * starts it and grants the test role the pausing of its replay, which shows what it serves.
 */
export const replicaServerUrl = process.env.TEST_DATABASE_REPLICA_URL;

/** The same server as `url`, another database. */
export function onDatabase(url: string, database: string): string {
  const named = new URL(url);
  named.pathname = `/${database}`;
  return named.toString();
}

/** Controls the replica's replay, through a session on its own database. */
export class ReplicaControl {
  private constructor(
    private readonly primary: pg.Client,
    private readonly replica: pg.Client,
  ) {}

  static async connect(primaryUrl: string, replicaUrl: string): Promise<ReplicaControl> {
    const primary = new pg.Client({ connectionString: primaryUrl });
    const replica = new pg.Client({ connectionString: replicaUrl });
    await primary.connect();
    await replica.connect();
    return new ReplicaControl(primary, replica);
  }

  async pause() {
    await this.replica.query('select pg_wal_replay_pause()');
  }

  async resume() {
    await this.replica.query('select pg_wal_replay_resume()');
  }

  /** Resolves once the replica has replayed what the primary had committed when called. */
  async caughtUp() {
    const { rows } = await this.primary.query<{ lsn: string }>(
      'select pg_current_wal_lsn()::text as lsn',
    );
    await vi.waitFor(
      async () => {
        const replayed = await this.replica.query<{ done: boolean }>(
          'select pg_last_wal_replay_lsn() >= $1::pg_lsn as done',
          [rows[0]!.lsn],
        );
        if (!replayed.rows[0]!.done)
          throw new Error(`the replica has not replayed ${rows[0]!.lsn}`);
      },
      { timeout: 30_000, interval: 20 },
    );
  }

  async close() {
    await Promise.all([this.primary.end(), this.replica.end()]);
  }
}
