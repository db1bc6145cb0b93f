import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../../app.js';
import { loadConfig } from '../config/env.js';
import { openPglite } from '../db/pglite.js';

/**
 * The OpenAPI document exactly as `/api/openapi.json` serves it, built from the routes without
 * a server or data: an in-memory PGlite and a throw-away data folder are enough, since the
 * document only depends on the route schemas. The web apps generate their API types from it.
 */
export async function openApiDocument(): Promise<unknown> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'co2-openapi-'));
  const database = await openPglite();
  try {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir });
    const app = await buildApp({ config, database });
    try {
      await app.ready();
      return app.swagger();
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
