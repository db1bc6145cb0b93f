import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

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
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
    APP_SECRET: z.string().optional(),
    WEB_DIST_DIR: z.string().min(1).default(path.join(apiPackageRoot, '../web/dist')),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
    TRUST_PROXY: z.string().default('false'),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
    OVERLOAD_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).default(1_000),
    MIGRATE_ON_START: booleanFlag.default(true),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
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
  database: { url?: string; poolSize: number };
  /** Undefined until resolved by `resolveAppSecret` (embedded default generates one). */
  appSecret?: string;
  webDistDir: string;
  bodyLimitBytes: number;
  /** As Fastify takes it: all, none, a list of addresses/CIDR ranges, or a hop count. */
  trustProxy: boolean | string | ((address: string, hop: number) => boolean);
  shutdownTimeoutMs: number;
  overloadEventLoopDelayMs: number;
  migrateOnStart: boolean;
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
    database: { url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE },
    appSecret: env.APP_SECRET,
    webDistDir: path.resolve(env.WEB_DIST_DIR),
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    overloadEventLoopDelayMs: env.OVERLOAD_EVENT_LOOP_DELAY_MS,
    migrateOnStart: env.MIGRATE_ON_START,
  };
}
