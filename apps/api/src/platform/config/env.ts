import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { JOB_KINDS, type JobKind } from '../../features/jobs/kinds.js';

/**
 * Every setting of the server comes from one environment variable parsed here. The README's
 * configuration table mirrors this schema: keep both in step.
 */

/** Values that appear in examples and docs: accepting them in production would be a hole. */
export const PLACEHOLDER_SECRETS = new Set([
  'change-me',
  'changeme',
  'secret',
  'development-only-secret',
  'change-me-to-a-long-random-string',
]);

const apiPackageRoot = fileURLToPath(new URL('../../../', import.meta.url));

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/**
 * Per-kind overrides of JOB_WORKERS, `kind=count` separated by commas (`import=1,aggregate=4`):
 * an import of a million rows holds a few hundred MB, an aggregation almost nothing.
 */
const jobConcurrency = z
  .string()
  .trim()
  .transform((value, context) => {
    const counts: Partial<Record<JobKind, number>> = {};
    for (const pair of value === '' ? [] : value.split(',')) {
      const match = /^\s*([a-z-]+)\s*=\s*(\d+)\s*$/.exec(pair);
      const kind = match?.[1] as JobKind | undefined;
      const count = Number(match?.[2]);
      if (!kind || !JOB_KINDS.includes(kind) || count > 32 || kind in counts) {
        context.addIssue({
          code: 'custom',
          message: `"${pair.trim()}" is not kind=count (0–32) with a kind among ${JOB_KINDS.join(', ')}, each once`,
        });
        return z.NEVER;
      }
      counts[kind] = count;
    }
    return counts;
  });

