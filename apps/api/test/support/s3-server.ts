import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

export interface S3Server {
  endpoint: string;
  bucket: string;
  /** The environment that points the API's S3 driver at this server. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * A local S3 endpoint (s3rver) on 127.0.0.1, with one empty bucket, storing under a temporary
 * directory. It checks access keys and the expiry of presigned URLs, but not V4 signatures
 * themselves (s3rver does not implement them).
 */
export async function startS3Server(bucket = 'co2-test'): Promise<S3Server> {
  const directory = mkdtempSync(path.join(tmpdir(), 'co2-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    env: {
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_REGION: 'us-east-1',
      // s3rver's built-in account.
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    },
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
