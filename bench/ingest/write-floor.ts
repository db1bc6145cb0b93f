import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '../../apps/api/src/platform/db/database.js';
import { queryRows } from '../../apps/api/src/platform/db/query-rows.js';

/**
 * The floor of the import's own writes: the entries and emissions one import job inserted,
 * copied by one `INSERT … SELECT` each into new tables made like `data_entries` and
 * `emissions` with every index and foreign key, as the import's merge writes them. Whatever
 * an import does before (reading, checking, calculating, staging), it cannot be faster than
 * this; the bench prints it next to the plain `COPY` to show what bounds the ratio. Run on an
 * idle database (the server stopped), in one session, untimed but for the two inserts.
 */
export async function measureWriteFloor(handle: DatabaseHandle, jobId: string) {
  return handle.withSession(async (db) => {
    await db.execute(sql`create temp table floor_entries as
      select * from data_entries where import_job_id = ${jobId}`);
    await db.execute(sql`create temp table floor_emissions as
      select e.* from emissions e join floor_entries d on d.id = e.entry_id`);
    await db.execute(sql`create table bench_floor_entries (like data_entries including all)`);
    await db.execute(sql`create table bench_floor_emissions (like emissions including all)`);
    await copyForeignKeys(db, 'data_entries', 'bench_floor_entries');
    await copyForeignKeys(db, 'emissions', 'bench_floor_emissions');
    const emissionColumns = sql.raw(
      (await columnsOf(db, 'emissions')).filter((column) => column !== 'id').join(', '),
    );
    try {
      const started = performance.now();
      await db.execute(sql`insert into bench_floor_entries select * from floor_entries`);
      const entriesSeconds = (performance.now() - started) / 1000;
      // Without the id: the emissions take it from their sequence, as the merge's do.
      await db.execute(sql`insert into bench_floor_emissions (${emissionColumns})
        select ${emissionColumns} from floor_emissions`);
      const seconds = (performance.now() - started) / 1000;
      const [counted] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from floor_entries`,
      );
      return { rows: counted?.n ?? 0, entriesSeconds, seconds };
    } finally {
      await db.execute(sql`drop table bench_floor_emissions, bench_floor_entries`);
      await db.execute(sql`drop table floor_emissions, floor_entries`);
    }
  });
}

/** Gives `copy` the foreign keys of `table`, a reference to `data_entries` to its copy. */
async function copyForeignKeys(db: Database, table: string, copy: string) {
  const keys = await queryRows<{ definition: string }>(
    db,
    sql`select pg_get_constraintdef(oid) as definition from pg_constraint
         where conrelid = ${table}::regclass and contype = 'f'`,
  );
  for (const { definition } of keys) {
    const target = definition.replace(
      /REFERENCES data_entries\(/,
      'REFERENCES bench_floor_entries(',
    );
    await db.execute(sql.raw(`alter table ${copy} add ${target}`));
  }
}

async function columnsOf(db: Database, table: string): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select attname as name from pg_attribute
         where attrelid = ${table}::regclass and attnum > 0 and not attisdropped
         order by attnum`,
  );
  return rows.map((row) => row.name);
}
