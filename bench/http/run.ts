/**
 * bench:http — requests/s and p99 latency of `GET /api/v1/units?pageSize=50` on the real
 * server (its own process, every plugin on, 2,000 units, signed in as an administrator), next to
 * a bare Fastify route returning the same bytes, measured in the same run with the same load
 * generator.
 *
 *   npm run bench:http                     embedded PGlite under a temporary DATA_DIR
 *   BENCH_DATABASE_URL=postgres://… npm run bench:http   a PostgreSQL server (database emptied)
 *   BENCH_DURATION_S=5 BENCH_ROUNDS=3 BENCH_CONNECTIONS=10   the defaults
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { migrate } from '../../apps/api/src/platform/db/migrate.js';
import { openPglite } from '../../apps/api/src/platform/db/pglite.js';
import { openPostgres } from '../../apps/api/src/platform/db/postgres.js';
import { startProcess, stop, urlPrintedBy } from '../support/processes.js';
import { ensureAdminAccount } from '../../apps/api/src/features/users/accounts.js';
import { seedUnits } from './seed-units.js';

const UNIT_COUNT = 2_000;
const PATH = '/api/v1/units?pageSize=50';
const duration = Number(process.env.BENCH_DURATION_S ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const databaseUrl = process.env.BENCH_DATABASE_URL;

const ADMIN = { email: 'bench-admin@example.org', password: 'bench-password-not-secret' };

async function prepareDatabase(dataDir: string) {
  const handle = databaseUrl
    ? await openPostgres({ url: databaseUrl, poolSize: 2 })
    : await openPglite(path.join(dataDir, 'db'));
  try {
    await migrate(handle);
    await handle.db.execute(sql`truncate units cascade`);
    const count = await seedUnits(handle.db, UNIT_COUNT);
    await ensureAdminAccount(handle.db, ADMIN, { resetPassword: true, via: 'bench' });
    return count;
  } finally {
    await handle.close();
  }
}

/** Signs in like the web apps do: every measured request carries a real access token. */
async function signIn(serverUrl: string): Promise<string> {
  const response = await fetch(`${serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

let headers: Record<string, string> = {};

async function measureOnce(url: string) {
  const result = await autocannon({ url, connections, duration, headers });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  }
  return { rps: result.requests.average, p99: result.latency.p99 };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Rounds alternate between the targets so that a slow spell of the machine hits both; each
 * figure is the median over the rounds.
 */
async function compare(baselineUrl: string, realUrl: string) {
  // A short warm-up lets the JIT and the connection pools settle before counting.
  for (const url of [baselineUrl, realUrl]) {
    await autocannon({ url, connections, duration: 2, headers });
  }
  const samples = {
    baseline: [] as { rps: number; p99: number }[],
    real: [] as { rps: number; p99: number }[],
  };
  for (let round = 0; round < rounds; round += 1) {
    samples.baseline.push(await measureOnce(baselineUrl));
    samples.real.push(await measureOnce(realUrl));
  }
  const summary = (list: { rps: number; p99: number }[]) => ({
    rps: median(list.map((sample) => sample.rps)),
    p99: median(list.map((sample) => sample.p99)),
  });
  return { baseline: summary(samples.baseline), real: summary(samples.real) };
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'co2-bench-http-'));
const seeded = await prepareDatabase(dataDir);

const server = startProcess('apps/api/src/cli.ts', ['serve'], {
  DATA_DIR: dataDir,
  PORT: '0',
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
});
let bare: ReturnType<typeof startProcess> | undefined;
try {
  const serverUrl = await urlPrintedBy(server, 'running at');
  // The bare route gets the same header, so both parse the same request.
  headers = { authorization: `Bearer ${await signIn(serverUrl)}` };
  const body = Buffer.from(await (await fetch(serverUrl + PATH, { headers })).arrayBuffer());
  const bodyFile = path.join(dataDir, 'units-page.json');
  writeFileSync(bodyFile, body);
  bare = startProcess('bench/http/bare-server.ts', [bodyFile], {});
  const bareUrl = await urlPrintedBy(bare, 'bare route at');

  const { baseline, real } = await compare(bareUrl + PATH, serverUrl + PATH);

  const engine = databaseUrl ? 'PostgreSQL server' : 'embedded PGlite';
  console.log(`\nGET ${PATH} — ${seeded} units, ${engine}, ${body.length} bytes per response`);
  console.log(
    `${connections} connections, ${rounds} alternating rounds of ${duration} s per target, medians\n`,
  );
  console.log(
    `  bare Fastify route   ${baseline.rps.toFixed(0).padStart(7)} req/s   p99 ${baseline.p99} ms`,
  );
  console.log(
    `  CO₂ Calculator API   ${real.rps.toFixed(0).padStart(7)} req/s   p99 ${real.p99} ms`,
  );
  console.log(`\n  ratio (API ÷ bare): ${(real.rps / baseline.rps).toFixed(2)}   (target ≥ 0.60)`);
} finally {
  if (bare) await stop(bare);
  await stop(server);
}
