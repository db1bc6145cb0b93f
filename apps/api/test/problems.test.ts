import type { FastifyInstance, InjectOptions } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpProblem } from '../src/platform/http/problem.js';
import { problemSchema } from '../src/platform/http/problem.js';
import { buildTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/**
 * Every error path of the API conventions answers with an RFC 9457 problem. Routes that
 * provoke the generic failures (a body, a throw, a rate limit) are registered for the test;
 * the handling under test is the app's own.
 */
const probeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/probe/echo',
    { schema: { body: z.object({ name: z.string().min(1), tags: z.array(z.string()).max(2) }) } },
    async (request) => request.body,
  );
  app.get('/probe/crash', async () => {
    throw new Error('relation "secret_table" does not exist at SELECT * FROM secret_table');
  });
  app.get('/probe/bad-sql', async () => {
    await app.db.execute(sql`select * from table_that_does_not_exist`);
    return {};
  });
  app.get('/probe/unauthorised', async () => {
    throw new HttpProblem({ status: 401, detail: 'Sign in first.' });
  });
  app.get('/probe/forbidden', async () => {
    throw new HttpProblem({ status: 403, detail: 'Not allowed.' });
  });
  app.get(
    '/probe/limited',
    { config: { rateLimit: { max: 2, timeWindow: 60_000 } } },
    async () => ({ ok: true }),
  );
};

let testDb: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.handle, {
    env: { BODY_LIMIT_BYTES: '2048' },
    extend: async (instance) => {
      await instance.register(probeRoutes);
    },
  });
});

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

type Inject = InjectOptions;

/** Sends the request and checks the problem envelope common to every error. */
async function problemFor(request: Inject, status: number) {
  const response = await app.inject(request);
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  const body = problemSchema.parse(response.json());
  expect(body.status).toBe(status);
  expect(body.requestId).toBe(response.headers['x-request-id']);
  expect(body.detail.length).toBeGreaterThan(0);
  return { body, response };
}

describe('problem responses', () => {
  it('400 lists every invalid field with its path', async () => {
    const { body } = await problemFor(
      { method: 'POST', url: '/probe/echo', payload: { name: '', tags: ['a', 3], extra: true } },
      400,
    );
    expect(body.type).toBe('/docs/problems#validation-error');
    expect(body.instance).toBe('/probe/echo');
    expect(body.errors?.map((error) => error.path).sort()).toEqual(['body.name', 'body.tags.1']);
  });

  it('400 for malformed JSON', async () => {
    await problemFor(
      {
        method: 'POST',
        url: '/probe/echo',
        headers: { 'content-type': 'application/json' },
        payload: '{"name": ',
      },
      400,
    );
  });

  it('401 and 403 keep their status and detail', async () => {
    expect((await problemFor({ url: '/probe/unauthorised' }, 401)).body).toMatchObject({
      title: 'Unauthorized',
      detail: 'Sign in first.',
    });
    expect((await problemFor({ url: '/probe/forbidden' }, 403)).body.title).toBe('Forbidden');
  });

  it('404 for an unknown route, with the path as instance', async () => {
    const { body } = await problemFor({ url: '/api/v1/nothing-here?x=1' }, 404);
    expect(body.instance).toBe('/api/v1/nothing-here');
    await problemFor({ url: '/not-an-app-path', headers: { accept: 'application/json' } }, 404);
  });

  it.each(['PATCH', 'PUT', 'POST', 'DELETE', 'OPTIONS'] as const)(
    '405 with Allow for %s on a GET-only route',
    async (method) => {
      const { response } = await problemFor({ method, url: '/api/v1/units' }, 405);
      expect(response.headers.allow).toBe('GET, HEAD');
    },
  );

  it('405 on a parameterised route names the methods of that route', async () => {
    const { response } = await problemFor(
      { method: 'PATCH', url: '/api/v1/units/2b0c7f8e-4a59-4a36-9d1e-0f6f8c2a1b3c' },
      405,
    );
    expect(response.headers.allow).toBe('GET, HEAD');
    const post = await problemFor({ method: 'GET', url: '/probe/echo' }, 405);
    expect(post.response.headers.allow).toBe('POST');
  });

  it('413 for a body over the limit', async () => {
    await problemFor(
      { method: 'POST', url: '/probe/echo', payload: { name: 'x'.repeat(4096), tags: [] } },
      413,
    );
  });

  it('415 for a body in an unsupported media type', async () => {
    await problemFor(
      {
        method: 'POST',
        url: '/probe/echo',
        headers: { 'content-type': 'application/xml' },
        payload: '<name>x</name>',
      },
      415,
    );
  });

  it('429 with Retry-After once the rate limit is reached', async () => {
    for (let i = 0; i < 2; i += 1) {
      expect((await app.inject({ url: '/probe/limited' })).statusCode).toBe(200);
    }
    const { response } = await problemFor({ url: '/probe/limited' }, 429);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  });

  it.each(['/probe/crash', '/probe/bad-sql'])(
    '500 for %s leaks neither stack nor SQL',
    async (url) => {
      const { body, response } = await problemFor({ url }, 500);
      expect(body.title).toBe('Internal Server Error');
      expect(response.body).not.toMatch(/secret_table|table_that_does_not_exist|select|at \//i);
    },
  );
});
