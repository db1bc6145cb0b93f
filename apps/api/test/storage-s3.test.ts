import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../src/platform/config/env.js';
import { createObjectStore } from '../src/platform/storage/create-object-store.js';
import { InvalidObjectKeyError, newObjectKey } from '../src/platform/storage/object-key.js';
import { ObjectNotFoundError, type ObjectStore } from '../src/platform/storage/object-store.js';
import {
  s3BrowserOrigin,
  S3ObjectStore,
  type S3StoreOptions,
} from '../src/platform/storage/s3-store.js';
import { buildTestApp, testConfig } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { startS3Server, type S3Server } from './support/s3-server.js';

const APP_SECRET = 'a-test-secret-that-is-long-enough-for-hmac';

let s3: S3Server;
let store: ObjectStore;

beforeAll(async () => {
  s3 = await startS3Server();
  store = createObjectStore(testConfig(s3.env), APP_SECRET);
});

afterAll(async () => {
  await store?.close();
  await s3?.close();
});

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString();
}

describe('S3 store against a local S3 endpoint', () => {
  it('is the driver the configuration names', () => {
    expect(store.driver).toBe('s3');
  });

  it('round trip: a browser-style PUT to the presigned URL, then stat, head, read and delete', async () => {
    const key = newObjectKey('uploads');
    const body = 'unit;kWh\r\nLAB;12\r\n';
    const signed = await store.signUpload(key, {
      contentType: 'text/csv',
      size: Buffer.byteLength(body),
      expiresInSeconds: 60,
    });
    expect(signed.method).toBe('PUT');
    expect(signed.headers).toEqual({ 'content-type': 'text/csv' });
    expect(signed.url.startsWith(`${s3.endpoint}/${s3.bucket}/${key}?`)).toBe(true);

    const response = await fetch(signed.url, {
      method: signed.method,
      headers: signed.headers,
      body,
    });
    expect(response.status, await response.text()).toBe(200);

    expect(await store.stat(key)).toEqual({ size: Buffer.byteLength(body) });
    expect((await store.head(key, 4)).toString()).toBe('unit');
    expect((await store.head(key, 4096)).toString()).toBe(body);
    expect(await text(await store.read(key))).toBe(body);

    await store.delete(key);
    await store.delete(key); // a missing object deletes fine
    expect(await store.stat(key)).toBeUndefined();
    await expect(store.read(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
    await expect(store.head(key, 10)).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it('signs the length and type into the upload URL, and adds no checksum a browser cannot send', async () => {
    const signed = await store.signUpload(newObjectKey('uploads'), {
      contentType: 'text/csv',
      size: 1234,
      expiresInSeconds: 60,
    });
    const query = new URL(signed.url).searchParams;
    // s3rver does not verify V4 signatures, so S3's own refusal of another size or type
    // cannot be observed here: what it relies on is checked instead.
    expect(query.get('X-Amz-SignedHeaders')?.split(';')).toEqual([
      'content-length',
      'content-type',
      'host',
    ]);
    expect(query.get('X-Amz-Expires')).toBe('60');
    expect([...query.keys()].filter((name) => name.toLowerCase().includes('checksum'))).toEqual([]);
  });

  it('a download URL serves the object as an attachment under the signed name', async () => {
    const key = newObjectKey('reports', 'csv');
    await store.write(key, 'row,reason\n3,unknown unit\n', 'text/csv');
    const signed = await store.signDownload(key, {
      filename: 'erreurs 2025 – électricité.csv',
      contentType: 'text/csv',
      expiresInSeconds: 60,
    });
    expect(signed.method).toBe('GET');
    const response = await fetch(signed.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="erreurs 2025 ? ?lectricit?.csv"; filename*=UTF-8''erreurs%202025%20%E2%80%93%20%C3%A9lectricit%C3%A9.csv`,
    );
    expect(response.headers.get('content-type')).toBe('text/csv');
    expect(await response.text()).toBe('row,reason\n3,unknown unit\n');
  });

  it('refuses an expired upload URL', async () => {
    const signed = await store.signUpload(newObjectKey('uploads'), {
      contentType: 'text/csv',
      size: 4,
      expiresInSeconds: 1,
    });
    // Presigned URLs count whole seconds from their signing time.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const response = await fetch(signed.url, {
      method: 'PUT',
      headers: signed.headers,
      body: 'a\nb\n',
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Request has expired');
  });

  it('refuses a URL signed with an unknown access key', async () => {
    const stranger = createObjectStore(
      testConfig({ ...s3.env, S3_ACCESS_KEY_ID: 'NOBODY', S3_SECRET_ACCESS_KEY: 'x' }),
      APP_SECRET,
    );
    try {
      const signed = await stranger.signUpload(newObjectKey('uploads'), {
        contentType: 'text/csv',
        size: 4,
        expiresInSeconds: 60,
      });
      const response = await fetch(signed.url, {
        method: 'PUT',
        headers: signed.headers,
        body: 'a\nb\n',
      });
      expect(response.status).toBe(403);
    } finally {
      await stranger.close();
    }
  });

  it('writes a stream of unknown length, a buffer and an empty body', async () => {
    const streamed = newObjectKey('reports');
    const lines = Array.from({ length: 5000 }, (_, i) => `${i},not a number\n`);
    await store.write(streamed, Readable.from(lines), 'text/csv');
    expect(await store.stat(streamed)).toEqual({ size: lines.join('').length });
    expect((await store.head(streamed, 16)).toString()).toBe('0,not a number\n1');

    const buffered = newObjectKey('reports');
    await store.write(buffered, Buffer.from('x'), 'text/plain');
    expect(await store.stat(buffered)).toEqual({ size: 1 });

    const empty = newObjectKey('reports');
    await store.write(empty, '', 'text/plain');
    expect(await store.stat(empty)).toEqual({ size: 0 });
    // (No head of the empty object: s3rver drops the connection on a range of an empty
    // object, where S3 answers 416, which the driver reads as "no bytes".)
  });

  it('has no incomplete writes to sweep: resolves 0 and deletes nothing', async () => {
    const key = newObjectKey('uploads');
    await store.write(key, 'unit;kWh\r\n', 'text/csv');
    expect(await store.sweepIncomplete(0)).toBe(0);
    expect(await store.stat(key)).toEqual({ size: 10 });
    expect(await text(await store.read(key))).toBe('unit;kWh\r\n');
  });

  it('refuses keys outside the grammar before any request', async () => {
    await expect(store.read('../outside')).rejects.toBeInstanceOf(InvalidObjectKeyError);
    await expect(
      store.signUpload('uploads/../x', { contentType: 'text/csv', size: 1, expiresInSeconds: 60 }),
    ).rejects.toBeInstanceOf(InvalidObjectKeyError);
  });

  it('ping answers for the bucket, and fails when the bucket does not exist', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
    const missing = createObjectStore(
      testConfig({ ...s3.env, S3_BUCKET: 'no-such-bucket' }),
      APP_SECRET,
    );
    try {
      await expect(missing.ping()).rejects.toThrow();
    } finally {
      await missing.close();
    }
  });
});

describe('the API on the S3 driver', () => {
  let testDb: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    app = await buildTestApp(testDb.handle, { env: s3.env });
  });

  afterAll(async () => {
    await app?.close();
    await testDb?.dispose();
  });

  it('/readyz reports storage, and names it when the bucket is missing', async () => {
    const ready = await app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks).toEqual({ database: 'ok', storage: 'ok' });

    const misconfigured = await buildTestApp(testDb.handle, {
      env: { ...s3.env, S3_BUCKET: 'no-such-bucket' },
    });
    try {
      const response = await misconfigured.inject({ url: '/readyz' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ checks: { database: 'ok', storage: 'failed' } });
    } finally {
      await misconfigured.close();
    }
  });

  it('lets the apps send files to the S3 endpoint (Content-Security-Policy connect-src)', async () => {
    const response = await app.inject({ url: '/healthz' });
    expect(response.headers['content-security-policy']).toContain(
      `connect-src 'self' ${s3.endpoint};`,
    );
  });

  it('serves no storage routes of its own: S3 serves the signed URLs', async () => {
    const response = await app.inject({ method: 'PUT', url: '/api/v1/storage/uploads/x' });
    expect(response.statusCode).toBe(404);
  });
});

describe('the origin browsers upload to', () => {
  const cases: S3StoreOptions[] = [
    { bucket: 'co2', region: 'eu-central-1', forcePathStyle: false },
    { bucket: 'co2', region: 'us-east-1', forcePathStyle: true },
    { bucket: 'co2.example.org', region: 'eu-west-3', forcePathStyle: false },
    {
      endpoint: 'https://minio.example.org:9000',
      bucket: 'co2',
      region: 'us-east-1',
      forcePathStyle: false,
    },
    {
      endpoint: 'https://s3.example.org',
      bucket: 'co2',
      region: 'us-east-1',
      forcePathStyle: true,
    },
  ];

  it.each(cases)('is the origin of the URLs the SDK presigns (%o)', async (options) => {
    // Presigning is local computation: no request leaves the process.
    const store = new S3ObjectStore({
      ...options,
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    });
    try {
      const signed = await store.signUpload('uploads/x', {
        contentType: 'text/csv',
        size: 1,
        expiresInSeconds: 60,
      });
      expect(s3BrowserOrigin(options)).toBe(new URL(signed.url).origin);
    } finally {
      await store.close();
    }
  });
});

describe('configuration', () => {
  it('requires a bucket with STORAGE_DRIVER=s3, and both keys or neither', () => {
    expect(() => testConfig({ STORAGE_DRIVER: 's3' })).toThrow(ConfigError);
    expect(() => testConfig({ STORAGE_DRIVER: 's3' })).toThrow(
      'S3_BUCKET is required with STORAGE_DRIVER=s3',
    );
    expect(() =>
      testConfig({ STORAGE_DRIVER: 's3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k' }),
    ).toThrow('S3_SECRET_ACCESS_KEY is required with the other S3 key variable');
    const config = testConfig({ STORAGE_DRIVER: 's3', S3_BUCKET: 'b' });
    expect(config.storage.s3).toEqual({
      endpoint: undefined,
      bucket: 'b',
      region: 'us-east-1',
      credentials: undefined,
      forcePathStyle: false,
    });
  });

  it('defaults to the filesystem, 100 MiB uploads, 15-minute upload and 5-minute download URLs, no import from URLs', () => {
    expect(testConfig().storage).toEqual({
      driver: 'fs',
      s3: undefined,
      uploadMaxBytes: 104_857_600,
      importSourceHosts: [],
      uploadUrlTtlSeconds: 900,
      downloadUrlTtlSeconds: 300,
    });
  });
});
