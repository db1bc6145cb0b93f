import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completion, runCli, spawnCli, waitForLine } from './support/cli.js';
import { startRegistryServer } from './support/registry-server.js';
import { createServerDatabase, serverUrl } from './support/test-database.js';

/**
 * The command-line interface as an operator runs it: real processes, real signals, on the
 * embedded database in a temporary DATA_DIR, or on a fresh server database in CI.
 */
let env: Record<string, string>;
let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  env = {
    // These tests start from an empty installation, not the demo institution.
    DEMO_SEED: 'off',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'co2-cli-')),
    PORT: '0',
    WEB_DIST_DIR: path.join(tmpdir(), 'co2-no-web-build'),
  };
  if (serverUrl) {
    const database = await createServerDatabase();
    env.DATABASE_URL = database.url;
    if (database.directUrl) env.DATABASE_DIRECT_URL = database.directUrl;
    dropDatabase = database.drop;
  }
});

afterAll(async () => {
  await dropDatabase?.();
});

describe('co2-calculator CLI', () => {
  it('migrate: several runs at once leave exactly one copy of each migration', async () => {
    const results = await Promise.all([1, 2, 3].map(() => runCli(['migrate'], env)));
    for (const result of results) {
      // PGlite's directory admits one process at a time: a run that finds it taken says so.
      if (result.code !== 0) expect(result.stderr).toContain('is in use by another');
    }
    expect(results.some((result) => result.code === 0)).toBe(true);
    const again = await runCli(['migrate'], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/Migrations: 0 applied, \d+ in total\./);
  });

  it('serve: starts, answers, and on SIGTERM shuts down cleanly', async () => {
    const server = spawnCli(['serve'], env);
    const exited = completion(server);
    // A fresh installation says how to get an account.
    const [, url] = await waitForLine(server, /running at (http:\/\/\S+)\s+No account exists yet/);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);

    if (!serverUrl) {
      // The running server holds the embedded database: a second process is refused, clearly.
      const second = await runCli(['migrate'], env);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(
        `${env.DATA_DIR}/db is in use by another CO2 Calculator process`,
      );
    }

    server.kill('SIGTERM');
    const result = await exited;
    expect(result.code).toBe(0);
    const logs = result.stdout.split('\n').filter((line) => line.startsWith('{'));
    expect(logs.map((line) => JSON.parse(line).msg)).toContain('shutting down');

    // The database was closed and released: another process can open it now.
    const after = await runCli(['migrate'], env);
    expect(after.code, after.stderr).toBe(0);
  });

  it('create-admin and ADMIN_EMAIL/ADMIN_PASSWORD give administrators who can sign in', async () => {
    const created = await runCli(
      ['create-admin', '--email', 'Root@Example.org', '--name', 'Root', '--password-stdin'],
      env,
      'a-long-enough-password\n',
    );
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('Created administrator root@example.org.');
    const tooShort = await runCli(
      ['create-admin', '--email', 'x@example.org', '--password-stdin'],
      env,
      'short\n',
    );
    expect(tooShort.code).toBe(1);
    expect(tooShort.stderr).toContain('at least 12 characters');

    const server = spawnCli(['serve'], {
      ...env,
      ADMIN_EMAIL: 'boot@example.org',
      ADMIN_PASSWORD: 'another-long-password',
    });
    const exited = completion(server);
    try {
      const [, url] = await waitForLine(server, /running at (http:\/\/\S+)/);
      for (const [email, password] of [
        ['root@example.org', 'a-long-enough-password'],
        ['boot@example.org', 'another-long-password'],
      ]) {
        const login = await fetch(`${url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        });
        expect(login.status).toBe(200);
        const { accessToken } = (await login.json()) as { accessToken: string };
        const session = await fetch(`${url}/api/v1/session`, {
          headers: { authorization: `Bearer ${accessToken}` },
        });
        expect(((await session.json()) as { roles: unknown[] }).roles).toEqual([
          { role: 'admin', scope: 'global' },
        ]);
      }
    } finally {
      server.kill('SIGTERM');
      expect((await exited).code).toBe(0);
    }
  });

  it('sync-registry pulls units and roles from the registry, and fails clearly when it cannot', async () => {
    const registry = await startRegistryServer({
      body: {
        units: [
          {
            code: 'CLI-ROOT',
            nameEn: 'Root',
            nameFr: 'Racine',
            level: 1,
            parentCode: null,
            type: 'organisation',
          },
          {
            code: 'CLI-LAB',
            nameEn: 'Lab',
            nameFr: 'Labo',
            level: 4,
            parentCode: 'CLI-ROOT',
            type: 'lab',
          },
        ],
        assignments: [{ email: 'pi@example.org', role: 'principal', unitCode: 'CLI-LAB' }],
      },
    });
    try {
      const synced = await runCli(['sync-registry'], {
        ...env,
        REGISTRY_URL: registry.url,
        REGISTRY_TOKEN: 'registry-token',
      });
      expect(synced.code, synced.stderr).toBe(0);
      expect(JSON.parse(synced.stdout)).toMatchObject({
        unitsCreated: 2,
        usersCreated: 1,
        assignmentsGranted: 1,
      });
      expect(registry.requests[0]?.authorization).toBe('Bearer registry-token');

      registry.otherwise({ status: 503, body: 'down' });
      const failed = await runCli(['sync-registry'], {
        ...env,
        REGISTRY_URL: registry.url,
        REGISTRY_RETRIES: '0',
      });
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain('503');
    } finally {
      await registry.close();
    }
  });

  it('serve: refuses to start in production without a real secret, saying why', async () => {
    const result = await runCli(['serve'], {
      ...env,
      NODE_ENV: 'production',
      APP_SECRET: 'change-me',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('APP_SECRET is a placeholder value');
    expect(result.stderr).not.toContain('    at ');
  });
});
