import { mkdtempSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAppSecret } from '../src/platform/config/app-secret.js';
import type { Config } from '../src/platform/config/env.js';
import { FILESYSTEM_OBJECTS_PATH } from '../src/platform/storage/create-object-store.js';
import { FilesystemObjectStore } from '../src/platform/storage/filesystem-store.js';
import { InvalidObjectKeyError, newObjectKey } from '../src/platform/storage/object-key.js';
import { ObjectNotFoundError } from '../src/platform/storage/object-store.js';
import { UrlSigner } from '../src/platform/storage/url-signature.js';
import { buildTestApp, testConfig } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

let testDb: TestDatabase;
let app: FastifyInstance;
let config: Config;

/** A CSV larger than BODY_LIMIT_BYTES below: it can only arrive if the body is streamed. */
const CSV = Buffer.from(
  '\ufeffunit;year;kWh\r\n' +
    Array.from({ length: 2000 }, (_, i) => `LAB-${i};2025;${i * 3}\r\n`).join(''),
);

beforeAll(async () => {
  testDb = await createTestDatabase();
  config = testConfig({ BODY_LIMIT_BYTES: '2048' });
  app = await buildTestApp(testDb.handle, { config });
});

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

/** The path and query of a signed URL, for `inject`. */
const local = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

const objectsDir = () => path.join(config.dataDir, 'objects');

async function partialFiles(): Promise<string[]> {
  return readdir(path.join(objectsDir(), '.partial')).catch(() => []);
}

async function signedPut(size: number, contentType = 'text/csv') {
  const key = newObjectKey('uploads');
  const signed = await app.storage.signUpload(key, { contentType, size, expiresInSeconds: 60 });
  return { key, signed };
}

function put(url: string, payload: Buffer | Readable, contentType = 'text/csv') {
  return app.inject({
    method: 'PUT',
    url: local(url),
    headers: { 'content-type': contentType },
    payload,
  });
}