/** One field of a cron expression as pg-boss reads them: numbers, names and `* , - / ? #`. */
const CRON_FIELD = /^[0-9A-Za-z*?#,/-]+$/;

/**
 * A cron schedule of 5 fields (minute hour day month weekday, UTC), or empty for none. Only
 * the shape is checked: enough for a typo to be refused with the other settings, naming the
 * variable, instead of by the queue once a worker is starting.
 */
const cronOrOff = z
  .string()
  .trim()
  .refine((value) => {
    const fields = value.split(/\s+/);
    return value === '' || (fields.length === 5 && fields.every((f) => CRON_FIELD.test(f)));
  }, 'must be a cron expression of 5 fields (minute hour day month weekday), or empty for none');

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    PUBLIC_URL: z.url().optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    DATABASE_DIRECT_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    DATABASE_REPLICA_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
    APP_SECRET: z.string().optional(),
    WEB_DIST_DIR: z.string().min(1).default(path.join(apiPackageRoot, '../web/dist')),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
    TRUST_PROXY: z.string().default('false'),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
    OVERLOAD_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).default(1_000),
    MIGRATE_ON_START: booleanFlag.default(true),
    DEMO_SEED: z.enum(['auto', 'off']).default('auto'),
    JWT_PRIVATE_KEY: z.string().optional(),
    JWT_PREVIOUS_PUBLIC_KEYS: z.string().optional(),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(900).default(600),
    REFRESH_TOKEN_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(12),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
    LOGIN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
    LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_REDIRECT_URI: z.url().optional(),
    OIDC_SCOPES: z.string().default('openid email profile'),
    OIDC_LABEL: z.string().default('your institution'),
    OIDC_CLAIM_SUBJECT: z.string().default('sub'),
    OIDC_CLAIM_EMAIL: z.string().default('email'),
    OIDC_CLAIM_NAME: z.string().default('name'),
    OIDC_CLAIM_ROLES: z.string().default('roles'),
    OIDC_ROLE_MAPPING: z.string().default('[]'),
    REGISTRY_URL: z.url().optional(),
    REGISTRY_TOKEN: z.string().min(1).optional(),
    REGISTRY_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
    REGISTRY_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
    REGISTRY_BREAKER_FAILURES: z.coerce.number().int().min(1).default(5),
    REGISTRY_BREAKER_HALF_OPEN_MS: z.coerce.number().int().min(1000).default(300_000),
    REGISTRY_SYNC_CRON: z.string().min(9).optional(),
    JOB_WORKERS: z.coerce.number().int().min(0).max(32).default(2),
    JOB_CONCURRENCY: jobConcurrency.default({}),
    JOB_LEASE_SECONDS: z.coerce.number().min(1).max(3600).default(30),
    JOB_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(1),
    JOB_RETRY_LIMIT: z.coerce.number().int().min(0).max(20).default(3),
    JOB_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
    HOUSEKEEPING_CRON: cronOrOff.default('17 * * * *'),
    WORKER_HTTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    STORAGE_DRIVER: z.enum(['fs', 's3']).default('fs'),
    S3_ENDPOINT: z.url().optional(),
    S3_BUCKET: z.string().min(1).optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: booleanFlag.default(false),
    UPLOAD_MAX_BYTES: z.coerce.number().int().min(1).default(104_857_600), // 100 MiB
    IMPORT_SOURCE_HOSTS: z
      .string()
      .trim()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((host) => host.trim().toLowerCase())
          .filter(Boolean),
      ),
    // Signed URLs live at most a week (S3's limit, kept by the filesystem driver too).
    UPLOAD_URL_TTL_SECONDS: z.coerce.number().int().min(60).max(604_800).default(900),
    DOWNLOAD_URL_TTL_SECONDS: z.coerce.number().int().min(10).max(604_800).default(300),
  })
  .superRefine((env, ctx) => {
    // A replica of the embedded PGlite does not exist: the setting would be silently ignored.
    if (env.DATABASE_REPLICA_URL !== undefined && env.DATABASE_URL === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_REPLICA_URL'],
        message: 'requires DATABASE_URL',
      });
    }
    const oidc = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_REDIRECT_URI'] as const;
    const given = oidc.filter((name) => env[name] !== undefined);
    if (given.length > 0 && given.length < oidc.length) {
      for (const name of oidc.filter((n) => env[n] === undefined)) {
        ctx.addIssue({ code: 'custom', path: [name], message: `is required with ${given[0]}` });
      }
    }
    if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
      const missing = env.ADMIN_EMAIL === undefined ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD';
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: 'is required with the other ADMIN_ variable',
      });
    }
    if (env.STORAGE_DRIVER === 's3' && env.S3_BUCKET === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['S3_BUCKET'],
        message: 'is required with STORAGE_DRIVER=s3',
      });
    }
    // Keys come as a pair, or not at all (the SDK's chain then finds them: web identity, roles).
    if ((env.S3_ACCESS_KEY_ID === undefined) !== (env.S3_SECRET_ACCESS_KEY === undefined)) {
      const missing =
        env.S3_ACCESS_KEY_ID === undefined ? 'S3_ACCESS_KEY_ID' : 'S3_SECRET_ACCESS_KEY';
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: 'is required with the other S3 key variable',
      });
    }
    if (env.NODE_ENV !== 'production') return;
    if (!env.JWT_PRIVATE_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_PRIVATE_KEY'],
        message: 'is required in production (every replica must sign with the same key)',
      });
    }
    // Outside development a secret must be set on purpose: a generated one would differ per
    // replica, and a placeholder copied from the docs is public knowledge.
    if (!env.APP_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['APP_SECRET'], message: 'is required in production' });
    } else if (PLACEHOLDER_SECRETS.has(env.APP_SECRET.toLowerCase())) {
      ctx.addIssue({ code: 'custom', path: ['APP_SECRET'], message: 'is a placeholder value' });
    } else if (env.APP_SECRET.length < 32) {
      ctx.addIssue({
        code: 'custom',
        path: ['APP_SECRET'],
        message: 'must be at least 32 characters',
      });
    }
  });

