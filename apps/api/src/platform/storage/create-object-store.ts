import path from 'node:path';
import type { Config } from '../config/env.js';
import { FilesystemObjectStore } from './filesystem-store.js';
import type { ObjectStore } from './object-store.js';
import { s3BrowserOrigin, S3ObjectStore } from './s3-store.js';
import { UrlSigner } from './url-signature.js';

/**
 * Where the API serves the filesystem driver's signed URLs. Under `/api` because that is what
 * an ingress routes to the API replicas; the routes are public to the route guard and
 * authorised by their signature instead (filesystem-routes.ts).
 */
export const FILESYSTEM_OBJECTS_PATH = '/api/v1/storage';

/**
 * The object store the configuration names. Used by the HTTP app and by any process without
 * HTTP (a worker) alike; `appSecret` (see `resolveAppSecret`) signs the filesystem driver's
 * URLs, so every replica must share it.
 */
export function createObjectStore(config: Config, appSecret: string): ObjectStore {
  const { storage } = config;
  if (storage.driver === 's3') {
    if (!storage.s3) throw new Error('STORAGE_DRIVER=s3 needs the S3_ settings');
    return new S3ObjectStore(storage.s3);
  }
  return new FilesystemObjectStore({
    root: path.join(config.dataDir, 'objects'),
    baseUrl: new URL(`${FILESYSTEM_OBJECTS_PATH}/`, config.publicUrl),
    signer: new UrlSigner(appSecret),
  });
}

/**
 * Origins other than the app's own that browsers send files to: the S3 endpoint. (The
 * filesystem driver's URLs are on the app's own origin.)
 */
export function storageBrowserOrigins(config: Config): string[] {
  const { s3 } = config.storage;
  return config.storage.driver === 's3' && s3 ? [s3BrowserOrigin(s3)] : [];
}
