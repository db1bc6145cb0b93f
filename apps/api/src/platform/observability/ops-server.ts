import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { PoolStats } from '../db/database.js';
import { registerDbPoolMetrics } from './db-pool-metrics.js';
import { health, type ReadinessCheck } from './health.js';
import { metrics } from './metrics.js';

export interface OpsServerOptions {
  host: string;
  port: number;
  log: FastifyBaseLogger;
  checks: ReadinessCheck[];
  poolStats?: () => PoolStats;
}

/**
 * The HTTP side of a process that serves no API (`worker`): `/healthz`, `/readyz` and
 * `/metrics` only, for an orchestrator's probes and for Prometheus (a worker's event-loop
 * delay and pool use are its own; job counts are the API's, read from the shared table).
 */
export async function startOpsServer(options: OpsServerOptions): Promise<FastifyInstance> {
  // Probes every few seconds would drown the job logs: no per-request lines.
  const app = Fastify({
    loggerInstance: options.log,
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(metrics);
  if (options.poolStats) registerDbPoolMetrics(app.metrics, { primary: options.poolStats });
  await app.register(health, { checks: options.checks });
  await app.listen({ host: options.host, port: options.port });
  return app;
}