export type Env = z.output<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  publicUrl: string;
  logLevel: Env['LOG_LEVEL'];
  dataDir: string;
  /**
   * `url` serves queries (may go through PgBouncer in transaction mode); `directUrl` reaches
   * the server itself, for what needs a session: LISTEN, session advisory locks (migrations),
   * the job queue. Unset: `url` is direct. `replicaUrl` is a read replica for the reads that
   * may lag the latest commits (ADR 0008).
   */
  database: { url?: string; directUrl?: string; replicaUrl?: string; poolSize: number };
  /** Undefined until resolved by `resolveAppSecret` (embedded default generates one). */
  appSecret?: string;
  webDistDir: string;
  bodyLimitBytes: number;
  /** As Fastify takes it: all, none, a list of addresses/CIDR ranges, or a hop count. */
  trustProxy: boolean | string | ((address: string, hop: number) => boolean);
  shutdownTimeoutMs: number;
  overloadEventLoopDelayMs: number;
  migrateOnStart: boolean;
  /** `auto`: `serve` seeds the demo institution into an empty embedded database. */
  demoSeed: 'auto' | 'off';
  auth: AuthConfig;
  registry?: RegistryConfig;
  jobs: JobsConfig;
  storage: StorageConfig;
}

/** Where stored files live, and the limits of the signed URLs that move them. */
export interface StorageConfig {
  driver: 'fs' | 's3';
  /** Set when `driver` is `s3`. */
  s3?: S3Config;
  /** Largest file a client may upload, in bytes (and an import may fetch from a URL). */
  uploadMaxBytes: number;
  /**
   * Hosts (`name` or `name:port`) a back-office import may fetch its file from instead of an
   * upload; none: imports from a URL are off. A list, so the server never fetches from where
   * an administrator's typo, or a forged request, would point it (the internal network).
   */
  importSourceHosts: string[];
  uploadUrlTtlSeconds: number;
  downloadUrlTtlSeconds: number;
}

