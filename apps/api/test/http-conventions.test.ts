import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { captureLogs } from './support/log-capture.js';
import { signedInAdmin } from './support/identities.js';

let testDb: TestDatabase;
let app: FastifyInstance;
let headers: { authorization: string };
const logs = captureLogs();

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.handle, { logger: logs.logger });
  ({ headers } = await signedInAdmin(app, testDb.handle.db));
});

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

describe('request ids', () => {
  it('echoes a usable x-request-id and logs every line of the request with it', async () => {
    const response = await app.inject({
      url: '/api/v1/units?pageSize=2',
      headers: { ...headers, 'x-request-id': 'ingress-42.a:b' },
    });
    expect(response.headers['x-request-id']).toBe('ingress-42.a:b');
    const lines = logs.lines.filter((line) => line.requestId === 'ingress-42.a:b');
    expect(lines.map((line) => line.msg)).toContain('request completed');
    expect(lines.find((line) => line.msg === 'request completed')).toMatchObject({
      method: 'GET',
      route: '/api/v1/units',
      statusCode: 200,
    });
  });

  it('replaces a missing or unsafe id with a fresh UUID', async () => {
    const uuid = /^[0-9a-f-]{36}$/;
    const missing = await app.inject({ url: '/healthz' });
    expect(missing.headers['x-request-id']).toMatch(uuid);
    const unsafe = await app.inject({
      url: '/healthz',
      headers: { 'x-request-id': 'evil"}\n{"level":60' },
    });
    expect(unsafe.headers['x-request-id']).toMatch(uuid);
    const tooLong = await app.inject({
      url: '/healthz',
      headers: { 'x-request-id': 'a'.repeat(200) },
    });
    expect(tooLong.headers['x-request-id']).toMatch(uuid);
  });

  it('gives error responses an id too, the same as in the problem body', async () => {
    const response = await app.inject({ url: '/api/v1/nope' });
    expect(response.json().requestId).toBe(response.headers['x-request-id']);
  });

  it('never logs credentials', async () => {
    await app.inject({
      url: '/api/v1/units',
      headers: { authorization: 'Bearer top-secret-token', cookie: 'refresh=top-secret-cookie' },
    });
    expect(JSON.stringify(logs.lines)).not.toContain('top-secret');
    expect(JSON.stringify(logs.lines)).not.toContain(headers.authorization.slice(7));
  });
});

describe('same origin only', () => {
  it('sends no CORS headers, even to a cross-origin request or preflight', async () => {
    const simple = await app.inject({
      url: '/api/v1/units',
      headers: { origin: 'https://evil.example' },
    });
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/units',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'GET',
      },
    });
    for (const response of [simple, preflight]) {
      const corsHeaders = Object.keys(response.headers).filter((name) =>
        name.startsWith('access-control-'),
      );
      expect(corsHeaders).toEqual([]);
    }
    expect(preflight.statusCode).toBe(405);
  });
});

describe('security headers', () => {
  it('sets a strict content security policy and the helmet defaults', async () => {
    const response = await app.inject({ url: '/api/v1/units' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });
});

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const response = await app.inject({ url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    const list = document.paths['/api/v1/units'].get;
    expect(list.parameters.map((parameter: { name: string }) => parameter.name).sort()).toEqual(
      ['active', 'level', 'page', 'pageSize', 'parent', 'q', 'sort'].sort(),
    );
    const pageSize = list.parameters.find((p: { name: string }) => p.name === 'pageSize');
    expect(pageSize.schema.maximum).toBe(1000);
    expect(Object.keys(document.paths['/api/v1/units/{id}'].get.responses)).toEqual(
      expect.arrayContaining(['200', '400', '404']),
    );
    expect(document.components.schemas).toHaveProperty('Unit');
    expect(document.paths['/metrics']).toBeUndefined();
  });

  it('serves the Swagger UI at /api/docs', async () => {
    const response = await app.inject({ url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('swagger-ui');
    expect(String(response.headers['content-security-policy'])).not.toContain(
      'upgrade-insecure-requests',
    );
  });
});
