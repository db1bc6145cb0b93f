// One authenticated connection to the API's job events (GET /api/v1/jobs/events), kept open:
// EventSource cannot send the bearer token, so this is `fetch` with a streaming reader and
// the reconnection rules of EventSource re-done by hand: Last-Event-ID after a drop (the
// server replays what was missed), a renewed token after a 401, a growing delay otherwise.
import { currentAccessToken, renewAccessToken } from '../api/http';
import type { Job } from '../api/types';
import { createSseParser } from './sse-parser';

export type JobStreamStatus = 'connecting' | 'open' | 'retrying' | 'closed';

export interface JobEventSourceOptions {
  /** Each `job` event: the job's whole current state (duplicates are harmless). */
  onJob(job: Job): void;
  /** Every (re)connection that is open: a moment to re-read what events may have skipped. */
  onOpen?(): void;
  onStatus?(status: JobStreamStatus): void;
  url?: string;
}

export interface JobEventSource {
  close(): void;
}

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
/** The server sends a comment every 15 s; this long without a byte means a dead connection. */
const SILENCE_MS = 45_000;

/** A stream refused for good (403, 404, 406…): retrying would not change the answer. */
class StreamRefused extends Error {}

export function openJobEventSource(options: JobEventSourceOptions): JobEventSource {
  const url = options.url ?? '/api/v1/jobs/events';
  let lastEventId = '';
  let serverRetryMs: number | undefined;
  let failures = 0;
  let closed = false;
  let current: AbortController | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  function status(value: JobStreamStatus): void {
    options.onStatus?.(value);
  }

  async function connect(renewedToken = false): Promise<void> {
    if (closed) return;
    const abort = new AbortController();
    current = abort;
    status(failures === 0 ? 'connecting' : 'retrying');
    try {
      const headers: Record<string, string> = { Accept: 'text/event-stream' };
      const token = currentAccessToken();
      if (token) headers.Authorization = `Bearer ${token}`;
      if (lastEventId) headers['Last-Event-ID'] = lastEventId;
      const response = await fetch(url, {
        headers,
        signal: abort.signal,
        cache: 'no-store',
        credentials: 'same-origin',
      });
      if (response.status === 401 && !renewedToken) {
        // Expired token: renew once and reconnect at once; a second 401 is a real refusal.
        if (await renewAccessToken()) return void connect(true);
        throw new StreamRefused('signed out');
      }
      if (response.status >= 400 && response.status < 500 && response.status !== 429) {
        throw new StreamRefused(`HTTP ${response.status}`);
      }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      failures = 0;
      status('open');
      options.onOpen?.();
      await read(response.body, abort);
      // The server ended the stream (a deploy, a proxy timeout): come back.
      throw new Error('stream ended');
    } catch (error) {
      if (closed || (abort.signal.aborted && current !== abort)) return;
      if (error instanceof StreamRefused) {
        status('closed');
        return;
      }
      scheduleRetry();
    }
  }

  async function read(body: ReadableStream<Uint8Array>, abort: AbortController): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const parser = createSseParser(
      {
        event(event) {
          if (event.type !== 'job') return;
          try {
            options.onJob(JSON.parse(event.data) as Job);
          } catch {
            // One unreadable event must not end the stream.
          }
        },
        retry(milliseconds) {
          serverRetryMs = milliseconds;
        },
      },
      lastEventId,
    );
    let silence = setTimeout(() => abort.abort(), SILENCE_MS);
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        clearTimeout(silence);
        silence = setTimeout(() => abort.abort(), SILENCE_MS);
        parser.push(decoder.decode(value, { stream: true }));
      }
    } finally {
      clearTimeout(silence);
      // What a reconnection asks the server to replay after.
      lastEventId = parser.lastEventId();
    }
  }

  function scheduleRetry(): void {
    failures += 1;
    status('retrying');
    const backoff = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (failures - 1));
    // Jitter, so that the tabs of a whole building do not come back in the same millisecond.
    const delay = Math.max(serverRetryMs ?? 0, backoff) * (0.75 + Math.random() * 0.5);
    retryTimer = setTimeout(() => void connect(), delay);
  }

  void connect();

  return {
    close() {
      closed = true;
      clearTimeout(retryTimer);
      current?.abort();
      status('closed');
    },
  };
}
