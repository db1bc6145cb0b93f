import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  ExponentialBackoff,
  handleWhen,
  retry,
  TimeoutStrategy,
  timeout,
  wrap,
} from 'cockatiel';
import type { z } from 'zod';
import { type RegistrySnapshot, registrySnapshotSchema } from './snapshot.js';

/** Where units and roles come from: the institution's registry, or a stand-in in tests. */
export interface RoleProvider {
  /** The registry's current, complete snapshot. Rejects with a {@link RegistryFetchError}. */
  fetchSnapshot(signal?: AbortSignal): Promise<RegistrySnapshot>;
}

export type BreakerState = 'closed' | 'open' | 'half-open' | 'isolated';

export interface HttpRoleProvider extends RoleProvider {
  /** The circuit breaker's state, for health reporting. */
  state(): BreakerState;
  /** Why the most recent failed request failed (kept after a success: it is history). */
  lastFailure(): string | undefined;
}

export interface HttpRoleProviderOptions {
  /** Answers GET with the snapshot as JSON. */
  url: string | URL;
  /** Sent with every request, e.g. `{ authorization: 'Bearer …' }`. */
  headers?: Record<string, string>;
  /** Per attempt, from sending the request to having read the whole body. */
  timeoutMs: number;
  /** Further attempts after a failed one that may succeed when repeated (see `transient`). */
  retries: number;
  /** Delays between attempts: exponential with decorrelated jitter. Defaults 500 ms, 30 s. */
  backoff?: { initialDelayMs?: number; maxDelayMs?: number };
  breaker: {
    /** Failed requests in a row (attempts, not calls) that open the circuit. */
    consecutiveFailures: number;
    /** How long an open circuit refuses calls before letting one trial request through. */
    halfOpenAfterMs: number;
  };
}

export type RegistryFailureKind =
  | 'network'
  | 'timeout'
  | 'status'
  | 'invalid-json'
  | 'invalid-snapshot'
  | 'circuit-open'
  | 'aborted';

/** Why a snapshot could not be fetched. Messages never contain the URL or the headers. */
export class RegistryFetchError extends Error {
  /** The HTTP status, for kind `status`. */
  readonly status: number | undefined;
  /** Whether repeating the request may help: transport failures, timeouts, 5xx, 408, 429. */
  readonly transient: boolean;

  constructor(
    readonly kind: RegistryFailureKind,
    message: string,
    options: { status?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'RegistryFetchError';
    this.status = options.status;
    this.transient =
      kind === 'network' ||
      kind === 'timeout' ||
      (kind === 'status' &&
        options.status !== undefined &&
        (options.status >= 500 || options.status === 408 || options.status === 429));
  }
}

const STATE_NAMES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'isolated',
};

/** The innermost cause's code, such as ECONNREFUSED or ENOTFOUND (fetch hides it two deep). */
function rootCode(error: unknown): string | undefined {
  let code: string | undefined;
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if ('code' in e && typeof e.code === 'string') code = e.code;
  }
  return code;
}

/** How many schema issues an error message lists (a broken export can have thousands). */
const ISSUES_IN_MESSAGE = 20;

