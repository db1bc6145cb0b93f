import type { ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { spawnCli } from './cli.js';
import type { JobView } from './imports.js';

/**
 * Real `serve` and `worker` processes of one test file, started from the CLI's sources. Every
 * process started here is tracked by its handle, so `stopAll` ends exactly those (and nothing
 * else), whatever happened to the test.
 */
export interface RunningProcess {
  name: string;
  child: ChildProcess;
  /** `serve` only: where it listens. */
  url?: string;
  /** Everything the process printed so far (logs included), for failure messages. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Settings every process of a multi-process setup must share: secrets, keys, job timings. */
export function sharedEnv(extra: Record<string, string>): Record<string, string> {
  const jwtKey = generateKeyPairSync('ed25519')
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  return {
    APP_SECRET: randomBytes(36).toString('base64url'),
    // Replicas sign and verify each other's tokens with one key, as a deployment configures it.
    JWT_PRIVATE_KEY: jwtKey,
    DEMO_SEED: 'off',
    PORT: '0',
    HOST: '127.0.0.1',
    WEB_DIST_DIR: '/nonexistent/co2-no-web-build',
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    ...extra,
  };
}

export class ProcessGroup {
  private readonly running = new Set<RunningProcess>();
  private readonly started: RunningProcess[] = [];

  constructor() {
    // Should the test process itself end abruptly, none of its children outlives it.
    process.once('exit', () => {
      for (const started of this.running) started.child.kill('SIGKILL');
    });
  }

  /**
   * Starts `serve` or `worker` and resolves once it says it is ready (`serve`: listening;
   * `worker`: its queue workers and dispatcher started).
   */
  async start(
    name: string,
    command: 'serve' | 'worker',
    env: Record<string, string>,
    timeoutMs = 60_000,
  ): Promise<RunningProcess> {
    const child = spawnCli([command], env);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    const started: RunningProcess = { name, child, output: () => output, exited };
    this.running.add(started);
    this.started.push(started);
    void exited.then(() => this.running.delete(started));
    const ready = command === 'serve' ? /running at (http:\/\/\S+)/ : /worker started/;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = output.match(ready);
      if (match) {
        if (command === 'serve') started.url = match[1]!.replace('localhost', '127.0.0.1');
        return started;
      }
      if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
        throw new Error(`${name} did not start:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** How a process of this group ended (waits for it). */
  async exitOf(name: string) {
    const found = this.started.find((started) => started.name === name);
    if (!found) throw new Error(`no process ${name}`);
    return found.exited;
  }

  /** Kills one process at once (a crash: no shutdown hook runs) and waits until it is gone. */
  async crash(target: RunningProcess): Promise<void> {
    target.child.kill('SIGKILL');
    await target.exited;
  }

  /** Ends every process still running: SIGTERM, then SIGKILL after a grace period. */
  async stopAll(graceMs = 5_000): Promise<void> {
    await Promise.all(
      [...this.running].map(async (target) => {
        target.child.kill('SIGTERM');
        const timer = setTimeout(() => target.child.kill('SIGKILL'), graceMs);
        await target.exited;
        clearTimeout(timer);
      }),
    );
  }
}

/** A client of a running `serve` over real HTTP. */
export class HttpClient {
  headers: Record<string, string> = {};

  constructor(readonly base: string) {}

  async signIn(email: string, password: string): Promise<this> {
    const response = await fetch(`${this.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const { accessToken } = (await response.json()) as { accessToken: string };
    this.headers = { authorization: `Bearer ${accessToken}` };
    return this;
  }

  /** The same signed-in caller, talking to another process. */
  at(base: string): HttpClient {
    const client = new HttpClient(base);
    client.headers = this.headers;
    return client;
  }

  async json(path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.base}${path}`, {
      ...init,
      headers: { ...this.headers, 'content-type': 'application/json', ...init.headers },
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  /** Uploads a file as a browser would: a signed URL from POST /uploads, then a PUT to it. */
  async upload(body: string, filename = 'trips.csv'): Promise<string> {
    const ticket = await this.json('/api/v1/uploads', {
      method: 'POST',
      body: JSON.stringify({ filename, contentType: 'text/csv', size: Buffer.byteLength(body) }),
    });
    expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
    const { key, url, headers } = ticket.body as {
      key: string;
      url: string;
      headers: Record<string, string>;
    };
    const target = new URL(url);
    const sent = await fetch(`${this.base}${target.pathname}${target.search}`, {
      method: 'PUT',
      headers,
      body,
    });
    expect(sent.status, await sent.text()).toBe(204);
    return key;
  }

  /** Uploads `csv` and starts its import; resolves with the job id. */
  async importFile(csv: string, body: Record<string, unknown>): Promise<string> {
    const uploadKey = await this.upload(csv);
    const response = await this.json('/api/v1/imports', {
      method: 'POST',
      body: JSON.stringify({ year: 2025, subModule: 'plane', uploadKey, ...body }),
    });
    expect(response.status, JSON.stringify(response.body)).toBe(202);
    return (response.body as { jobId: string }).jobId;
  }

  async job(id: string): Promise<JobView & { attempts: number; rowsTotal: number | null }> {
    const response = await this.json(`/api/v1/jobs/${id}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as JobView & { attempts: number; rowsTotal: number | null };
  }

  /** Polls a job until it is finished; generous, since it must not depend on speed. */
  async waitForJob(id: string, timeoutMs = 120_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const job = await this.job(id);
      if (['succeeded', 'warning', 'failed', 'cancelled'].includes(job.state)) return job;
      if (Date.now() > deadline) throw new Error(`job ${id} still ${job.state}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

const AIRPORTS = ['GVA', 'ZRH', 'CDG', 'LHR', 'AMS', 'FRA', 'JFK', 'BCN', 'VIE', 'FCO'];

/**
 * A plane-trip file of `rows` valid rows of 2025, each with a traveller of its own
 * (`<prefix>-<n>`), so that a row loaded twice shows as a duplicate traveller.
 */
export function planeTripsCsv(rows: number, prefix: string): string {
  const lines = ['origin,destination,traveller,date,roundTrip,class'];
  for (let i = 0; i < rows; i += 1) {
    const origin = AIRPORTS[i % AIRPORTS.length]!;
    const destination = AIRPORTS[(i * 7 + 3) % AIRPORTS.length]!;
    const day = new Date(Date.UTC(2025, 0, 1 + (i % 365))).toISOString().slice(0, 10);
    lines.push(
      `${origin},${destination === origin ? 'SIN' : destination},${prefix}-${i},${day},` +
        `${i % 2 === 0 ? 'yes' : 'no'},${i % 5 === 0 ? 'business' : 'economy'}`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
