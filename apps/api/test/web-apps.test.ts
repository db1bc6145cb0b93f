import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexPageFor } from '../src/platform/web/web-apps.js';
import { buildTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/** A build output laid out as Vite writes it: one index page per app, hashed assets. */
function fakeWebBuild(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'co2-web-'));
  for (const app of ['', 'team-manager', 'it-manager']) {
    mkdirSync(path.join(dir, app), { recursive: true });
    writeFileSync(
      path.join(dir, app, 'index.html'),
      `<!doctype html><title>${app || 'calculator'}</title>`,
    );
  }
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'assets', 'shared-abc123.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

let testDb: TestDatabase;
let app: FastifyInstance;
const html = { accept: 'text/html,application/xhtml+xml' };

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.handle, { env: { WEB_DIST_DIR: fakeWebBuild() } });
});

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

describe('indexPageFor', () => {
  it.each([
    ['/', 'index.html'],
    ['/results/2025', 'index.html'],
    ['/team-manager', 'team-manager/index.html'],
    ['/team-manager/roster', 'team-manager/index.html'],
    ['/it-manager/years/2025', 'it-manager/index.html'],
    ['/team-managers', 'index.html'],
    ['/api/v1/units', undefined],
    ['/api', undefined],
    ['/metrics', undefined],
    ['/docs/methodology', undefined],
  ])('%s → %s', (pathname, page) => {
    expect(indexPageFor(pathname)).toBe(page);
  });
});

describe('serving the web apps', () => {
  it.each([
    ['/', 'calculator'],
    ['/modules/travel?year=2025', 'calculator'],
    ['/team-manager/', 'team-manager'],
    ['/team-manager/roster/42', 'team-manager'],
    ['/it-manager/', 'it-manager'],
    ['/it-manager/audit', 'it-manager'],
  ])('GET %s serves the %s app', async (url, title) => {
    const response = await app.inject({ url, headers: html });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain(`<title>${title}</title>`);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('serves hashed assets as immutable and other files as revalidated', async () => {
    const asset = await app.inject({ url: '/assets/shared-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await app.inject({ url: '/favicon.svg' });
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('answers API paths and non-page requests with 404 problems, never a page', async () => {
    for (const request of [
      { url: '/api/v1/nothing', headers: html },
      { url: '/assets/missing.js', headers: { accept: '*/*' } },
      { url: '/healthz/extra', headers: html },
    ]) {
      const response = await app.inject(request);
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('answers other methods on pages with 405', async () => {
    const response = await app.inject({ method: 'POST', url: '/', headers: html });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD');
  });
});
