import type { ObjectStore } from './object-store.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Stored files (uploads, reports); features receive it through the app. */
    storage: ObjectStore;
  }
}
