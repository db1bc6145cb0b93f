import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadProblemTypes } from '../src/features/uploads/problems.js';
import { claimUpload, UPLOAD_CLAIM_GRACE_MS } from '../src/features/uploads/service.js';
import { uploads } from '../src/features/uploads/table.js';
import { HttpProblem } from '../src/platform/http/problem.js';
import { storageProblemTypes } from '../src/platform/storage/problems.js';
import { createUser, signIn, type TestUser } from './support/identities.js';
import { uploadFile } from './support/imports.js';
import { buildTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { insertUnits } from './support/unit-tree.js';

const MAX_BYTES = 1000;
const CSV = 'unit;kWh\r\nLAB;12\r\n';

let testDb: TestDatabase;
let app: FastifyInstance;
let principal: TestUser;
let colleague: TestUser;
let headers: { authorization: string };

beforeAll(async () => {
  testDb = await createTestDatabase();
  const db = testDb.handle.db;
  const ids = await insertUnits(db, [
    { code: 'ROOT', level: 1 },
    { code: 'LAB', level: 4, parent: 'ROOT' },
  ]);
  const unitId = ids.get('LAB')!;
  app = await buildTestApp(testDb.handle, { env: { UPLOAD_MAX_BYTES: String(MAX_BYTES) } });
  principal = await createUser(db, 'principal@test.example', [{ role: 'principal', unitId }]);
  colleague = await createUser(db, 'colleague@test.example', [{ role: 'standard', unitId }]);
  await createUser(db, 'nobody@test.example');
  headers = (await signIn(app, principal.email)).headers;
});

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

function requestUpload(payload: object, as: Record<string, string> = headers) {
  return app.inject({ method: 'POST', url: '/api/v1/uploads', headers: as, payload });
}

/** An upload ticket of the principal's, with the file sent to its URL. */
const uploaded = (body = CSV, filename = 'travel.csv') => uploadFile(app, headers, body, filename);

async function problemOf(promise: Promise<unknown>): Promise<HttpProblem> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(HttpProblem);
  return error as HttpProblem;
}

describe('POST /api/v1/uploads', () => {
  it('records the upload and answers a signed URL to PUT the file to', async () => {
    const before = Date.now();
    const response = await requestUpload({
      filename: 'travel 2025.csv',
      contentType: 'text/csv',
      size: 321,
    });
    expect(response.statusCode, response.body).toBe(201);
    const ticket = response.json();
    expect(ticket.key).toMatch(/^uploads\/[0-9a-f-]{36}$/);
    expect(ticket.method).toBe('PUT');
    expect(ticket.headers).toEqual({ 'content-type': 'text/csv' });
    expect(ticket.url).toContain(`/api/v1/storage/${ticket.key}?`);
    const expiresAt = Date.parse(ticket.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 899_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 900_000);

    const [row] = await testDb.handle.db.select().from(uploads).where(eq(uploads.key, ticket.key));
    expect(row).toMatchObject({
      createdBy: principal.id,
      filename: 'travel 2025.csv',
      contentType: 'text/csv',
      declaredSize: 321,
    });
    expect(row!.expiresAt.getTime()).toBe(expiresAt);
  });

  it('takes the type from the extension when the browser gives none', async () => {
    const response = await requestUpload({ filename: 'rooms.TXT', contentType: '', size: 5 });
    expect(response.statusCode).toBe(201);
    expect(response.json().headers).toEqual({ 'content-type': 'text/plain' });
  });

  it('accepts the types systems label CSV with, parameters included', async () => {
    for (const contentType of [
      'application/vnd.ms-excel',
      'application/csv',
      'text/plain',
      'text/csv; charset=utf-8',
    ]) {
      const response = await requestUpload({ filename: 'a.csv', contentType, size: 5 });
      expect(response.statusCode, contentType).toBe(201);
      expect(response.json().headers['content-type']).toBe(contentType);
    }
  });

  it('refuses a file larger than UPLOAD_MAX_BYTES with a 413 problem', async () => {
    const response = await requestUpload({
      filename: 'big.csv',
      contentType: 'text/csv',
      size: MAX_BYTES + 1,
    });
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      type: '/docs/problems#file-too-large',
      detail: `The file has ${MAX_BYTES + 1} bytes; at most ${MAX_BYTES} are accepted.`,
    });
  });

  it('refuses files that are not CSV or text, by name or by type, with a 415 problem', async () => {
    const refused = [
      { filename: 'budget.xlsx', contentType: 'text/csv' },
      {
        filename: 'budget.xlsx',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      { filename: 'travel.csv', contentType: 'application/pdf' },
      { filename: 'travel', contentType: 'text/csv' },
      { filename: 'travel.csv.exe', contentType: '' },
    ];
    for (const file of refused) {
      const response = await requestUpload({ ...file, size: 10 });
      expect(response.statusCode, file.filename).toBe(415);
      expect(response.json().type).toBe('/docs/problems#unsupported-file-type');
    }
  });

  it('answers invalid fields with a validation problem naming each', async () => {
    const response = await requestUpload({ filename: '../../etc/passwd', size: 0 });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.type).toBe('/docs/problems#validation-error');
    expect(body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'body.contentType',
      'body.filename',
      'body.size',
    ]);
  });

  it('needs a signed-in user who holds some role', async () => {
    expect(
      (await requestUpload({ filename: 'a.csv', contentType: '', size: 1 }, {})).statusCode,
    ).toBe(401);
    const nobody = (await signIn(app, 'nobody@test.example')).headers;
    const denied = await requestUpload({ filename: 'a.csv', contentType: '', size: 1 }, nobody);
    expect(denied.statusCode).toBe(403);
    const member = (await signIn(app, colleague.email)).headers;
    expect(
      (await requestUpload({ filename: 'a.csv', contentType: '', size: 1 }, member)).statusCode,
    ).toBe(201);
  });
});

