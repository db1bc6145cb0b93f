#!/usr/bin/env node
import closeWithGrace from 'close-with-grace';
import { Command } from 'commander';
import { ConfigError, loadConfig } from './platform/config/env.js';
import { migrate } from './platform/db/migrate.js';
import { openDatabase } from './platform/db/open.js';
import { startServer, startWorkerProcess } from './server.js';
import { ensureAdminAccount, hasAnyUser } from './features/users/accounts.js';
import { readPassword } from './platform/config/read-password.js';
import { httpRoleProvider } from './features/registry/role-provider.js';
import { syncRegistry } from './features/registry/sync.js';
import { DEMO_PASSWORD, type DemoAccount, seedDemo } from './features/demo/seed.js';

function printDemoAccounts(accounts: DemoAccount[]) {
  process.stdout.write(
    `Seeded the demo institution. Every demo account's password is ${DEMO_PASSWORD}\n` +
      accounts.map((account) => `  ${account.email.padEnd(28)} ${account.role}`).join('\n') +
      '\n',
  );
}

/** Prints a failure a person can act on (no stack for configuration mistakes) and exits 1. */
function fail(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `${error instanceof ConfigError ? message : ((error as Error)?.stack ?? message)}\n`,
  );
  process.exit(1);
}

const program = new Command()
  .name('co2-calculator')
  .description(
    'CO₂ Calculator server. Configuration comes from environment variables (see README).',
  )
  .showHelpAfterError();

program
  .command('serve')
  .description('apply pending migrations, then serve the API and the web apps')
  .action(async () => {
    const config = loadConfig();
    const server = await startServer(config);
    process.stdout.write(`CO₂ Calculator is running at ${server.url}\n`);
    if (server.demoAccounts) printDemoAccounts(server.demoAccounts);
    if (!(await hasAnyUser(server.database.db))) {
      process.stdout.write(
        'No account exists yet. Create an administrator with\n' +
          '  npm run create-admin -- --email you@example.org\n' +
          'or start with ADMIN_EMAIL and ADMIN_PASSWORD set.\n',
      );
    }
    // SIGTERM (Kubernetes, compose) and SIGINT (Ctrl-C): stop accepting, finish in-flight
    // requests, close the database; give up after SHUTDOWN_TIMEOUT_MS.
    closeWithGrace({ delay: config.shutdownTimeoutMs }, async ({ signal, err }) => {
      if (err) server.app.log.error({ err }, 'shutting down after an uncaught error');
      else server.app.log.info({ signal }, 'shutting down');
      await server.close();
    });
  });

program
  .command('worker')
  .description('run background jobs only (imports, recalculations, aggregations), no HTTP')
  .action(async () => {
    const config = loadConfig();
    const worker = await startWorkerProcess(config);
    const perKind = Object.entries(config.jobs.concurrency)
      .map(([kind, count]) => `${kind} ${count}`)
      .join(', ');
    process.stdout.write(`CO₂ Calculator worker started (jobs at once: ${perKind})\n`);
    closeWithGrace({ delay: config.shutdownTimeoutMs }, async ({ signal, err }) => {
      if (err) worker.log.error({ err }, 'shutting down after an uncaught error');
      else worker.log.info({ signal }, 'shutting down');
      await worker.close();
    });
  });

program
  .command('migrate')
  .description('apply pending database migrations and exit')
  .action(async () => {
    const config = loadConfig();
    const database = await openDatabase(config);
    try {
      const { applied, total } = await migrate(database);
      process.stdout.write(`Migrations: ${applied} applied, ${total} in total.\n`);
    } finally {
      await database.close();
    }
  });

program
  .command('create-admin')
  .description('create a local administrator, or reset the password of an existing one')
  .requiredOption('--email <email>', 'the administrator’s e-mail address (their sign-in name)')
  .option('--name <name>', 'display name', 'Administrator')
  .option('--password-stdin', 'read the password from standard input instead of a prompt')
  .action(async (options: { email: string; name: string; passwordStdin?: boolean }) => {
    const config = loadConfig();
    const password = await readPassword(Boolean(options.passwordStdin));
    if (password.length < 12)
      throw new ConfigError(['the password must be at least 12 characters']);
    const database = await openDatabase(config);
    try {
      await migrate(database);
      const { created } = await ensureAdminAccount(
        database.db,
        { email: options.email, password, displayName: options.name },
        { resetPassword: true, via: 'create-admin' },
      );
      process.stdout.write(
        `${created ? 'Created' : 'Updated'} administrator ${options.email.toLowerCase()}.\n`,
      );
    } finally {
      await database.close();
    }
  });

program
  .command('seed-demo')
  .description(
    'seed the demo institution (units, people, two years of data) into an empty database',
  )
  .action(async () => {
    const config = loadConfig();
    const database = await openDatabase(config);
    try {
      await migrate(database);
      printDemoAccounts(await seedDemo(database.db, database.changes));
    } finally {
      await database.close();
    }
  });

program
  .command('sync-registry')
  .description('pull units and role assignments from REGISTRY_URL and apply the differences')
  .action(async () => {
    const config = loadConfig();
    if (!config.registry) throw new ConfigError(['REGISTRY_URL is not set']);
    const provider = httpRoleProvider({
      url: config.registry.url,
      headers: config.registry.token ? { authorization: `Bearer ${config.registry.token}` } : {},
      timeoutMs: config.registry.timeoutMs,
      retries: config.registry.retries,
      breaker: config.registry.breaker,
    });
    const snapshot = await provider.fetchSnapshot();
    const database = await openDatabase(config);
    try {
      await migrate(database);
      const report = await syncRegistry(database.db, snapshot, {
        actor: { label: 'sync-registry' },
      });
      process.stdout.write(`${JSON.stringify(report)}\n`);
    } finally {
      await database.close();
    }
  });

program.parseAsync(process.argv).catch(fail);
