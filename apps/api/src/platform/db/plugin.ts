import type { Database } from './database.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The typed query builder; features receive it through the app. */
    db: Database;
  }
}
