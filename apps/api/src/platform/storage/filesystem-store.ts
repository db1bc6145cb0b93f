import { randomUUID } from 'node:crypto';
import { constants, createWriteStream } from 'node:fs';
import { access, mkdir, open, opendir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertObjectKey, InvalidObjectKeyError } from './object-key.js';
import {
  checkExpiry,
  checkUploadSize,
  ObjectNotFoundError,
  type ObjectStore,
  type SignDownloadOptions,
  type SignedRequest,
  type SignUploadOptions,
} from './object-store.js';
import type { SignatureCheck, UrlSigner } from './url-signature.js';

export interface FilesystemStoreOptions {
  /** The directory holding the objects (`DATA_DIR/objects`). */
  root: string;
  /** Absolute URL, ending with `/`, at which filesystem-routes.ts serves `<key>`. */
  baseUrl: URL;
  signer: UrlSigner;
}

/** Files in progress; the leading dot keeps it apart from every key namespace. */
const PARTIAL_DIR = '.partial';

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/**
 * Objects as files under one directory, for the embedded default (one process, or replicas
 * sharing a volume). Each write goes to a file of its own and is renamed into place, so a
 * reader never sees half an object. No metadata is kept: a download is served with the type
 * signed into its URL. Signed URLs point at the API itself (filesystem-routes.ts).
 */
export class FilesystemObjectStore implements ObjectStore {
  readonly driver = 'fs';
  readonly #root: string;
  readonly #baseUrl: URL;
  readonly #signer: UrlSigner;

  constructor(options: FilesystemStoreOptions) {
    this.#root = path.resolve(options.root);
    this.#baseUrl = options.baseUrl;
    this.#signer = options.signer;
  }

  /** The file of a key; the key grammar already excludes escapes, this re-checks it anyway. */
  #fileOf(key: string): string {
    assertObjectKey(key);
    const file = path.resolve(this.#root, key);
    if (!file.startsWith(this.#root + path.sep)) throw new InvalidObjectKeyError(key);
    return file;
  }

  #signedUrl(key: string, query: string): string {
    // Key characters are all URL-safe, so the key needs no encoding.
    return new URL(`${key}?${query}`, this.#baseUrl).toString();
  }

  async signUpload(key: string, options: SignUploadOptions): Promise<SignedRequest> {
    assertObjectKey(key);
    checkExpiry(options.expiresInSeconds);
    checkUploadSize(options.size);
    const expires = Math.floor(Date.now() / 1000) + options.expiresInSeconds;
    const query = this.#signer.sign({
      method: 'PUT',
      key,
      expires,
      size: options.size,
      contentType: options.contentType,
    });
    return {
      url: this.#signedUrl(key, query),
      method: 'PUT',
      headers: { 'content-type': options.contentType },
      expiresAt: new Date(expires * 1000),
    };
  }

  async signDownload(key: string, options: SignDownloadOptions): Promise<SignedRequest> {
    assertObjectKey(key);
    checkExpiry(options.expiresInSeconds);
    const expires = Math.floor(Date.now() / 1000) + options.expiresInSeconds;
    const query = this.#signer.sign({
      method: 'GET',
      key,
      expires,
      filename: options.filename,
      contentType: options.contentType,
    });
    return {
      url: this.#signedUrl(key, query),
      method: 'GET',
      headers: {},
      expiresAt: new Date(expires * 1000),
    };
  }

  /** Checks a request to one of this store's signed URLs (the routes call it). */
  verify(
    method: 'PUT' | 'GET',
    key: string,
    query: Record<string, string | undefined>,
  ): SignatureCheck {
    return this.#signer.verify(method, key, query);
  }

  async read(key: string): Promise<Readable> {
    const file = this.#fileOf(key);
    try {
      // Opened here, not lazily by the stream, so a missing object is an error of this call.
      const handle = await open(file, 'r');
      return handle.createReadStream();
    } catch (error) {
      if (isMissing(error)) throw new ObjectNotFoundError(key);
      throw error;
    }
  }

  async head(key: string, bytes: number): Promise<Buffer> {
    const file = this.#fileOf(key);
    let handle;
    try {
      handle = await open(file, 'r');
    } catch (error) {
      if (isMissing(error)) throw new ObjectNotFoundError(key);
      throw error;
    }
    try {
      const buffer = Buffer.alloc(bytes);
      let filled = 0;
      while (filled < bytes) {
        const { bytesRead } = await handle.read(buffer, filled, bytes - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return buffer.subarray(0, filled);
    } finally {
      await handle.close();
    }
  }

  async write(key: string, body: Readable | Buffer | string, _contentType: string): Promise<void> {
    const file = this.#fileOf(key);
    const partialDir = path.join(this.#root, PARTIAL_DIR);
    await mkdir(partialDir, { recursive: true });
    await mkdir(path.dirname(file), { recursive: true });
    const partial = path.join(partialDir, randomUUID());
    try {
      const source = body instanceof Readable ? body : Readable.from([body]);
      // `flush`: the bytes are on disk before the rename makes the object visible.
      await pipeline(source, createWriteStream(partial, { flags: 'wx', flush: true }));
      await rename(partial, file);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async stat(key: string): Promise<{ size: number } | undefined> {
    try {
      const info = await stat(this.#fileOf(key));
      return info.isFile() ? { size: info.size } : undefined;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.#fileOf(key), { force: true });
  }

  /**
   * Deletes partial files (see {@link write}) not modified for `olderThanMs`: a write refreshes
   * its file's mtime with every chunk and removes the file when it fails, so only a process
   * killed mid-write leaves one that ages. Reads the directory as a stream: a backlog of any
   * size is swept with bounded memory.
   */
  async sweepIncomplete(olderThanMs: number): Promise<number> {
    if (!(olderThanMs >= 0)) throw new RangeError(`An age is 0 ms or more, not ${olderThanMs}`);
    const cutoff = Date.now() - olderThanMs;
    const partialDir = path.join(this.#root, PARTIAL_DIR);
    let directory;
    try {
      directory = await opendir(partialDir);
    } catch (error) {
      if (isMissing(error)) return 0; // nothing was ever written
      throw error;
    }
    let removed = 0;
    for await (const entry of directory) {
      if (!entry.isFile()) continue;
      const file = path.join(partialDir, entry.name);
      try {
        if ((await stat(file)).mtimeMs >= cutoff) continue;
        await rm(file);
        removed += 1;
      } catch (error) {
        // Renamed into place, or removed by its own failing write, since it was listed.
        if (!isMissing(error)) throw error;
      }
    }
    return removed;
  }

  async ping(): Promise<void> {
    await mkdir(this.#root, { recursive: true });
    await access(this.#root, constants.R_OK | constants.W_OK);
  }

  async close(): Promise<void> {}
}
