import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { resolveAppSecret } from './platform/config/app-secret.js';
import type { Config } from './platform/config/env.js';
import type { DatabaseHandle } from './platform/db/database.js';
import { migrate } from './platform/db/migrate.js';
import { openDatabase } from './platform/db/open.js';
import { ensureAdminAccount } from './features/users/accounts.js';
import { type DemoAccount, seedDemo } from './features/demo/seed.js';
import { units } from './features/units/table.js';
import type { Database } from './platform/db/database.js';

async function isEmpty(db: Database) {
  const [unit] = await db.select({ id: units.id }).from(units).limit(1);
  return unit === undefined;
}

export interface RunningServer {
  app: FastifyInstance;
  database: DatabaseHandle;
  url: string;
  /** The demo accounts, when this start seeded the demo institution. */
  demoAccounts?: DemoAccount[];
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
}

export async function startServer(config: Config): Promise<RunningServer> {
  const appSecret = await resolveAppSecret(config);
  const database = await openDatabase(config);
  try {
    if (config.migrateOnStart) await migrate(database);
    // The embedded default is for trying the product: a first start shows a real institution.
    let demoAccounts: DemoAccount[] | undefined;
    if (!config.database.url && config.demoSeed === 'auto' && (await isEmpty(database.db))) {
      demoAccounts = await seedDemo(database.db, database.changes);
    }
    if (config.auth.bootstrapAdmin) {
      await ensureAdminAccount(database.db, config.auth.bootstrapAdmin, {
        resetPassword: false,
        via: 'ADMIN_EMAIL',
      });
    }
    const app = await buildApp({ config: { ...config, appSecret }, database });
    await app.listen({ host: config.host, port: config.port });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(config.host)
      ? 'localhost'
      : config.host;
    return {
      app,
      database,
      url: `http://${host}:${port}`,
      demoAccounts,
      async close() {
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
