import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { auditRoutes } from './features/audit/routes.js';
import { authRoutes } from './features/auth/routes.js';
import { oidcRelyingParty } from './features/auth/oidc-client.js';
import { type CompiledRule, compileRoleMapping } from './features/auth/oidc-role-mapping.js';
import { isSecureSite } from './features/auth/refresh-cookie.js';
import type { AuthDeps } from './features/auth/service.js';
import { principalLoader } from './features/session/principal-loader.js';
import { sessionRoutes } from './features/session/routes.js';
import { unitsRoutes } from './features/units/routes.js';
import { usersRoutes } from './features/users/routes.js';
import { yearsRoutes } from './features/years/routes.js';
import { reportsRoutes } from './features/reports/routes.js';
import { entriesRoutes } from './features/entries/routes.js';
import { calculationContexts } from './features/entries/calculation-context.js';
import { factorsRoutes } from './features/factors/routes.js';
import { referenceRoutes } from './features/reference/routes.js';
import { reportingRoutes } from './features/reporting/routes.js';
import { systemRoutes } from './features/system/routes.js';
import { templatesRoutes } from './features/templates/routes.js';
import { uploadsRoutes } from './features/uploads/routes.js';
import { importsRoutes } from './features/imports/routes.js';
import { jobsRoutes } from './features/jobs/routes.js';
import { registryRoutes } from './features/registry/routes.js';
import { accessTokenIssuer } from './platform/auth/access-tokens.js';
import { routeGuard } from './platform/auth/guard.js';
import { loadSigningKeys } from './platform/auth/signing-keys.js';
import { resolveAppSecret } from './platform/config/app-secret.js';
import { type Config, ConfigError } from './platform/config/env.js';
import type { DatabaseHandle } from './platform/db/database.js';
import './platform/db/plugin.js';
import { connectionDraining } from './platform/http/connection-draining.js';
import { cookies } from './platform/http/cookies.js';
import { errorHandler } from './platform/http/error-handler.js';
import { openApi } from './platform/http/openapi.js';
import { overloadProtection } from './platform/http/overload.js';
import { rateLimiting } from './platform/http/rate-limit.js';
import { securityHeaders } from './platform/http/security-headers.js';
import { unmatchedRoutes } from './platform/http/unmatched-routes.js';
import { AccessLogController } from './platform/observability/access-log.js';
import { registerDbPoolMetrics } from './platform/observability/db-pool-metrics.js';
import { health } from './platform/observability/health.js';
import { loggerOptions } from './platform/observability/logger.js';
import { metrics } from './platform/observability/metrics.js';
import { requestIdFrom, requestIdHeader } from './platform/observability/request-id.js';
import {
  createObjectStore,
  FILESYSTEM_OBJECTS_PATH,
  storageBrowserOrigins,
} from './platform/storage/create-object-store.js';
import { filesystemObjectRoutes } from './platform/storage/filesystem-routes.js';
import { FilesystemObjectStore } from './platform/storage/filesystem-store.js';
import './platform/storage/plugin.js';
import { registerDocsSite } from './platform/web/docs-site.js';
import { registerWebApps } from './platform/web/web-apps.js';

export interface AppOptions {
  config: Config;
  database: DatabaseHandle;
  /** Replaces the JSON logger built from the configuration (tests capture lines with it). */
  logger?: FastifyInstance['log'];
  /** Registers extra routes after the platform and before the features (tests only). */
  extend?: (app: FastifyInstance) => Promise<void> | void;
}