function listIssues(error: z.ZodError): string {
  const lines = error.issues.slice(0, ISSUES_IN_MESSAGE).map((issue) => {
    const path = issue.path
      .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`))
      .join('');
    return `  - ${path || '(root)'}: ${issue.message}`;
  });
  const more = error.issues.length - ISSUES_IN_MESSAGE;
  if (more > 0) lines.push(`  … and ${more} more`);
  return lines.join('\n');
}

/**
 * A {@link RoleProvider} that GETs the snapshot over HTTP, resiliently (cockatiel):
 *
 * - every attempt has its own timeout (cooperative: the request is aborted, `fetch` honours it);
 * - a transient failure (network error, timeout, 5xx, 408, 429) is retried up to `retries`
 *   times, after exponential backoff with jitter. A permanent one is not: another 4xx, a body
 *   that is not JSON or not a valid snapshot would come back the same a second later, so it is
 *   reported at once;
 * - a circuit breaker counts every failed attempt, permanent or transient (a registry sending
 *   garbage is as unusable as one that is down). After `consecutiveFailures` in a row it opens:
 *   calls fail fast with kind `circuit-open`, without a request, for `halfOpenAfterMs`; then one
 *   trial request goes through and closes the circuit on success or re-opens it on failure;
 * - a caller's abort ends the call (kind `aborted`) and counts against nothing.
 */
export function httpRoleProvider(options: HttpRoleProviderOptions): HttpRoleProvider {
  const { timeoutMs, retries } = options;
  const { consecutiveFailures, halfOpenAfterMs } = options.breaker;
  if (!(timeoutMs > 0)) throw new RangeError('timeoutMs must be positive');
  if (!Number.isInteger(retries) || retries < 0) throw new RangeError('retries must be 0 or more');
  if (!Number.isInteger(consecutiveFailures) || consecutiveFailures < 1) {
    throw new RangeError('breaker.consecutiveFailures must be 1 or more');
  }
  if (!(halfOpenAfterMs >= 0)) throw new RangeError('breaker.halfOpenAfterMs must be 0 or more');

  const url = new URL(options.url);
  const headers = { accept: 'application/json', ...options.headers };

  const isFailure = (error: Error) =>
    error instanceof RegistryFetchError && error.kind !== 'aborted';
  const breaker = circuitBreaker(handleWhen(isFailure), {
    breaker: new ConsecutiveBreaker(consecutiveFailures),
    halfOpenAfter: halfOpenAfterMs,
  });
  const retryPolicy = retry(
    handleWhen((error) => error instanceof RegistryFetchError && error.transient),
    {
      maxAttempts: retries, // cockatiel counts the attempts after the first one
      backoff: new ExponentialBackoff({
        initialDelay: options.backoff?.initialDelayMs ?? 500,
        maxDelay: options.backoff?.maxDelayMs ?? 30_000,
      }),
    },
  );
  // Outermost first: each retry goes through the breaker, each attempt has its own timeout.
  const policy = wrap(retryPolicy, breaker, timeout(timeoutMs, TimeoutStrategy.Cooperative));

  let lastFailure: string | undefined;

  async function attempt(signal: AbortSignal, caller: AbortSignal | undefined) {
    let body: string;
    try {
      const response = await fetch(url, { headers, signal });
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new RegistryFetchError(
          'status',
          `The registry answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
          { status: response.status },
        );
      }
      body = await response.text();
    } catch (error) {
      if (error instanceof RegistryFetchError) throw error;
      if (caller?.aborted) {
        throw new RegistryFetchError('aborted', 'The registry request was aborted', {
          cause: error,
        });
      }
      if (signal.aborted) {
        const message = `The registry did not answer within ${timeoutMs} ms`;
        throw new RegistryFetchError('timeout', message, { cause: error });
      }
      const code = rootCode(error);
      throw new RegistryFetchError(
        'network',
        `The registry could not be reached${code ? ` (${code})` : ''}`,
        { cause: error },
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (error) {
      throw new RegistryFetchError(
        'invalid-json',
        `The registry's answer is not JSON: ${(error as Error).message}`,
        { cause: error },
      );
    }
    const parsed = registrySnapshotSchema.safeParse(json);
    if (!parsed.success) {
      throw new RegistryFetchError(
        'invalid-snapshot',
        `The registry's answer is not a valid snapshot:\n${listIssues(parsed.error)}`,
        { cause: parsed.error },
      );
    }
    return parsed.data;
  }

  return {
    async fetchSnapshot(signal) {
      try {
        return await policy.execute(async ({ signal: attemptSignal }) => {
          try {
            return await attempt(attemptSignal, signal);
          } catch (error) {
            if (error instanceof RegistryFetchError && error.kind !== 'aborted') {
              lastFailure = error.message;
            }
            throw error;
          }
        }, signal);
      } catch (error) {
        if (error instanceof BrokenCircuitError) {
          throw new RegistryFetchError(
            'circuit-open',
            `The registry is not being called: its circuit breaker is open after repeated failures (last: ${lastFailure ?? 'unknown'})`,
            { cause: error },
          );
        }
        if (signal?.aborted && !(error instanceof RegistryFetchError)) {
          throw new RegistryFetchError('aborted', 'The registry request was aborted', {
            cause: error,
          });
        }
        throw error;
      }
    },
    state: () => STATE_NAMES[breaker.state],
    lastFailure: () => lastFailure,
  };
}
