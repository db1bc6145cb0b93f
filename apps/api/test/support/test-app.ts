import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/platform/config/env.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';

/** Configuration as the server would parse it, for a test: quiet, and writing under /tmp. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'co2-test-')),
    WEB_DIST_DIR: path.join(tmpdir(), 'co2-no-web-build'),
    // Tests sign in often; the rate limit has a test of its own.
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    // Several test files share two cores: their event loops lag by design, and shedding load
    // with 503 would fail requests the test is about (overload.test.ts turns it back on).
    OVERLOAD_EVENT_LOOP_DELAY_MS: '0',
    ...env,
  });
}

export async function buildTestApp(
  database: DatabaseHandle,
  options: Partial<Omit<AppOptions, 'database'>> & { env?: Record<string, string> } = {},
): Promise<FastifyInstance> {
  const app = await buildApp({ config: testConfig(options.env), ...options, database });
  await app.ready();
  return app;
}
