import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { type DestinationStream, type LoggerOptions, pino } from 'pino';
import { loggerOptions } from './platform/observability/logger.js';
import { startOpsServer } from './platform/observability/ops-server.js';
import { createObjectStore } from './platform/storage/create-object-store.js';
import { buildApp } from './app.js';
import { resolveAppSecret } from './platform/config/app-secret.js';
import type { Config } from './platform/config/env.js';
import type { DatabaseHandle } from './platform/db/database.js';
import { migrate } from './platform/db/migrate.js';
import { openDatabase } from './platform/db/open.js';
import { ensureAdminAccount } from './features/users/accounts.js';
import { type DemoAccount, seedDemo } from './features/demo/seed.js';
import { units } from './features/units/table.js';
import { startWorkers } from './workers.js';
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
    // In-process workers by default: the embedded default is one process that does it all.
    const workers = Object.values(config.jobs.concurrency).some((count) => count > 0)
      ? await startWorkers({ config, database, store: app.storage, log: app.log })
      : undefined;
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
        await workers?.stop();
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

export interface RunningWorker {
  log: FastifyBaseLogger;
  close(): Promise<void>;
}

/** A process that runs background jobs only: the `worker` command. */
export async function startWorkerProcess(config: Config): Promise<RunningWorker> {
  const appSecret = await resolveAppSecret(config);
  const database = await openDatabase(config);
  const store = createObjectStore(config, appSecret);
  const { stream, ...options } = loggerOptions(config) as LoggerOptions & {
    stream: DestinationStream;
  };
  const log = pino(options, stream) as unknown as FastifyBaseLogger;
  try {
    if (config.migrateOnStart) await migrate(database);
    const workers = await startWorkers({ config, database, store, log });
    const ops =
      config.jobs.workerHttpPort === undefined
        ? undefined
        : await startOpsServer({
            host: config.host,
            port: config.jobs.workerHttpPort,
            log,
            checks: [
              { name: 'database', check: () => database.ping() },
              { name: 'storage', check: () => store.ping() },
            ],
            poolStats: database.poolStats?.bind(database),
          }).catch(async (error: unknown) => {
            await workers.stop();
            throw error;
          });
    return {
      log,
      async close() {
        await ops?.close();
        await workers.stop();
        await store.close();
        await database.close();
      },
    };
  } catch (error) {
    await store.close();
    await database.close();
    throw error;
  }
}
