import { eq } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import { notFound } from '../../platform/http/problem.js';
import { isObjectKey, newObjectKey } from '../../platform/storage/object-key.js';
import { ObjectNotFoundError, type ObjectStore } from '../../platform/storage/object-store.js';
import { fileNotText, fileTooLarge } from '../../platform/storage/problems.js';
import { SNIFF_BYTES, sniffText } from '../../platform/storage/sniff-text.js';
import type { CreateUploadBody, UploadTicket } from './contract.js';
import { acceptedContentType } from './file-types.js';
import { unsupportedFileType, uploadExpired, uploadNotReceived } from './problems.js';
import { uploads } from './table.js';

/** Every upload's object key is `uploads/<uuid>`. */
const NAMESPACE = 'uploads';

/**
 * How long after its upload URL expires a file can still be claimed by an import: the user
 * uploads, then picks the import's year and options, perhaps after a meeting. Beyond this the
 * upload counts as abandoned, and a sweep may delete it unless a job references its key.
 */
export const UPLOAD_CLAIM_GRACE_MS = 24 * 3600 * 1000;

export interface UploadLimits {
  maxBytes: number;
  urlTtlSeconds: number;
}

/**
 * Records an upload and signs the URL the client sends the file to. The file itself never
 * passes through here; its content is checked when an import claims it.
 */
export async function createUpload(
  db: Database,
  store: ObjectStore,
  userId: string,
  body: CreateUploadBody,
  limits: UploadLimits,
): Promise<UploadTicket> {
  const contentType = acceptedContentType(body.filename, body.contentType);
  if (!contentType) throw unsupportedFileType(body.filename, body.contentType);
  if (body.size > limits.maxBytes) {
    throw fileTooLarge(`The file has ${body.size} bytes; at most ${limits.maxBytes} are accepted.`);
  }
  const key = newObjectKey(NAMESPACE);
  const signed = await store.signUpload(key, {
    contentType,
    size: body.size,
    expiresInSeconds: limits.urlTtlSeconds,
  });
  await db.insert(uploads).values({
    key,
    createdBy: userId,
    filename: body.filename,
    contentType,
    declaredSize: body.size,
    expiresAt: signed.expiresAt,
  });
  return {
    key,
    url: signed.url,
    method: 'PUT',
    headers: signed.headers,
    expiresAt: signed.expiresAt.toISOString(),
  };
}

/** An uploaded file, checked and ready to be read by an import. */
export interface ClaimedUpload {
  key: string;
  /** The name the user's file had. */
  filename: string;
  /** The stored size in bytes. */
  size: number;
  contentType: string;
}

/**
 * Checks that `key` names a file that `userId` uploaded, recently enough, that arrived in the
 * store within `maxBytes`, and that starts as UTF-8 text; for the import pipeline, before it
 * queues a job on the file. Throws a problem otherwise: 404 for a key that is unknown or
 * another user's (the two are indistinguishable), 410 past the grace period, 422 when the file
 * has not arrived or is not text, 413 when it is too large. Claiming does not consume the
 * upload: a retried request may claim it again.
 */
export async function claimUpload(
  db: Database,
  store: ObjectStore,
  key: string,
  userId: string,
  maxBytes: number,
  now: Date = new Date(),
): Promise<ClaimedUpload> {
  const unknown = () => notFound(`No upload ${key} of yours.`);
  if (!isObjectKey(key) || !key.startsWith(`${NAMESPACE}/`)) throw unknown();
  const [upload] = await db.select().from(uploads).where(eq(uploads.key, key));
  if (!upload || upload.createdBy !== userId) throw unknown();
  if (now.getTime() > upload.expiresAt.getTime() + UPLOAD_CLAIM_GRACE_MS) {
    throw uploadExpired(key);
  }

  const stored = await store.stat(key);
  if (!stored) throw uploadNotReceived(key);
  if (stored.size > maxBytes) {
    throw fileTooLarge(`The file has ${stored.size} bytes; at most ${maxBytes} are accepted.`);
  }
  let start: Buffer;
  try {
    start = await store.head(key, SNIFF_BYTES);
  } catch (error) {
    // Deleted between the two calls (a sweep): as if it had never arrived.
    if (error instanceof ObjectNotFoundError) throw uploadNotReceived(key);
    throw error;
  }
  const verdict = sniffText(start);
  if (!verdict.text) throw fileNotText(verdict.reason);

  return {
    key,
    filename: upload.filename,
    size: stored.size,
    contentType: upload.contentType,
  };
}
