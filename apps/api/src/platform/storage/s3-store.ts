import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { Readable } from 'node:stream';
import { attachmentDisposition } from './attachment.js';
import { assertObjectKey } from './object-key.js';
import {
  checkExpiry,
  checkUploadSize,
  ObjectNotFoundError,
  type ObjectStore,
  type SignDownloadOptions,
  type SignedRequest,
  type SignUploadOptions,
} from './object-store.js';

export interface S3StoreOptions {
  /** Unset: AWS S3 itself, in `region`. */
  endpoint?: string;
  bucket: string;
  region: string;
  /** Unset: the SDK's default chain (AWS_* variables, web identity, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** `bucket` in the path instead of the host name (MinIO, most self-hosted services). */
  forcePathStyle: boolean;
}

/**
 * The origin of the URLs the SDK presigns for `options`, which browsers send uploads to (and
 * which the Content-Security-Policy must therefore allow). Virtual-hosted style puts the
 * bucket in the host name, unless path style is forced or the bucket name has dots (which
 * break TLS wildcard certificates, so the SDK falls back to the path).
 */
export function s3BrowserOrigin(options: S3StoreOptions): string {
  const base = new URL(options.endpoint ?? `https://s3.${options.region}.amazonaws.com`);
  const pathStyle = options.forcePathStyle || options.bucket.includes('.');
  return pathStyle ? base.origin : `${base.protocol}//${options.bucket}.${base.host}`;
}

/** Names the SDK gives a missing object (GET answers NoSuchKey, HEAD has no body to name it). */
function isMissingObject(error: unknown): boolean {
  const name = (error as { name?: string }).name;
  return name === 'NoSuchKey' || name === 'NotFound';
}

/**
 * Objects in an S3-compatible bucket (AWS, MinIO, Ceph, the institution's S3). Browsers PUT and
 * GET through presigned URLs, so the bucket must allow those methods from the app's origin
 * (CORS); the server streams its own reads and writes.
 */
export class S3ObjectStore implements ObjectStore {
  readonly driver = 's3';
  readonly #client: S3Client;
  readonly #bucket: string;

  constructor(options: S3StoreOptions) {
    this.#bucket = options.bucket;
    this.#client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      credentials: options.credentials,
      forcePathStyle: options.forcePathStyle,
      // By default the SDK adds checksums the presigned URL would then demand of a browser's
      // body (the CRC32 of an empty body, in the query string), and that many S3-compatible
      // services reject: only when an operation requires one.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async signUpload(key: string, options: SignUploadOptions): Promise<SignedRequest> {
    assertObjectKey(key);
    checkExpiry(options.expiresInSeconds);
    checkUploadSize(options.size);
    const command = new PutObjectCommand({
      Bucket: this.#bucket,
      Key: key,
      ContentType: options.contentType,
      ContentLength: options.size,
    });
    const url = await getSignedUrl(this.#client, command, {
      expiresIn: options.expiresInSeconds,
      // The presigner leaves Content-Type unsigned by default; signing it and the length makes
      // S3 itself refuse a body of another size or type than the one the API allowed.
      signableHeaders: new Set(['content-type', 'content-length']),
    });
    return {
      url,
      method: 'PUT',
      // Content-Length is set by the browser from the body and cannot be set by scripts.
      headers: { 'content-type': options.contentType },
      expiresAt: new Date(Date.now() + options.expiresInSeconds * 1000),
    };
  }

  async signDownload(key: string, options: SignDownloadOptions): Promise<SignedRequest> {
    assertObjectKey(key);
    checkExpiry(options.expiresInSeconds);
    const command = new GetObjectCommand({
      Bucket: this.#bucket,
      Key: key,
      ResponseContentDisposition: attachmentDisposition(options.filename),
      ResponseContentType: options.contentType,
    });
    const url = await getSignedUrl(this.#client, command, {
      expiresIn: options.expiresInSeconds,
    });
    return {
      url,
      method: 'GET',
      headers: {},
      expiresAt: new Date(Date.now() + options.expiresInSeconds * 1000),
    };
  }

  async read(key: string): Promise<Readable> {
    assertObjectKey(key);
    try {
      const { Body } = await this.#client.send(
        new GetObjectCommand({ Bucket: this.#bucket, Key: key }),
      );
      if (!(Body instanceof Readable)) throw new Error(`No readable body for ${key}`);
      return Body;
    } catch (error) {
      if (isMissingObject(error)) throw new ObjectNotFoundError(key);
      throw error;
    }
  }

  async head(key: string, bytes: number): Promise<Buffer> {
    assertObjectKey(key);
    if (bytes <= 0) return Buffer.alloc(0);
    try {
      const { Body } = await this.#client.send(
        new GetObjectCommand({ Bucket: this.#bucket, Key: key, Range: `bytes=0-${bytes - 1}` }),
      );
      return Buffer.from((await Body?.transformToByteArray()) ?? []);
    } catch (error) {
      if (isMissingObject(error)) throw new ObjectNotFoundError(key);
      // A range of an empty object is unsatisfiable: the object is there, with no bytes.
      if ((error as { name?: string }).name === 'InvalidRange') return Buffer.alloc(0);
      throw error;
    }
  }

  async write(key: string, body: Readable | Buffer | string, contentType: string): Promise<void> {
    assertObjectKey(key);
    // One PUT for a small body, a multipart upload in parts for a stream of unknown length.
    await new Upload({
      client: this.#client,
      params: { Bucket: this.#bucket, Key: key, Body: body, ContentType: contentType },
    }).done();
  }

  async stat(key: string): Promise<{ size: number } | undefined> {
    assertObjectKey(key);
    try {
      const head = await this.#client.send(
        new HeadObjectCommand({ Bucket: this.#bucket, Key: key }),
      );
      return { size: head.ContentLength ?? 0 };
    } catch (error) {
      if (isMissingObject(error)) return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertObjectKey(key);
    // S3 answers a delete of a missing key with success, as this interface wants.
    await this.#client.send(new DeleteObjectCommand({ Bucket: this.#bucket, Key: key }));
  }

  /**
   * Nothing to sweep: a browser's upload is one presigned PUT, which S3 stores whole or not at
   * all, so it leaves no partial object. (The server's own large writes go in multipart parts,
   * which `Upload` aborts on failure; the parts of a process killed mid-write are what the
   * bucket's AbortIncompleteMultipartUpload lifecycle rule is for, see docs/operations.md.)
   */
  async sweepIncomplete(_olderThanMs: number): Promise<number> {
    return 0;
  }

  async ping(): Promise<void> {
    await this.#client.send(new HeadBucketCommand({ Bucket: this.#bucket }));
  }

  async close(): Promise<void> {
    this.#client.destroy();
  }
}
