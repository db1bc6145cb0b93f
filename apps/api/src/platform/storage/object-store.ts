import type { Readable } from 'node:stream';

/**
 * Object storage as the rest of the server sees it: files addressed by server-generated keys
 * (see object-key.ts), which browsers send and fetch directly through short-lived signed URLs,
 * so no file ever passes through a JSON route. Two drivers implement it: the filesystem under
 * DATA_DIR (served by the API itself) and any S3-compatible service.
 */

/** An HTTP request a client may make once, until `expiresAt`, without other credentials. */
export interface SignedRequest {
  url: string;
  method: 'PUT' | 'GET';
  /** Headers the client must send exactly as given (they are part of the signature). */
  headers: Record<string, string>;
  expiresAt: Date;
}

export interface SignUploadOptions {
  contentType: string;
  /** The exact number of bytes the client will send; the store refuses any other length. */
  size: number;
  expiresInSeconds: number;
}

export interface SignDownloadOptions {
  /** Offered to the browser as the name to save the file under (`Content-Disposition`). */
  filename: string;
  contentType?: string;
  expiresInSeconds: number;
}

export interface ObjectStore {
  /** `fs` or `s3`, for logs and diagnostics. */
  readonly driver: 'fs' | 's3';
  /** A URL to PUT exactly `size` bytes of `contentType` to `key`. */
  signUpload(key: string, options: SignUploadOptions): Promise<SignedRequest>;
  /** A URL to GET `key` as an attachment named `filename`. */
  signDownload(key: string, options: SignDownloadOptions): Promise<SignedRequest>;
  /** The object's bytes as a stream; throws {@link ObjectNotFoundError}. */
  read(key: string): Promise<Readable>;
  /** Up to `bytes` first bytes of the object (for sniffing); throws {@link ObjectNotFoundError}. */
  head(key: string, bytes: number): Promise<Buffer>;
  /** Stores a body under `key`, streamed: readers see the old object or the whole new one. */
  write(key: string, body: Readable | Buffer | string, contentType: string): Promise<void>;
  /** The object's size, or undefined when there is no such object. */
  stat(key: string): Promise<{ size: number } | undefined>;
  /** Removes the object; removing a missing object is not an error. */
  delete(key: string): Promise<void>;
  /**
   * Removes what writes that never finished left behind (a process killed mid-upload), once
   * untouched for `olderThanMs`; resolves with how many were removed. Never touches an object.
   */
  sweepIncomplete(olderThanMs: number): Promise<number>;
  /** Resolves when the store answers (readiness). */
  ping(): Promise<void>;
  /** Releases connections; the store is unusable afterwards. */
  close(): Promise<void>;
}

export class ObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No object stored under ${key}`);
    this.name = 'ObjectNotFoundError';
  }
}

/** S3 refuses presigned URLs valid for longer than a week; the filesystem driver matches it. */
export const MAX_SIGNED_URL_SECONDS = 7 * 24 * 3600;

export function checkExpiry(expiresInSeconds: number): void {
  if (
    !Number.isInteger(expiresInSeconds) ||
    expiresInSeconds < 1 ||
    expiresInSeconds > MAX_SIGNED_URL_SECONDS
  ) {
    throw new RangeError(
      `A signed URL lives 1 to ${MAX_SIGNED_URL_SECONDS} s, not ${expiresInSeconds}`,
    );
  }
}

export function checkUploadSize(size: number): void {
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new RangeError(`An upload size is a whole number of bytes, not ${size}`);
  }
}
