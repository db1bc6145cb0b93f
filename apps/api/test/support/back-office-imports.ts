import { count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../src/features/demo/seed.js';
import type { JobRunner } from '../../src/features/jobs/runner.js';
import { dataIngestionJobs } from '../../src/features/jobs/table.js';
import { units } from '../../src/features/units/table.js';
import { years } from '../../src/features/years/table.js';
import type { Database } from '../../src/platform/db/database.js';
import { startWorkers } from '../../src/workers.js';
import { createUser, signIn, type SignedIn } from './identities.js';
import { download, type JobView, uploadFile, waitForJob, waitForPipeline } from './imports.js';
import { buildTestApp, testConfig } from './test-app.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { insertUnits } from './unit-tree.js';

/** Short leases and polls, so a test's pipeline runs in about a second. */
export const JOB_ENV = {
  JOB_LEASE_SECONDS: '2',
  JOB_POLL_SECONDS: '0.5',
  JOB_RETRY_DELAY_SECONDS: '1',
};

export type Who = 'admin' | 'principal' | 'officer';

/**
 * An app with its job workers on a database of its own, and people of each role signed in:
 * the demo institution (`demo`), or a small tree (ROOT › FAC › INST › L01, L02) with the year
 * 2025 open and 2024 closed, an administrator, L01's principal and FAC's back-office officer.
 */
export class BackOfficeImports {
  readonly as = {} as Record<Who, SignedIn>;
  readonly unitIds = new Map<string, string>();
  private testDb!: TestDatabase;
  app!: FastifyInstance;
  private workers!: JobRunner;

  get db(): Database {
    return this.testDb.handle.db;
  }

  async start(options: { demo?: boolean; env?: Record<string, string> } = {}): Promise<this> {
    const env = { ...JOB_ENV, ...options.env };
    this.testDb = await createTestDatabase();
    if (options.demo) await seedDemo(this.db, this.testDb.handle.changes);
    else await this.seedSmallInstitution();
    for (const unit of await this.db.select({ id: units.id, code: units.code }).from(units)) {
      this.unitIds.set(unit.code, unit.id);
    }
    this.app = await buildTestApp(this.testDb.handle, { env });
    this.workers = await startWorkers({
      config: testConfig(env),
      database: this.testDb.handle,
      store: this.app.storage,
      log: this.app.log,
    });
    const people: Record<Who, string> = options.demo
      ? {
          admin: 'admin@demo.example',
          principal: 'pi.l01@demo.example',
          officer: 'officer.sci@demo.example',
        }
      : {
          admin: 'admin@test.example',
          principal: 'pi@test.example',
          officer: 'officer@test.example',
        };
    for (const [who, email] of Object.entries(people) as [Who, string][]) {
      this.as[who] = await signIn(this.app, email, options.demo ? DEMO_PASSWORD : undefined);
    }
    return this;
  }

  private async seedSmallInstitution() {
    const ids = await insertUnits(this.db, [
      { code: 'ROOT', level: 1 },
      { code: 'FAC', level: 2, parent: 'ROOT' },
      { code: 'INST', level: 3, parent: 'FAC' },
      { code: 'L01', level: 4, parent: 'INST' },
      { code: 'L02', level: 4, parent: 'INST' },
    ]);
    await this.db.insert(years).values([
      { year: 2024, open: false },
      { year: 2025, open: true },
    ]);
    await createUser(this.db, 'admin@test.example', [{ role: 'admin' }]);
    await createUser(this.db, 'pi@test.example', [{ role: 'principal', unitId: ids.get('L01')! }]);
    await createUser(this.db, 'officer@test.example', [
      { role: 'backoffice', unitId: ids.get('FAC')! },
    ]);
  }

  async stop(): Promise<void> {
    await this.workers?.stop();
    await this.app?.close();
    await this.testDb?.dispose();
  }

  /** Uploads `csv` as `who` and asks for its import; the raw answer. */
  async request(who: Who, body: Record<string, unknown>, csv: string, filename = 'import.csv') {
    const uploadKey = await uploadFile(this.app, this.as[who].headers, csv, filename);
    return this.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: this.as[who].headers,
      payload: { ...body, uploadKey },
    });
  }

  /** Imports `csv` as the administrator and waits for the import job (not its pipeline). */
  async importFile(body: Record<string, unknown>, csv: string): Promise<JobView> {
    const response = await this.request('admin', body, csv);
    expect(response.statusCode, response.body).toBe(202);
    return waitForJob(this.app, this.as.admin.headers, response.json().jobId);
  }

  /** Imports `csv` as the administrator and waits for every job of its pipeline. */
  async importThrough(body: Record<string, unknown>, csv: string): Promise<JobView[]> {
    const response = await this.request('admin', body, csv);
    expect(response.statusCode, response.body).toBe(202);
    return waitForPipeline(this.app, this.as.admin.headers, response.json().pipelineId);
  }

  /** The rejected rows of a job's error report: the header, then one line per row. */
  async errorReport(job: JobView): Promise<string[]> {
    expect(job.links.errorReport).not.toBeNull();
    const text = await download(this.app, this.as.admin.headers, job.links.errorReport!);
    return text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
  }

  /** Import jobs (the recalculations of earlier pipelines may still be coming). */
  async jobCount(): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(dataIngestionJobs)
      .where(eq(dataIngestionJobs.kind, 'import'));
    return row!.n;
  }

  /**
   * Asserts that the principal and the back-office officer are refused (403, a problem) and
   * that no job came of it.
   */
  async expectRefusedToNonAdmins(body: Record<string, unknown>, csv: string): Promise<void> {
    const before = await this.jobCount();
    for (const who of ['principal', 'officer'] as const) {
      const response = await this.request(who, body, csv);
      expect(response.statusCode, `${who}: ${response.body}`).toBe(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect(await this.jobCount()).toBe(before);
  }
}

/** A `;`-separated file with a byte-order mark and CRLF, as a French-locale Excel saves it. */
export const excelCsv = (lines: string[]) => `\uFEFF${lines.join('\r\n')}\r\n`;