/**
 * Builds the whole HTTP application without listening, so tests drive it in-process with
 * `inject` and the CLI hands it to `listen`. Order matters: the unmatched-route handling must
 * see every route, so it comes first; features come last.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  // Checked before anything is built: a broken mapping must stop the start, not a login.
  const oidc = config.auth.oidc;
  let rules: CompiledRule[] = [];
  try {
    if (oidc) rules = compileRoleMapping(oidc.roleMapping);
  } catch (error) {
    throw new ConfigError([`OIDC_ROLE_MAPPING ${(error as Error).message}`]);
  }
  const serverOptions: FastifyServerOptions = {
    genReqId: requestIdFrom,
    logController: new AccessLogController(),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // Requests arriving while draining are still served (with `Connection: close`) rather
    // than answered by Fastify's non-problem 503: the load balancer stops routing here anyway.
    return503OnClosing: false,
  };
  const app = options.logger
    ? Fastify({ ...serverOptions, loggerInstance: options.logger })
    : Fastify({ ...serverOptions, logger: loggerOptions(config) });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', database.db);
  app.decorate('changes', database.changes);
  app.decorate('readDb', database.readDb);
  app.decorate('readChanges', database.readChanges);
  const appSecret = config.appSecret ?? (await resolveAppSecret(config));
  const storage = createObjectStore(config, appSecret);
  app.decorate('storage', storage);
  app.addHook('onClose', () => storage.close());

  await app.register(errorHandler);
  await app.register(unmatchedRoutes);
  await app.register(requestIdHeader);
  await app.register(connectionDraining);
  await app.register(metrics);
  const poolStats = database.poolStats?.bind(database);
  if (poolStats) {
    registerDbPoolMetrics(app.metrics, {
      primary: poolStats,
      replica: database.replica?.poolStats,
    });
  }
  await app.register(securityHeaders, { connectSources: storageBrowserOrigins(config) });
  await app.register(overloadProtection, {
    maxEventLoopDelayMs: config.overloadEventLoopDelayMs,
  });
  await app.register(rateLimiting);
  await app.register(openApi);
  const readinessChecks = [
    { name: 'database', check: () => database.ping() },
    // Without it the read routes fail: a replica that is down makes the API unready.
    ...(database.replica ? [{ name: 'replica', check: database.replica.ping }] : []),
    { name: 'storage', check: () => storage.ping() },
  ];
  await app.register(health, { checks: readinessChecks });
  await app.register(cookies, { secret: appSecret });

  const tokens = accessTokenIssuer(await loadSigningKeys(config), {
    issuer: config.publicUrl,
    ttlSeconds: config.auth.accessTokenTtlSeconds,
  });
  await app.register(routeGuard, {
    tokens,
    principals: principalLoader(database.db, database.changes),
  });

  await options.extend?.(app);

  // The embedded store's signed URLs are served here; S3 serves its own.
  if (storage instanceof FilesystemObjectStore) {
    await app.register(filesystemObjectRoutes, { store: storage, prefix: FILESYSTEM_OBJECTS_PATH });
  }

  const authDeps: AuthDeps = {
    db: database.db,
    tokens,
    refreshTtlHours: config.auth.refreshTokenTtlHours,
    throttle: config.auth.login,
  };
  const secureCookies = isSecureSite(config.publicUrl);

  await app.register(
    async (api) => {
      await api.register(authRoutes, {
        deps: authDeps,
        oidc: oidc && {
          relyingParty: oidcRelyingParty(oidc),
          signIn: { ...authDeps, claimNames: oidc.claims, rules },
        },
        publicUrl: config.publicUrl,
        secureCookies,
        loginRateLimitPerMinute: config.auth.login.rateLimitPerMinute,
      });
      await api.register(sessionRoutes, { deps: authDeps, secureCookies });
      await api.register(usersRoutes);
      await api.register(unitsRoutes);
      await api.register(yearsRoutes);
      const contexts = calculationContexts(database.db, database.changes);
      await api.register(reportsRoutes, { contexts });
      await api.register(entriesRoutes, { contexts });
      await api.register(factorsRoutes);
      await api.register(referenceRoutes);
      await api.register(reportingRoutes);
      await api.register(templatesRoutes);
      await api.register(uploadsRoutes, {
        limits: {
          maxBytes: config.storage.uploadMaxBytes,
          urlTtlSeconds: config.storage.uploadUrlTtlSeconds,
        },
      });
      await api.register(importsRoutes, {
        uploadMaxBytes: config.storage.uploadMaxBytes,
        importSourceHosts: config.storage.importSourceHosts,
      });
      await api.register(registryRoutes, { configured: config.registry !== undefined });
      await api.register(auditRoutes);
      await api.register(systemRoutes, { checks: readinessChecks });
      await api.register(jobsRoutes, {
        downloadUrlTtlSeconds: config.storage.downloadUrlTtlSeconds,
      });
    },
    { prefix: '/api/v1' },
  );

  await registerDocsSite(app);
  const webFallback = await registerWebApps(app, config.webDistDir);
  if (webFallback) app.addNotFoundFallback(webFallback);

  return app;
}
