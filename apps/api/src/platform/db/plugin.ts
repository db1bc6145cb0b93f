import type { ChangeFeed } from './change-feed.js';
import type { Database } from './database.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The typed query builder; features receive it through the app. */
    db: Database;
    /** Tables changed by any process: what caches of derived data listen to. */
    changes: ChangeFeed;
  }
}
