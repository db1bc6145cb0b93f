import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from './support/test-app.js';
import { createTestDatabase } from './support/test-database.js';

describe('graceful shutdown', () => {
  it('finishes in-flight requests, refuses new connections, then closes the database', async () => {
    const testDb = await createTestDatabase();
    let app: FastifyInstance | undefined;
    let started!: () => void;
    const requestStarted = new Promise<void>((resolve) => (started = resolve));
    try {
      app = await buildTestApp(testDb.handle, {
        extend: (instance) => {
          instance.get('/probe/slow', async () => {
            started();
            await sleep(400);
            return { finished: true };
          });
        },
      });
      await app.listen({ host: '127.0.0.1', port: 0 });
      const { port } = app.server.address() as { port: number };
      const base = `http://127.0.0.1:${port}`;

      const inFlight = fetch(`${base}/probe/slow`);
      await requestStarted;
      // What `serve` does on SIGTERM: close the app, then the database.
      const closing = app.close().then(() => testDb.handle.close());

      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ finished: true });
      await closing;
      await expect(fetch(`${base}/healthz`)).rejects.toThrow();
      await expect(testDb.handle.ping()).rejects.toThrow();
    } finally {
      await testDb.dispose().catch(() => {});
    }
  });
});
