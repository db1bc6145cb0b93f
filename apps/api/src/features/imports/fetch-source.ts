import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { assertObjectKey } from '../../platform/storage/object-key.js';
import type { ObjectStore } from '../../platform/storage/object-store.js';
import { SNIFF_BYTES, sniffText } from '../../platform/storage/sniff-text.js';
import { type JobContext, PermanentJobError } from '../jobs/runner.js';
import { dataIngestionJobs, type JobRow } from '../jobs/table.js';
import { ClaimLostError, heldByClaim } from './claim.js';
import { fileNameOf, isAllowedSource } from './source-url.js';

export interface SourceOptions {
  /** IMPORT_SOURCE_HOSTS: where a fetch, and every redirect it follows, may go. */
  hosts: readonly string[];
  /** The same limit as an upload's. */
  maxBytes: number;
}

const MAX_REDIRECTS = 5;
/** A whole transfer; a cancelled job stops it at once. */
const TIMEOUT_MS = 10 * 60_000;

/**
 * Fetches the file of an import that names a URL instead of an upload into the object store,
 * as an upload would have put it there, and records its key on the job (so the job's
 * source-file link serves what was imported, and a retry reads the same bytes). A source
 * that refuses (4xx), is not text or is too large fails the job at once; one that is down
 * (5xx, unreachable) is retried like any passing failure.
 */
export async function fetchSourceFile(
  store: ObjectStore,
  options: SourceOptions,
  context: JobContext,
): Promise<JobRow> {
  const { job, db, signal, progress } = context;
  const url = new URL(String(job.params.sourceUrl));
  progress({ phase: 'upload', rowsDone: 0 });
  const { response, fetched } = await fetchAllowed(
    url,
    options.hosts,
    AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]),
  );
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > options.maxBytes) {
    await response.body?.cancel();
    throw tooLarge(url, options.maxBytes);
  }
  const key = fetchedFileKeyOf(job.id);
  await store.write(key, limited(response, url, options.maxBytes), 'text/csv');
  const verdict = sniffText(await store.head(key, SNIFF_BYTES));
  if (!verdict.text) {
    await store.delete(key);
    throw new PermanentJobError(`The file at ${url.href} is not CSV text: ${verdict.reason}.`);
  }
  const [claimed] = await db
    .update(dataIngestionJobs)
    .set({ fileKey: key, filename: fileNameOf(fetched) })
    .where(heldByClaim(job))
    .returning();
  // The claim that took the job over writes the same key: the file is its now.
  if (!claimed) throw new ClaimLostError();
  return claimed;
}

/**
 * One key per job, so a fetch that a crash cut off before the job recorded it is overwritten
 * by the retry's, never left behind as a file nothing points at.
 */
export function fetchedFileKeyOf(jobId: string): string {
  const key = `imports/${jobId}.csv`;
  assertObjectKey(key);
  return key;
}

/** GET `url`, following redirects only to listed hosts; with the URL finally fetched. */
async function fetchAllowed(url: URL, hosts: readonly string[], signal: AbortSignal) {
  let current = url;
  for (let redirects = 0; ; redirects += 1) {
    let response: Response;
    try {
      response = await fetch(current, {
        redirect: 'manual',
        signal,
        headers: { accept: 'text/csv, text/plain, */*' },
      });
    } catch (error) {
      if (signal.aborted) throw error;
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      // Passing: the job is retried with backoff.
      throw new Error(
        `${current.host} cannot be reached: ${cause?.code ?? cause?.message ?? String(error)}`,
        { cause: error },
      );
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      if (redirects >= MAX_REDIRECTS) {
        throw new PermanentJobError(`${url.href} redirects more than ${MAX_REDIRECTS} times.`);
      }
      const next = new URL(location, current);
      if (!isAllowedSource(next, hosts)) {
        throw new PermanentJobError(
          `${current.href} redirects to ${next.host}, which IMPORT_SOURCE_HOSTS does not list.`,
        );
      }
      current = next;
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      const message = `${current.href} answered ${response.status} ${response.statusText}`.trim();
      // A source that is down or busy may answer later; one that refuses will not.
      if (response.status >= 500 || response.status === 429) throw new Error(`${message}.`);
      throw new PermanentJobError(`${message}: nothing was imported.`);
    }
    return { response, fetched: current };
  }
}

/** The response body, failing once it goes past `maxBytes` (a missing or false length). */
function limited(response: Response, url: URL, maxBytes: number): Readable {
  async function* chunks() {
    if (!response.body) return;
    let bytes = 0;
    for await (const chunk of response.body as WebReadableStream<Uint8Array>) {
      bytes += chunk.length;
      if (bytes > maxBytes) throw tooLarge(url, maxBytes); // ends the loop: cancels the body
      yield chunk;
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

const tooLarge = (url: URL, maxBytes: number) =>
  new PermanentJobError(
    `The file at ${url.href} is larger than ${maxBytes} bytes, the most an import reads.`,
  );