export interface S3Config {
  /** Unset: AWS S3 in `region`. */
  endpoint?: string;
  bucket: string;
  region: string;
  /** Unset: the AWS SDK's default credential chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  forcePathStyle: boolean;
}

/** The institution's registry of units and roles, pulled by `sync-registry`. */
/** Background jobs run by this process (`serve` and `worker`). */
export interface JobsConfig {
  /**
   * Jobs of each kind this process runs at once: JOB_WORKERS, or the kind's JOB_CONCURRENCY;
   * all 0: none (`serve` then only serves HTTP).
   */
  concurrency: Record<JobKind, number>;
  /** A running job renews its lease; one not renewed for this long is taken over. */
  leaseSeconds: number;
  pollSeconds: number;
  retryLimit: number;
  retryDelaySeconds: number;
  /** When set, the registry of units and roles is pulled on this cron schedule (UTC). */
  registrySyncCron?: string;
  /** When set, abandoned uploads and leftovers of dead writes are swept on this schedule (UTC). */
  housekeepingCron?: string;
  /** When set, `worker` answers `/healthz`, `/readyz` and `/metrics` on this port. */
  workerHttpPort?: number;
}

export interface RegistryConfig {
  url: string;
  token?: string;
  timeoutMs: number;
  retries: number;
  breaker: { consecutiveFailures: number; halfOpenAfterMs: number };
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  redirectUri: string;
  scopes: string;
  label: string;
  claims: { subject: string; email: string; name: string; roles: string };
  /** JSON text of the claim-value → role rules; parsed and checked by the OIDC feature. */
  roleMapping: string;
}

export interface AuthConfig {
  /** PEM (PKCS#8) of the Ed25519 key signing access tokens; generated when unset outside production. */
  jwtPrivateKey?: string;
  /** PEM public keys of earlier signing keys, still accepted during a rotation. */
  jwtPreviousPublicKeys?: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlHours: number;
  login: { maxFailures: number; lockoutMinutes: number; rateLimitPerMinute: number };
  bootstrapAdmin?: { email: string; password: string };
  oidc?: OidcConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function parseTrustProxy(value: string): Config['trustProxy'] {
  if (value === 'true') return true;
  if (value === 'false' || value === '') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value); // trust that many proxies in front of the API
    return (_address, hop) => hop < hops;
  }
  return value; // a comma-separated list of addresses or CIDR ranges
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map(
        (issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`,
      ),
    );
  }
  const env = result.data;
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    logLevel: env.LOG_LEVEL,
    dataDir: path.resolve(env.DATA_DIR),
    database: {
      url: env.DATABASE_URL,
      directUrl: env.DATABASE_DIRECT_URL,
      replicaUrl: env.DATABASE_REPLICA_URL,
      poolSize: env.DATABASE_POOL_SIZE,
    },
    appSecret: env.APP_SECRET,
    webDistDir: path.resolve(env.WEB_DIST_DIR),
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    overloadEventLoopDelayMs: env.OVERLOAD_EVENT_LOOP_DELAY_MS,
    migrateOnStart: env.MIGRATE_ON_START,
    demoSeed: env.DEMO_SEED,
    auth: {
      jwtPrivateKey: env.JWT_PRIVATE_KEY,
      jwtPreviousPublicKeys: env.JWT_PREVIOUS_PUBLIC_KEYS,
      accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlHours: env.REFRESH_TOKEN_TTL_HOURS,
      login: {
        maxFailures: env.LOGIN_MAX_FAILURES,
        lockoutMinutes: env.LOGIN_LOCKOUT_MINUTES,
        rateLimitPerMinute: env.LOGIN_RATE_LIMIT_PER_MINUTE,
      },
      bootstrapAdmin:
        env.ADMIN_EMAIL && env.ADMIN_PASSWORD
          ? { email: env.ADMIN_EMAIL.toLowerCase(), password: env.ADMIN_PASSWORD }
          : undefined,
      oidc:
        env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_REDIRECT_URI
          ? {
              issuer: env.OIDC_ISSUER,
              clientId: env.OIDC_CLIENT_ID,
              clientSecret: env.OIDC_CLIENT_SECRET,
              redirectUri: env.OIDC_REDIRECT_URI,
              scopes: env.OIDC_SCOPES,
              label: env.OIDC_LABEL,
              claims: {
                subject: env.OIDC_CLAIM_SUBJECT,
                email: env.OIDC_CLAIM_EMAIL,
                name: env.OIDC_CLAIM_NAME,
                roles: env.OIDC_CLAIM_ROLES,
              },
              roleMapping: env.OIDC_ROLE_MAPPING,
            }
          : undefined,
    },
    registry: env.REGISTRY_URL
      ? {
          url: env.REGISTRY_URL,
          token: env.REGISTRY_TOKEN,
          timeoutMs: env.REGISTRY_TIMEOUT_MS,
          retries: env.REGISTRY_RETRIES,
          breaker: {
            consecutiveFailures: env.REGISTRY_BREAKER_FAILURES,
            halfOpenAfterMs: env.REGISTRY_BREAKER_HALF_OPEN_MS,
          },
        }
      : undefined,
    jobs: {
      concurrency: Object.fromEntries(
        JOB_KINDS.map((kind) => [kind, env.JOB_CONCURRENCY[kind] ?? env.JOB_WORKERS]),
      ) as Record<JobKind, number>,
      leaseSeconds: env.JOB_LEASE_SECONDS,
      pollSeconds: env.JOB_POLL_SECONDS,
      retryLimit: env.JOB_RETRY_LIMIT,
      retryDelaySeconds: env.JOB_RETRY_DELAY_SECONDS,
      registrySyncCron: env.REGISTRY_SYNC_CRON,
      // Empty turns it off.
      housekeepingCron: env.HOUSEKEEPING_CRON || undefined,
      workerHttpPort: env.WORKER_HTTP_PORT,
    },
    storage: {
      driver: env.STORAGE_DRIVER,
      s3:
        env.STORAGE_DRIVER === 's3' && env.S3_BUCKET
          ? {
              endpoint: env.S3_ENDPOINT,
              bucket: env.S3_BUCKET,
              region: env.S3_REGION,
              credentials:
                env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
                  ? {
                      accessKeyId: env.S3_ACCESS_KEY_ID,
                      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
                    }
                  : undefined,
              forcePathStyle: env.S3_FORCE_PATH_STYLE,
            }
          : undefined,
      uploadMaxBytes: env.UPLOAD_MAX_BYTES,
      importSourceHosts: env.IMPORT_SOURCE_HOSTS,
      uploadUrlTtlSeconds: env.UPLOAD_URL_TTL_SECONDS,
      downloadUrlTtlSeconds: env.DOWNLOAD_URL_TTL_SECONDS,
    },
  };
}
