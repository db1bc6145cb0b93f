import path from 'node:path';
import type { Config } from '../config/env.js';
import type { DatabaseHandle } from './database.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

/** A PostgreSQL server when DATABASE_URL is set, else the embedded PGlite under DATA_DIR. */
export function openDatabase(config: Config): Promise<DatabaseHandle> {
  if (config.database.url) {
    return openPostgres({
      url: config.database.url,
      directUrl: config.database.directUrl,
      replicaUrl: config.database.replicaUrl,
      poolSize: config.database.poolSize,
    });
  }
  return openPglite(path.join(config.dataDir, 'db'));
}
