import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

let testDb: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.handle, { env: { OVERLOAD_EVENT_LOOP_DELAY_MS: '100' } });
});

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

/** Holds the event loop, as a long synchronous task in the process would. */
function blockEventLoop(ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy on purpose
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('overload protection', () => {
  it('answers 503 with Retry-After while the event loop lags, then serves again', async () => {
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    let shed: Awaited<ReturnType<typeof app.inject>> | undefined;
    // The lag is sampled on a timer: block, let the sampler run, ask; a few tries at most.
    for (let attempt = 0; attempt < 5 && shed?.statusCode !== 503; attempt += 1) {
      blockEventLoop(1_500);
      await pause(20);
      shed = await app.inject({ url: '/api/v1/years' });
    }
    expect(shed!.statusCode).toBe(503);
    expect(shed!.headers['retry-after']).toBe('10');
    expect(shed!.headers['content-type']).toContain('application/problem+json');
    expect(shed!.json().detail).toContain('overloaded');

    let served = 503;
    for (let attempt = 0; attempt < 20 && served === 503; attempt += 1) {
      await pause(250);
      served = (await app.inject({ url: '/api/v1/years' })).statusCode;
    }
    expect(served).toBe(401); // no token: the request got through to the routes again
  }, 30_000);
});
