/**
 * bench:results — with an institution of 2,000 labs and 2,000,000 rows (generated in SQL),
 * latency of a lab's results and of the cross-unit reporting page (autocannon, p50/p99), and
 * of interactive row creation (row, emissions and stored sums in one transaction; p95 of
 * sequential requests), on the real server.
 *
 *   npm run bench:results                                 embedded PGlite
 *   BENCH_DATABASE_URL=postgres://… npm run bench:results a PostgreSQL server (emptied!)
 *   BENCH_LABS=2000 BENCH_ENTRIES=2000000                 the defaults
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { ensureAdminAccount } from '../../apps/api/src/features/users/accounts.js';
import { migrate } from '../../apps/api/src/platform/db/migrate.js';
import { openPglite } from '../../apps/api/src/platform/db/pglite.js';
import { openPostgres } from '../../apps/api/src/platform/db/postgres.js';
import { queryRows } from '../../apps/api/src/platform/db/query-rows.js';
import { startProcess, stop, urlPrintedBy } from '../support/processes.js';
import { BENCH_YEAR, generateInstitution } from './generate.js';

const labs = Number(process.env.BENCH_LABS ?? 2000);
const entries = Number(process.env.BENCH_ENTRIES ?? 2_000_000);
const databaseUrl = process.env.BENCH_DATABASE_URL;
const ADMIN = { email: 'bench-admin@example.org', password: 'bench-password-not-secret' };
const PI = { email: 'bench-pi@example.org', password: 'bench-password-not-secret' };

const dataDir = mkdtempSync(path.join(tmpdir(), 'co2-bench-results-'));
const handle = databaseUrl
  ? await openPostgres({ url: databaseUrl, poolSize: 2 })
  : await openPglite(path.join(dataDir, 'db'));
let labId: string;
const started = performance.now();
try {
  await migrate(handle);
  await generateInstitution(handle.db, labs, Math.round(entries / labs));
  await ensureAdminAccount(handle.db, ADMIN, { resetPassword: true, via: 'bench' });
  const { userId } = await ensureAdminAccount(handle.db, PI, { resetPassword: true, via: 'bench' });
  [{ id: labId }] = (await queryRows<{ id: string }>(
    handle.db,
    sql`select id from units where code = 'LAB00001'`,
  )) as [{ id: string }];
  // The principal is a lab's principal, not an admin (admins may not write unit data).
  await handle.db.execute(sql`delete from role_assignments where user_id = ${userId}`);
  await handle.db.execute(sql`insert into role_assignments (user_id, role, unit_id, source)
    values (${userId}, 'principal', ${labId}, 'app')`);
  await handle.db.execute(sql`update report_modules set status = 'in_progress'
    where module = 'professional-travel' and report_id = (select id from reports where unit_id = ${labId})`);
} finally {
  await handle.close();
}
const generatedIn = (performance.now() - started) / 1000;

const server = startProcess('apps/api/src/cli.ts', ['serve'], {
  DATA_DIR: dataDir,
  PORT: '0',
  LOG_LEVEL: 'warn',
  DEMO_SEED: 'off',
  // Latency under load is what is measured: no shedding (on PGlite queries run on the API's
  // own thread, so a heavy page makes the event loop lag and would be answered with 503s).
  OVERLOAD_EVENT_LOOP_DELAY_MS: '0',
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
});
try {
  const url = await urlPrintedBy(server, 'running at');
  const tokenOf = async (account: typeof ADMIN) => {
    const response = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(account),
    });
    return ((await response.json()) as { accessToken: string }).accessToken;
  };
  const admin = { authorization: `Bearer ${await tokenOf(ADMIN)}` };
  const pi = { authorization: `Bearer ${await tokenOf(PI)}`, 'content-type': 'application/json' };

  const latency = async (target: string) => {
    await autocannon({ url: url + target, connections: 10, duration: 2, headers: admin });
    const result = await autocannon({
      url: url + target,
      connections: 10,
      duration: 10,
      headers: admin,
    });
    if (result.non2xx > 0) throw new Error(`${target}: ${result.non2xx} non-2xx responses`);
    return result.latency;
  };
  const results = await latency(`/api/v1/units/${labId}/years/${BENCH_YEAR}/results`);
  const reporting = await latency(
    `/api/v1/reporting/units?year=${BENCH_YEAR}&pageSize=50&sort=-totalKgCo2eq`,
  );

  const body = JSON.stringify({
    subModule: 'plane',
    fields: {
      origin: 'GVA',
      destination: 'CDG',
      traveller: 'Bench',
      date: `${BENCH_YEAR}-05-01`,
      roundTrip: true,
    },
  });
  const timings: number[] = [];
  for (let i = 0; i < 320; i += 1) {
    const t0 = performance.now();
    const response = await fetch(
      `${url}/api/v1/units/${labId}/years/${BENCH_YEAR}/modules/professional-travel/entries`,
      { method: 'POST', headers: pi, body },
    );
    await response.arrayBuffer();
    if (response.status !== 201) throw new Error(`create: ${response.status}`);
    if (i >= 20) timings.push(performance.now() - t0); // the first ones warm up
  }
  timings.sort((a, b) => a - b);
  const p = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]!;

  const engine = databaseUrl ? 'PostgreSQL server' : 'embedded PGlite';
  console.log(
    `\n${labs} labs, ${entries.toLocaleString('en')} rows (${Math.round(entries / labs)} per lab), ${engine}; generated in ${generatedIn.toFixed(0)} s\n`,
  );
  console.log(
    `  results of one lab        p50 ${results.p50} ms   p99 ${results.p99} ms   (target p99 < 20 ms)`,
  );
  console.log(`  reporting over all labs   p50 ${reporting.p50} ms   p99 ${reporting.p99} ms`);
  console.log(
    `  interactive create        p50 ${p(0.5).toFixed(1)} ms   p95 ${p(0.95).toFixed(1)} ms   (target p95 < 50 ms, ${timings.length} sequential requests)`,
  );
} finally {
  await stop(server);
}
