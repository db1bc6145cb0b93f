import type { ChangeFeed } from './change-feed.js';
import type { Database } from './database.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The typed query builder on the primary; features receive it through the app. */
    db: Database;
    /** Tables changed by any process: what caches of derived data listen to. */
    changes: ChangeFeed;
    /** For reads that may lag the latest commits: the read replica, if any (ADR 0008). */
    readDb: Database;
    /** The changes `readDb` shows: what a cache filled from `readDb` follows. */
    readChanges: ChangeFeed;
  }
}
