import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config/env.js';

/**
 * pino JSON lines on stdout. Every line logged while serving a request carries its
 * `requestId` (Fastify's child logger); credentials never reach the logs.
 */
export function loggerOptions(config: Pick<Config, 'logLevel'>): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
  };
}
