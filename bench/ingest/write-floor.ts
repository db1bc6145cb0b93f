import { performance } from 'node:perf_hooks';
import { type SQL, sql } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '../../apps/api/src/platform/db/database.js';
import { queryRows } from '../../apps/api/src/platform/db/query-rows.js';

/** Seconds taken by each part of writing an import's rows into one shape of table. */
export interface WriteTimes {
  entries: number;
  emissions: number;
  /** Building the indexes and checking the keys after the rows are in (bulk loading only). */
  indexesAndKeys: number;
  total: number;
}

export interface WriteFloors {
  rows: number;
  /** Into copies of the tables with every index and foreign key, as the import writes. */
  indexed: WriteTimes;
  /**
   * Into bare copies (the columns alone), then the same indexes built and keys checked once
   * over the set: what loading a fresh partition and attaching it would cost. Its `entries`
   * and `emissions` alone are the bytes of the rows: no table that stores these rows, with
   * or without indexes, is written faster.
   */
  bulk: WriteTimes;
}

/**
 * The floors of the import's own writes: the entries and emissions one import job inserted,
 * copied again by one `INSERT … SELECT` each into new tables made like `data_entries` and
 * `emissions`, two ways (see {@link WriteFloors}). Whatever an import does before (reading,
 * checking, calculating, staging), it cannot be faster than the first, and no shape of the
 * product's tables can beat the second's inserts. Run on an idle database (the server
 * stopped), in one session, untimed but for the writes.
 */
export async function measureWriteFloors(
  handle: DatabaseHandle,
  jobId: string,
): Promise<WriteFloors> {
  return handle.withSession(async (db) => {
    await db.execute(sql`create temp table floor_entries as
      select * from data_entries where import_job_id = ${jobId}`);
    await db.execute(sql`create temp table floor_emissions as
      select e.* from emissions e join floor_entries d on d.id = e.entry_id`);
    try {
      const [counted] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from floor_entries`,
      );
      const indexed = await writeCopies(db, 'indexed');
      const bulk = await writeCopies(db, 'bulk');
      return { rows: counted?.n ?? 0, indexed, bulk };
    } finally {
      await db.execute(sql`drop table floor_emissions, floor_entries`);
    }
  });
}

/**
 * Creates bare copies of both tables and writes the rows into them: with every index and key
 * made first (`indexed`), or made after the rows are in (`bulk`). Drops the copies.
 */
async function writeCopies(db: Database, shape: 'indexed' | 'bulk'): Promise<WriteTimes> {
  await db.execute(sql`create table bench_floor_entries (like data_entries including defaults)`);
  await db.execute(sql`create table bench_floor_emissions (like emissions including defaults)`);
  const entriesCopy = await copyOf(db, 'data_entries', 'bench_floor_entries');
  const emissionsCopy = await copyOf(db, 'emissions', 'bench_floor_emissions');
  // Without the id: the emissions take it from their sequence, as the merge's do.
  const emissionColumns = sql.raw(
    (await columnsOf(db, 'emissions')).filter((column) => column !== 'id').join(', '),
  );
  try {
    if (shape === 'indexed') {
      await entriesCopy.indexesAndKeys();
      await emissionsCopy.indexesAndKeys();
    }
    const entries = await timed(
      db,
      sql`insert into bench_floor_entries select * from floor_entries`,
    );
    const emissions = await timed(
      db,
      sql`insert into bench_floor_emissions (${emissionColumns})
        select ${emissionColumns} from floor_emissions`,
    );
    let indexesAndKeys = 0;
    if (shape === 'bulk') {
      const started = performance.now();
      await entriesCopy.indexesAndKeys();
      await emissionsCopy.indexesAndKeys();
      indexesAndKeys = (performance.now() - started) / 1000;
    }
    return { entries, emissions, indexesAndKeys, total: entries + emissions + indexesAndKeys };
  } finally {
    await db.execute(sql`drop table bench_floor_emissions, bench_floor_entries`);
  }
}

async function timed(db: Database, statement: SQL): Promise<number> {
  const started = performance.now();
  await db.execute(statement);
  return (performance.now() - started) / 1000;
}

/**
 * What makes `copy` like `table` beyond its columns: every constraint (primary key, unique,
 * check, foreign key; a reference to `data_entries` goes to its copy) and every other index,
 * read from the catalogue so the floor follows the migrations.
 */
async function copyOf(db: Database, table: string, copy: string) {
  const constraints = await queryRows<{ definition: string }>(
    db,
    sql`select pg_get_constraintdef(oid) as definition from pg_constraint
         where conrelid = ${table}::regclass and contype in ('p', 'u', 'c', 'f')
         order by contype = 'f', conname`,
  );
  const indexes = await queryRows<{ definition: string }>(
    db,
    sql`select pg_get_indexdef(i.indexrelid) as definition from pg_index i
         where i.indrelid = ${table}::regclass
           and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
  );
  return {
    async indexesAndKeys() {
      for (const { definition } of constraints) {
        const onCopy = definition.replace(
          /REFERENCES data_entries\(/,
          'REFERENCES bench_floor_entries(',
        );
        await db.execute(sql.raw(`alter table ${copy} add ${onCopy}`));
      }
      for (const { definition } of indexes) {
        const onCopy = definition.replace(
          /^CREATE (UNIQUE )?INDEX \S+ ON (\S+\.)?\S+/,
          `CREATE $1INDEX ON ${copy}`,
        );
        await db.execute(sql.raw(onCopy));
      }
    },
  };
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