describe('claimUpload', () => {
  const claim = (key: string, userId = principal.id, maxBytes = MAX_BYTES, now?: Date) =>
    claimUpload(testDb.handle.db, app.storage, key, userId, maxBytes, now);

  it('hands an uploaded text file to its uploader, with its stored size', async () => {
    const key = await uploaded(CSV, 'électricité.csv');
    expect(await claim(key)).toEqual({
      key,
      filename: 'électricité.csv',
      size: Buffer.byteLength(CSV),
      contentType: 'text/csv',
    });
    // Claiming does not consume it: a retried import request may claim it again.
    expect((await claim(key)).key).toBe(key);
  });

  it('another user’s upload, an unknown key and a malformed key are all 404', async () => {
    const key = await uploaded();
    // Claimed one at a time: a rejection not yet awaited would be reported as unhandled.
    for (const attempt of [
      () => claim(key, colleague.id),
      () => claim('uploads/00000000-0000-4000-8000-000000000000'),
      () => claim('../secrets/app-secret'),
      () => claim('reports/00000000-0000-4000-8000-000000000000'),
    ]) {
      const problem = await problemOf(attempt());
      expect(problem.status).toBe(404);
    }
  });

  it('422 while the file has not arrived in storage', async () => {
    const ticket = await requestUpload({ filename: 'late.csv', contentType: 'text/csv', size: 4 });
    const problem = await problemOf(claim(ticket.json().key));
    expect(problem.status).toBe(422);
    expect(problem.type).toBe('/docs/problems#upload-not-received');
  });

  it('stays claimable for the grace period after the URL expired, then 410', async () => {
    const key = await uploaded();
    const [row] = await testDb.handle.db.select().from(uploads).where(eq(uploads.key, key));
    const expiry = row!.expiresAt.getTime();
    const within = new Date(expiry + UPLOAD_CLAIM_GRACE_MS - 1000);
    expect((await claim(key, principal.id, MAX_BYTES, within)).key).toBe(key);
    const problem = await problemOf(
      claim(key, principal.id, MAX_BYTES, new Date(expiry + UPLOAD_CLAIM_GRACE_MS + 1000)),
    );
    expect(problem.status).toBe(410);
    expect(problem.type).toBe('/docs/problems#upload-expired');
  });

  it('413 when the stored file exceeds the limit the caller gives', async () => {
    const key = await uploaded();
    const problem = await problemOf(claim(key, principal.id, 5));
    expect(problem.status).toBe(413);
    expect(problem.type).toBe('/docs/problems#file-too-large');
  });

  it('422 when the stored file is not text (as S3 would store it, unchecked)', async () => {
    const ticket = await requestUpload({ filename: 'sheet.csv', contentType: 'text/csv', size: 8 });
    const key = ticket.json().key as string;
    // S3 stores whatever the browser sends; only the claim looks at the bytes.
    await app.storage.write(key, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), 'text/csv');
    const problem = await problemOf(claim(key));
    expect(problem.status).toBe(422);
    expect(problem.type).toBe('/docs/problems#file-not-text');
    expect(problem.message).toContain('ZIP archive');
  });
});

describe('problem types', () => {
  it('each has its section in the public documentation', async () => {
    const page = await app.inject({ url: '/docs/problems' });
    expect(page.statusCode).toBe(200);
    for (const type of [
      ...Object.values(storageProblemTypes),
      ...Object.values(uploadProblemTypes),
    ]) {
      const anchor = type.split('#')[1];
      expect(page.body, type).toContain(`id="${anchor}"`);
    }
  });
});