describe('filesystem store through the API', () => {
  it('signs an upload URL to the API, bound to the type the client must send', async () => {
    const { key, signed } = await signedPut(CSV.length);
    expect(app.storage.driver).toBe('fs');
    expect(signed.method).toBe('PUT');
    expect(signed.headers).toEqual({ 'content-type': 'text/csv' });
    expect(signed.url.startsWith(`${config.publicUrl}${FILESYSTEM_OBJECTS_PATH}/${key}?`)).toBe(
      true,
    );
    expect(signed.expiresAt.getTime() - Date.now()).toBeGreaterThan(55_000);
    expect(signed.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60_000);
  });

  it('round trip: PUT streams a file past the JSON body limit to disk, GET streams it back', async () => {
    const { key, signed } = await signedPut(CSV.length);
    const stored = await put(signed.url, CSV);
    expect(stored.statusCode, stored.body).toBe(204);

    expect(await readFile(path.join(objectsDir(), key))).toEqual(CSV);
    expect(await partialFiles()).toEqual([]);
    expect(await app.storage.stat(key)).toEqual({ size: CSV.length });
    expect(await app.storage.head(key, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));

    const download = await app.storage.signDownload(key, {
      filename: 'Électricité 2025.csv',
      contentType: 'text/csv',
      expiresInSeconds: 60,
    });
    const response = await app.inject({ url: local(download.url) });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload).toEqual(CSV);
    expect(response.headers['content-type']).toBe('text/csv');
    expect(response.headers['content-length']).toBe(String(CSV.length));
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="?lectricit? 2025.csv"; filename*=UTF-8''%C3%89lectricit%C3%A9%202025.csv`,
    );
  });

  it('streams every type, even those Fastify would otherwise parse and limit (text/plain)', async () => {
    const { key, signed } = await signedPut(CSV.length, 'text/plain');
    const stored = await put(signed.url, CSV, 'text/plain');
    expect(stored.statusCode, stored.body).toBe(204);
    expect(await app.storage.stat(key)).toEqual({ size: CSV.length });
  });

  it('refuses an expired URL with a 403 problem, before reading the body', async () => {
    const key = newObjectKey('uploads');
    const signer = new UrlSigner(await resolveAppSecret(config));
    const query = signer.sign({
      method: 'PUT',
      key,
      expires: Math.floor(Date.now() / 1000) - 1,
      size: 4,
      contentType: 'text/csv',
    });
    const response = await put(
      `${config.publicUrl}${FILESYSTEM_OBJECTS_PATH}/${key}?${query}`,
      Buffer.from('a\nb\n'),
    );
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      type: '/docs/problems#signed-url-rejected',
      detail: expect.stringContaining('expired'),
    });
    expect(await app.storage.stat(key)).toBeUndefined();
  });

  it('refuses a URL whose size, type, key, method or signature was altered', async () => {
    const body = Buffer.from('a;b\n1;2\n');
    const { key, signed } = await signedPut(body.length);
    const url = new URL(signed.url);
    const altered = (change: (u: URL) => void) => {
      const copy = new URL(url);
      change(copy);
      return copy.toString();
    };
    const attempts = [
      put(
        altered((u) => u.searchParams.set('size', String(body.length + 100))),
        body,
      ),
      put(
        altered((u) => u.searchParams.set('type', 'text/html')),
        body,
        'text/html',
      ),
      put(
        altered((u) => (u.pathname = u.pathname.replace(/[0-9a-f]{8}-/, '00000000-'))),
        body,
      ),
      put(
        altered((u) => u.searchParams.set('signature', 'A'.repeat(43))),
        body,
      ),
      put(
        altered((u) => u.searchParams.delete('signature')),
        body,
      ),
      put(signed.url, body, 'text/plain'), // the signed type is not the one sent
      app.inject({ url: local(signed.url) }), // a PUT URL used to GET
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.statusCode, response.body).toBe(403);
      expect(response.json().type).toBe('/docs/problems#signed-url-rejected');
    }
    expect(await app.storage.stat(key)).toBeUndefined();
    // The untouched URL still works: the refusals were about the alterations.
    expect((await put(signed.url, body)).statusCode).toBe(204);
  });

  it('refuses a body over the signed size with 413 and keeps no partial file', async () => {
    const { key, signed } = await signedPut(10);
    // Declared too large: refused from the header alone.
    const declared = await put(signed.url, Buffer.from('0123456789ABCDEF'));
    expect(declared.statusCode).toBe(413);
    expect(declared.json().type).toBe('/docs/problems#file-too-large');
    // Streamed without a length: refused at the first byte too many.
    const streamed = await put(
      signed.url,
      Readable.from([Buffer.from('01234567'), Buffer.from('89ABCDEF')]),
    );
    expect(streamed.statusCode, streamed.body).toBe(413);
    expect(streamed.json().detail).toBe('The body is larger than the 10 bytes this URL allows.');
    expect(await app.storage.stat(key)).toBeUndefined();
    expect(await partialFiles()).toEqual([]);
  });

  it('refuses a body shorter than signed, keeping nothing', async () => {
    const { key, signed } = await signedPut(10);
    const response = await put(signed.url, Readable.from([Buffer.from('01234')]));
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toBe('The body has 5 bytes; this URL is signed for exactly 10.');
    const empty = await app.inject({
      method: 'PUT',
      url: local(signed.url),
      headers: { 'content-type': 'text/csv' },
    });
    expect(empty.statusCode, empty.body).toBe(400);
    expect(await app.storage.stat(key)).toBeUndefined();
  });

  it('refuses binary content with a 422 problem, keeping nothing', async () => {
    const bodies = [
      Buffer.concat([Buffer.from('a,b\n'), Buffer.alloc(8), Buffer.from('c\n')]),
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('[Content_Types].xml')]),
      Buffer.from([0x47, 0x65, 0x6e, 0xe8, 0x76, 0x65, 0x0a]), // "Genève" in Latin-1
    ];
    for (const body of bodies) {
      const { key, signed } = await signedPut(body.length);
      const response = await put(signed.url, body);
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json().type).toBe('/docs/problems#file-not-text');
      expect(await app.storage.stat(key)).toBeUndefined();
    }
    expect(await partialFiles()).toEqual([]);
  });

  it('refuses binary content found after the first chunk of a large body', async () => {
    const body = Buffer.concat([Buffer.from('a'.repeat(3000)), Buffer.alloc(2000)]);
    const { key, signed } = await signedPut(body.length);
    const response = await put(
      signed.url,
      Readable.from([body.subarray(0, 3000), body.subarray(3000)]),
    );
    expect(response.statusCode).toBe(422);
    expect(await app.storage.stat(key)).toBeUndefined();
  });

  it('answers 404 for a signed download of an object that is not stored', async () => {
    const download = await app.storage.signDownload(newObjectKey('reports', 'csv'), {
      filename: 'errors.csv',
      expiresInSeconds: 60,
    });
    const response = await app.inject({ url: local(download.url) });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});

describe('keys that look like paths', () => {
  const secretFile = () => path.join(config.dataDir, 'secrets', 'app-secret');

  it('never reach the filesystem through the routes', async () => {
    const secret = await readFile(secretFile(), 'utf8');
    const attempts = [
      '/api/v1/storage/uploads/..%2F..%2Fsecrets%2Fapp-secret',
      '/api/v1/storage/..%2Fsecrets/app-secret',
      '/api/v1/storage/secrets/..%2Fsecrets%2Fapp-secret',
      '/api/v1/storage/uploads/%2e%2e',
      '/api/v1/storage/uploads/.partial',
      '/api/v1/storage/uploads/a%5C..%5Cb',
      '/api/v1/storage/uploads/../../secrets/app-secret',
    ];
    for (const url of attempts) {
      const read = await app.inject({ url: `${url}?expires=9999999999&signature=x` });
      expect([400, 404], `GET ${url}`).toContain(read.statusCode);
      expect(read.body).not.toContain(secret.trim());
      const written = await app.inject({
        method: 'PUT',
        url: `${url}?expires=9999999999&size=4&type=text%2Fcsv&signature=x`,
        headers: { 'content-type': 'text/csv' },
        payload: 'evil',
      });
      expect([400, 404], `PUT ${url}`).toContain(written.statusCode);
    }
    expect(await readFile(secretFile(), 'utf8')).toBe(secret);
  });

  it('are refused by every operation of the store itself', async () => {
    const store = app.storage;
    for (const key of [
      '../secrets/app-secret',
      'uploads/../../x',
      '/etc/passwd',
      'uploads',
      'a/b/c',
      'uploads/.hidden',
      'uploads/a..b',
      'uploads/report.',
      'uploads/a\\b',
      `uploads/${'a'.repeat(97)}`,
      'Uploads/a',
      '',
    ]) {
      await expect(store.read(key), key).rejects.toBeInstanceOf(InvalidObjectKeyError);
      await expect(store.write(key, 'x', 'text/plain'), key).rejects.toBeInstanceOf(
        InvalidObjectKeyError,
      );
      await expect(store.stat(key), key).rejects.toBeInstanceOf(InvalidObjectKeyError);
      await expect(store.delete(key), key).rejects.toBeInstanceOf(InvalidObjectKeyError);
      await expect(
        store.signUpload(key, { contentType: 'text/csv', size: 1, expiresInSeconds: 60 }),
        key,
      ).rejects.toBeInstanceOf(InvalidObjectKeyError);
    }
  });
});

describe('filesystem store, server side', () => {
  it('takes keys with dotted suffixes, as for a report next to its source file', async () => {
    const key = `${newObjectKey('uploads')}.errors.csv`;
    await app.storage.write(key, 'line,reason\n', 'text/csv');
    const download = await app.storage.signDownload(key, {
      filename: 'travel-errors.csv',
      expiresInSeconds: 60,
    });
    const response = await app.inject({ url: local(download.url) });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('line,reason\n');
    expect(response.headers['content-type']).toBe('application/octet-stream');
  });

  it('writes streams atomically, reads, stats, heads and deletes; a missing object is an error of read', async () => {
    const store = app.storage;
    const key = newObjectKey('reports', 'csv');
    await store.write(key, Readable.from(['row,reason\n', '3,unknown unit\n']), 'text/csv');
    expect(await store.stat(key)).toEqual({ size: 26 });
    expect(await store.head(key, 100)).toEqual(Buffer.from('row,reason\n3,unknown unit\n'));
    const chunks: Buffer[] = [];
    for await (const chunk of await store.read(key)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('row,reason\n3,unknown unit\n');

    await store.write(key, 'replaced\n', 'text/csv');
    expect((await store.head(key, 100)).toString()).toBe('replaced\n');

    await store.delete(key);
    await store.delete(key); // deleting twice is fine
    expect(await store.stat(key)).toBeUndefined();
    await expect(store.read(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
    await expect(store.head(key, 10)).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it('a failing source leaves the previous object in place and no partial file', async () => {
    const store = app.storage;
    const key = newObjectKey('reports');
    await store.write(key, 'kept\n', 'text/plain');
    const failing = new Readable({
      read() {
        this.push('half of a');
        this.destroy(new Error('source broke'));
      },
    });
    await expect(store.write(key, failing, 'text/plain')).rejects.toThrow('source broke');
    expect((await store.head(key, 100)).toString()).toBe('kept\n');
    expect(await partialFiles()).toEqual([]);
  });
});

describe('sweeping incomplete writes', () => {
  const DAY = 24 * 3600 * 1000;

  /** A store of its own: the tests above expect the app's `.partial` directory empty. */
  function freshStore() {
    const root = mkdtempSync(path.join(tmpdir(), 'co2-objects-'));
    const store = new FilesystemObjectStore({
      root,
      baseUrl: new URL('http://localhost/api/v1/storage/'),
      signer: new UrlSigner('a-test-secret-that-is-long-enough-for-hmac'),
    });
    return { root, store, partialDir: path.join(root, '.partial') };
  }

  async function age(file: string, ms: number) {
    const then = new Date(Date.now() - ms);
    await utimes(file, then, then);
  }

  it('deletes partial files untouched for longer than the given age, and nothing else', async () => {
    const { root, store, partialDir } = freshStore();
    const key = newObjectKey('uploads');
    await store.write(key, 'unit;kWh\n', 'text/csv');
    await age(path.join(root, key), 2 * DAY); // an old object is no partial file
    await writeFile(path.join(partialDir, 'dead-write'), 'half of a');
    await age(path.join(partialDir, 'dead-write'), 2 * DAY);
    await writeFile(path.join(partialDir, 'live-write'), 'the first rows');
    await mkdir(path.join(partialDir, 'not-a-file'));
    await age(path.join(partialDir, 'not-a-file'), 2 * DAY);

    expect(await store.sweepIncomplete(DAY)).toBe(1);

    expect((await readdir(partialDir)).sort()).toEqual(['live-write', 'not-a-file']);
    expect(await store.stat(key)).toEqual({ size: 9 });
    expect(await store.sweepIncomplete(DAY)).toBe(0);
  });

  it('has nothing to sweep before anything was written, and refuses a negative age', async () => {
    const { store } = freshStore();
    expect(await store.sweepIncomplete(DAY)).toBe(0);
    await expect(store.sweepIncomplete(-1)).rejects.toBeInstanceOf(RangeError);
  });
});

describe('security headers', () => {
  it('the apps send files to their own origin only', async () => {
    const response = await app.inject({ url: '/healthz' });
    expect(response.headers['content-security-policy']).toContain("connect-src 'self';");
  });
});

describe('readiness', () => {
  it('/readyz reports the store', async () => {
    const response = await app.inject({ url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json().checks).toMatchObject({ database: 'ok', storage: 'ok' });
  });

  it('/readyz answers 503 naming storage when the objects directory cannot be used', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'co2-test-'));
    writeFileSync(path.join(dataDir, 'objects'), 'a file where the directory should be');
    const broken = await buildTestApp(testDb.handle, { env: { DATA_DIR: dataDir } });
    try {
      const response = await broken.inject({ url: '/readyz' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({
        detail: 'Not ready: storage did not answer.',
        checks: { database: 'ok', storage: 'failed' },
      });
    } finally {
      await broken.close();
    }
  });
});
