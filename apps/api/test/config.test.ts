import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppSecret } from '../src/platform/config/app-secret.js';
import { ConfigError, envSchema, loadConfig } from '../src/platform/config/env.js';

const strongSecret = 'k3Yx'.repeat(10);

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  return [];
}

describe('loadConfig', () => {
  it('runs with no variables at all, on the embedded default', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      host: '127.0.0.1',
      port: 3000,
      publicUrl: 'http://localhost:3000',
      database: { url: undefined, poolSize: 10 },
      trustProxy: false,
      migrateOnStart: true,
    });
    expect(config.dataDir).toBe(path.resolve('data'));
    expect(config.webDistDir.endsWith(path.join('apps', 'web', 'dist'))).toBe(true);
  });

  it('parses every documented variable', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      HOST: '0.0.0.0',
      PORT: '8080',
      PUBLIC_URL: 'https://co2.example.org',
      LOG_LEVEL: 'warn',
      DATA_DIR: '/var/lib/co2',
      DATABASE_URL: 'postgres://u:p@db:5432/co2',
      DATABASE_POOL_SIZE: '25',
      APP_SECRET: strongSecret,
      WEB_DIST_DIR: '/srv/web',
      BODY_LIMIT_BYTES: '4096',
      TRUST_PROXY: '10.0.0.0/8',
      SHUTDOWN_TIMEOUT_MS: '5000',
      OVERLOAD_EVENT_LOOP_DELAY_MS: '0',
      MIGRATE_ON_START: 'false',
      JWT_PRIVATE_KEY: 'pem-text',
      JWT_PREVIOUS_PUBLIC_KEYS: 'old-pem-text',
      ACCESS_TOKEN_TTL_SECONDS: '300',
      REFRESH_TOKEN_TTL_HOURS: '8',
      LOGIN_MAX_FAILURES: '3',
      LOGIN_LOCKOUT_MINUTES: '30',
      LOGIN_RATE_LIMIT_PER_MINUTE: '5',
      ADMIN_EMAIL: 'Root@Example.org',
      ADMIN_PASSWORD: 'a-long-enough-password',
      OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0',
      OIDC_CLIENT_ID: 'client',
      OIDC_CLIENT_SECRET: 'client-secret',
      OIDC_REDIRECT_URI: 'https://co2.example.org/api/v1/auth/oidc/callback',
      OIDC_SCOPES: 'openid email profile offline_access',
      OIDC_LABEL: 'Example University',
      OIDC_CLAIM_SUBJECT: 'oid',
      OIDC_CLAIM_EMAIL: 'preferred_username',
      OIDC_CLAIM_NAME: 'name',
      OIDC_CLAIM_ROLES: 'groups',
      OIDC_ROLE_MAPPING: '[{"match":"CO2.Admin","role":"admin"}]',
    });
    expect(config).toMatchObject({
      env: 'production',
      host: '0.0.0.0',
      port: 8080,
      publicUrl: 'https://co2.example.org',
      logLevel: 'warn',
      dataDir: '/var/lib/co2',
      database: { url: 'postgres://u:p@db:5432/co2', poolSize: 25 },
      appSecret: strongSecret,
      webDistDir: '/srv/web',
      bodyLimitBytes: 4096,
      trustProxy: '10.0.0.0/8',
      shutdownTimeoutMs: 5000,
      overloadEventLoopDelayMs: 0,
      migrateOnStart: false,
      auth: {
        jwtPrivateKey: 'pem-text',
        jwtPreviousPublicKeys: 'old-pem-text',
        accessTokenTtlSeconds: 300,
        refreshTokenTtlHours: 8,
        login: { maxFailures: 3, lockoutMinutes: 30, rateLimitPerMinute: 5 },
        bootstrapAdmin: { email: 'root@example.org', password: 'a-long-enough-password' },
        oidc: {
          issuer: 'https://login.microsoftonline.com/tenant/v2.0',
          clientId: 'client',
          clientSecret: 'client-secret',
          redirectUri: 'https://co2.example.org/api/v1/auth/oidc/callback',
          scopes: 'openid email profile offline_access',
          label: 'Example University',
          claims: { subject: 'oid', email: 'preferred_username', name: 'name', roles: 'groups' },
          roleMapping: '[{"match":"CO2.Admin","role":"admin"}]',
        },
      },
    });
  });

  it('leaves single sign-on and the bootstrap admin off unless configured', () => {
    const config = loadConfig({});
    expect(config.auth.oidc).toBeUndefined();
    expect(config.auth.bootstrapAdmin).toBeUndefined();
    expect(config.auth.accessTokenTtlSeconds).toBeLessThanOrEqual(900);
  });

  it('refuses half a single sign-on configuration, or half a bootstrap admin', () => {
    expect(problemsOf({ OIDC_ISSUER: 'https://idp.example.org' })).toEqual([
      'OIDC_CLIENT_ID is required with OIDC_ISSUER',
      'OIDC_REDIRECT_URI is required with OIDC_ISSUER',
    ]);
    expect(problemsOf({ ADMIN_EMAIL: 'a@b.org' })).toEqual([
      'ADMIN_PASSWORD is required with the other ADMIN_ variable',
    ]);
    expect(problemsOf({ ACCESS_TOKEN_TTL_SECONDS: '3600' })[0]).toMatch(
      /^ACCESS_TOKEN_TTL_SECONDS/,
    );
  });

  it('takes a read replica of a PostgreSQL server only', () => {
    expect(problemsOf({ DATABASE_REPLICA_URL: 'postgres://co2@replica/co2' })).toEqual([
      'DATABASE_REPLICA_URL requires DATABASE_URL',
    ]);
    const config = loadConfig({
      DATABASE_URL: 'postgres://co2@primary/co2',
      DATABASE_REPLICA_URL: 'postgres://co2@replica/co2',
    });
    expect(config.database.replicaUrl).toBe('postgres://co2@replica/co2');
  });

  it('sweeps housekeeping hourly by default, on HOUSEKEEPING_CRON, or never when it is empty', () => {
    expect(loadConfig({}).jobs.housekeepingCron).toBe('17 * * * *');
    for (const cron of ['0 4 * * 1-5', '*/30 * * * *', '15 3 1,15 JAN-JUN sun']) {
      expect(loadConfig({ HOUSEKEEPING_CRON: cron }).jobs.housekeepingCron).toBe(cron);
    }
    expect(loadConfig({ HOUSEKEEPING_CRON: ' 0 4 * * * ' }).jobs.housekeepingCron).toBe(
      '0 4 * * *',
    );
    expect(loadConfig({ HOUSEKEEPING_CRON: '' }).jobs.housekeepingCron).toBeUndefined();
    for (const cron of ['hourly', '0 * * *', '0 0 * * * * *', '0 4 * * 1;reboot']) {
      expect(problemsOf({ HOUSEKEEPING_CRON: cron }), cron).toEqual([
        'HOUSEKEEPING_CRON must be a cron expression of 5 fields (minute hour day month weekday), or empty for none',
      ]);
    }
  });

  it('runs JOB_WORKERS jobs of each kind at once, unless JOB_CONCURRENCY says otherwise', () => {
    expect(loadConfig({}).jobs.concurrency).toEqual({
      import: 2,
      recalculate: 2,
      aggregate: 2,
      'registry-sync': 2,
    });
    expect(
      loadConfig({ JOB_WORKERS: '3', JOB_CONCURRENCY: ' import=1, aggregate = 6 ,registry-sync=0' })
        .jobs.concurrency,
    ).toEqual({ import: 1, recalculate: 3, aggregate: 6, 'registry-sync': 0 });
    for (const value of ['import', 'imports=1', 'import=-1', 'import=33', 'import=1,import=2']) {
      expect(problemsOf({ JOB_CONCURRENCY: value }), value).toEqual([
        expect.stringMatching(
          /^JOB_CONCURRENCY ".*" is not kind=count \(0–32\) with a kind among import, /,
        ),
      ]);
    }
  });

  it('reads TRUST_PROXY as a flag or a hop count', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    const hops = loadConfig({ TRUST_PROXY: '2' }).trustProxy as (a: string, hop: number) => boolean;
    expect([hops('x', 0), hops('x', 1), hops('x', 2)]).toEqual([true, true, false]);
  });

  it('names every invalid variable at once', () => {
    expect(
      problemsOf({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' }).map(
        (problem) => problem.split(' ')[0],
      ),
    ).toEqual(['PORT', 'LOG_LEVEL', 'DATABASE_URL']);
  });

  it.each([
    [{}, 'APP_SECRET is required in production'],
    [{ APP_SECRET: 'change-me' }, 'APP_SECRET is a placeholder value'],
    [{ APP_SECRET: 'CHANGE-ME-TO-A-LONG-RANDOM-STRING' }, 'APP_SECRET is a placeholder value'],
    [{ APP_SECRET: 'short-but-not-default' }, 'APP_SECRET must be at least 32 characters'],
  ])('refuses to run in production with a missing or default secret (%o)', (env, problem) => {
    expect(problemsOf({ NODE_ENV: 'production', JWT_PRIVATE_KEY: 'pem', ...env })).toEqual([
      problem,
    ]);
  });

  it('refuses to run in production without a configured token signing key', () => {
    expect(problemsOf({ NODE_ENV: 'production', APP_SECRET: strongSecret })).toEqual([
      'JWT_PRIVATE_KEY is required in production (every replica must sign with the same key)',
    ]);
  });

  it('accepts a missing secret in development and test', () => {
    expect(problemsOf({ NODE_ENV: 'development' })).toEqual([]);
    expect(problemsOf({ NODE_ENV: 'test' })).toEqual([]);
  });
});

describe('resolveAppSecret', () => {
  it('generates a secret for the embedded default once, keeps it private, and reuses it', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'co2-secret-'));
    const config = loadConfig({ DATA_DIR: dataDir });
    const first = await resolveAppSecret(config);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(await resolveAppSecret(config)).toBe(first);
    const file = path.join(dataDir, 'secrets', 'app-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('prefers the configured secret', async () => {
    const config = loadConfig({
      APP_SECRET: strongSecret,
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'co2-')),
    });
    expect(await resolveAppSecret(config)).toBe(strongSecret);
  });
});

describe('the README configuration table', () => {
  it('documents every environment variable the server reads', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const documented = new Set(
      readme
        .split('\n')
        .filter((line) => line.startsWith('| `'))
        .flatMap((line) => [...line.split('|')[1]!.matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1])),
    );
    const undocumented = Object.keys(envSchema.shape).filter((name) => !documented.has(name));
    expect(undocumented).toEqual([]);
  });
});
