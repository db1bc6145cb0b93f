import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parser } from '@prometheus-io/lezer-promql';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dataIngestionJobs } from '../src/features/jobs/table.js';
import { registerDbPoolMetrics } from '../src/platform/observability/db-pool-metrics.js';
import { startOpsServer } from '../src/platform/observability/ops-server.js';
import { signedInAdmin } from './support/identities.js';
import { buildTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/**
 * The Grafana dashboard and the Prometheus alerts of deploy/ query only what the app really
 * exports: every expression parses as PromQL, and every metric it names (with the labels it
 * filters on) appears in `/metrics` of a running app that served requests and has jobs.
 */

const DEPLOY = new URL('../../../deploy/', import.meta.url);
/** Made by Prometheus itself, not by the app. */
const SYNTHETIC = new Set(['up']);
/** Labels Prometheus adds to every series it scrapes. */
const TARGET_LABELS = new Set(['job', 'instance', 'namespace', 'pod', 'service', 'container']);
/** Only a PostgreSQL server has a pool: on PGlite these series do not exist. */
const POOL_METRICS = [
  'co2_db_pool_connections',
  'co2_db_pool_connections_max',
  'co2_db_pool_waiting_requests',
];

// Grafana's variables, as Grafana would substitute them.
const GRAFANA_VARIABLES: [RegExp, string][] = [
  [/\$__rate_interval|\$__interval|\$__range/g, '5m'],
  [/\$\{?job\}?/g, 'co2-calculator.*'],
];

interface Selector {
  metric: string;
  labels: string[];
}

/** The metric and label names an expression selects; throws on a syntax error. */
function selectorsOf(expression: string): Selector[] {
  const selectors: Selector[] = [];
  const cursor = parser.parse(expression).cursor();
  do {
    if (cursor.type.isError) {
      throw new Error(`PromQL syntax error at ${cursor.from} in: ${expression}`);
    }
    if (cursor.name !== 'VectorSelector') continue;
    const node = cursor.node;
    const identifier = node.getChild('Identifier');
    if (!identifier) throw new Error(`a selector without a metric name in: ${expression}`);
    const labels = (node.getChild('LabelMatchers')?.getChildren('UnquotedLabelMatcher') ?? [])
      .map((matcher) => matcher.getChild('LabelName'))
      .map((name) => expression.slice(name!.from, name!.to));
    selectors.push({ metric: expression.slice(identifier.from, identifier.to), labels });
  } while (cursor.next());
  return selectors;
}

interface Panel {
  panels?: Panel[];
  targets?: { expr: string }[];
}

function dashboardExpressions(): string[] {
  const dashboard = JSON.parse(
    readFileSync(new URL('grafana/co2-calculator.json', DEPLOY), 'utf8'),
  );
  // Rows may hold panels of their own.
  const panels = (list: Panel[]): Panel[] =>
    list.flatMap((panel) => [panel, ...panels(panel.panels ?? [])]);
  return panels(dashboard.panels).flatMap((panel) =>
    (panel.targets ?? []).map((target) =>
      GRAFANA_VARIABLES.reduce(
        (expr, [pattern, value]) => expr.replace(pattern, value),
        target.expr,
      ),
    ),
  );
}

function alertExpressions(): string[] {
  const alerts = parse(readFileSync(new URL('prometheus/alerts.yml', DEPLOY), 'utf8'));
  return alerts.groups.flatMap((group: { rules: { expr: string }[] }) =>
    group.rules.map((rule) => rule.expr),
  );
}

/** Sample names of an exposition and the label names each carries. */
function exposition(text: string): Map<string, Set<string>> {
  const series = new Map<string, Set<string>>();
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? /.exec(line);
    if (!match) continue;
    const labels = series.get(match[1]!) ?? new Set<string>();
    for (const [, name] of (match[2] ?? '').matchAll(/(\w+)="/g)) labels.add(name!);
    series.set(match[1]!, labels);
  }
  return series;
}

let testDb: TestDatabase;
let app: FastifyInstance;
let exported: Map<string, Set<string>>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.handle);
  // Traffic of every kind the panels show, and jobs in the states the job panels read.
  const { headers } = await signedInAdmin(app, testDb.handle.db);
  await app.inject({ url: '/api/v1/units', headers });
  await app.inject({ url: '/api/v1/units' });
  await app.inject({ url: '/no/such/page' });
  await app.inject({ url: '/readyz' });
  await testDb.handle.db.insert(dataIngestionJobs).values([
    { pipelineId: randomUUID(), kind: 'import', state: 'queued' },
    { pipelineId: randomUUID(), kind: 'aggregate', state: 'failed', error: 'for the test' },
    { pipelineId: randomUUID(), kind: 'import', state: 'succeeded' },
  ]);
  exported = exposition((await app.inject({ url: '/metrics' })).body);
});

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

