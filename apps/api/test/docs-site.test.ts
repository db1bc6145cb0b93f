import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorOf } from '../src/platform/web/docs-site.js';
import { buildTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

let testDb: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.handle);
});

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

describe('/docs', () => {
  it('serves the documentation index, linked to the API reference', async () => {
    const response = await app.inject({ url: '/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('<title>CO₂ Calculator documentation · CO₂ Calculator</title>');
    expect(response.body).toContain('href="/api/docs"');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await app.inject({ url: '/docs' })).headers.location).toBe('/docs/');
  });

  it('renders pages with heading anchors, so problem types resolve', async () => {
    const response = await app.inject({ url: '/docs/problems' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<h2 id="validation-error">');
  });

  it('rewrites links between pages and resolves them from the page folder', async () => {
    const index = await app.inject({ url: '/docs/methodology' });
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('<base href="/docs/methodology/">');
    expect(index.body).toContain('href="plane-trip"');
    expect(index.body).not.toMatch(/href="[^"]+\.md"/);
    expect((await app.inject({ url: '/docs/methodology/plane-trip' })).statusCode).toBe(200);
  });

  it.each([
    '/docs/nothing-here',
    '/docs/../package.json',
    '/docs/%2e%2e/README',
    '/docs/adr/../../apps/api/package',
  ])('%s is a 404 problem, never a file outside docs/', async (url) => {
    const response = await app.inject({ url });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('makes anchors like GitHub does', () => {
    expect(anchorOf('validation-error')).toBe('validation-error');
    expect(anchorOf('Plain statuses (`about:blank`)')).toBe('plain-statuses-aboutblank');
  });
});