describe.each([
  ['the Grafana dashboard', dashboardExpressions],
  ['the Prometheus alerts', alertExpressions],
])('%s', (_name, expressions) => {
  it('queries metrics and labels that /metrics exports', () => {
    const list = expressions();
    expect(list.length).toBeGreaterThan(5);
    const absent = testDb.handle.poolStats ? [] : POOL_METRICS;
    for (const expression of list) {
      const selectors = selectorsOf(expression);
      expect(selectors.length, expression).toBeGreaterThan(0);
      for (const { metric, labels } of selectors) {
        if (SYNTHETIC.has(metric) || absent.includes(metric)) continue;
        expect(exported.has(metric), `${metric} in: ${expression}`).toBe(true);
        for (const label of labels.filter((l) => !TARGET_LABELS.has(l))) {
          expect(exported.get(metric), `${metric}{${label}} in: ${expression}`).toContain(label);
        }
      }
    }
  });
});

describe('metrics the dashboard needs', () => {
  it('reports the latest readiness of each dependency', () => {
    expect(exported.get('co2_readiness_check')).toContain('check');
  });

  it('reports jobs by kind and state from the job table', async () => {
    const text = (await app.inject({ url: '/metrics' })).body;
    expect(text).toContain('co2_jobs{kind="import",state="queued"} 1');
    expect(text).toContain('co2_jobs{kind="aggregate",state="failed"} 1');
    expect(text).toMatch(/co2_jobs_oldest_queued_seconds\{kind="import"\} \d/);
  });

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))(
    'reports the use of the pool of a PostgreSQL server',
    async () => {
      const text = (await app.inject({ url: '/metrics' })).body;
      expect(text).toMatch(/co2_db_pool_connections\{pool="primary",state="used"\} \d/);
      expect(text).toMatch(/co2_db_pool_connections\{pool="primary",state="idle"\} \d/);
      expect(text).toContain('co2_db_pool_connections_max{pool="primary"} 4');
      expect(text).toMatch(/co2_db_pool_waiting_requests\{pool="primary"\} \d/);
      // No read replica here: no series of one.
      expect(text).not.toContain('pool="replica"');
    },
  );

  it('turns pool statistics into gauges', async () => {
    const registry = new Registry();
    registerDbPoolMetrics(registry, {
      primary: () => ({ max: 10, total: 7, idle: 2, waiting: 3 }),
      replica: () => ({ max: 10, total: 1, idle: 1, waiting: 0 }),
    });
    const text = await registry.metrics();
    expect(text).toContain('co2_db_pool_connections{pool="primary",state="used"} 5');
    expect(text).toContain('co2_db_pool_connections{pool="primary",state="idle"} 2');
    expect(text).toContain('co2_db_pool_connections_max{pool="primary"} 10');
    expect(text).toContain('co2_db_pool_waiting_requests{pool="primary"} 3');
    expect(text).toContain('co2_db_pool_connections{pool="replica",state="used"} 0');
    expect(text).toContain('co2_db_pool_waiting_requests{pool="replica"} 0');
  });

  it('leaves the job series out, not the whole scrape, while the database is down', async () => {
    const other = await createTestDatabase();
    const orphan = await buildTestApp(other.handle);
    try {
      await other.handle.close();
      const response = await orphan.inject({ url: '/metrics' });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('process_cpu_seconds_total');
      expect(response.body).not.toMatch(/^co2_jobs\{/m);
    } finally {
      await orphan.close();
      await other.dispose().catch(() => {});
    }
  });
});

describe('the worker’s probes and metrics (WORKER_HTTP_PORT)', () => {
  it('answers /healthz, /readyz and /metrics', async () => {
    const ops = await startOpsServer({
      host: '127.0.0.1',
      port: 0,
      log: pino({ level: 'silent' }),
      checks: [{ name: 'database', check: () => testDb.handle.ping() }],
      poolStats: testDb.handle.poolStats?.bind(testDb.handle),
    });
    try {
      const address = ops.server.address();
      const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ok', checks: { database: 'ok' } });
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toContain('nodejs_eventloop_lag_p99_seconds');
      expect(metrics).toContain('co2_readiness_check{check="database"} 1');
      expect((await fetch(`${base}/api/v1/units`)).status).toBe(404);
    } finally {
      await ops.close();
    }
  });
});
