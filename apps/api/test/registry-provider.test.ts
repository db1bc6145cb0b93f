import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type HttpRoleProviderOptions,
  httpRoleProvider,
  RegistryFetchError,
} from '../src/features/registry/role-provider.js';
import type { RegistrySnapshotInput } from '../src/features/registry/snapshot.js';
import { type RegistryServer, startRegistryServer } from './support/registry-server.js';

const snapshot: RegistrySnapshotInput = {
  units: [
    {
      code: 'EPFX',
      nameEn: 'Institute',
      nameFr: 'Institut',
      level: 1,
      parentCode: null,
      type: 'organisation',
    },
    { code: 'LAB', nameEn: 'Lab', nameFr: 'Labo', level: 4, parentCode: 'EPFX', type: 'lab' },
  ],
  assignments: [
    { email: ' Alice@Example.ORG ', institutionalId: '100001', role: 'principal', unitCode: 'LAB' },
    { email: 'root@example.org', role: 'admin' },
  ],
};

const ok = { status: 200, body: snapshot };
const serverError = { status: 500, body: { error: 'boom' } };

let server: RegistryServer;

beforeAll(async () => {
  server = await startRegistryServer(ok);
});

afterAll(async () => {
  await server?.close();
});

beforeEach(() => {
  server.otherwise(ok);
  server.requests.length = 0;
});

/**
 * Short delays, but a timeout a loaded test machine's loopback answer always beats (at 100 ms
 * one in CI took longer and was retried); the slow answers below take 1 s, well beyond it.
 */
function provider(overrides: Partial<HttpRoleProviderOptions> = {}) {
  return httpRoleProvider({
    url: server.url,
    headers: { authorization: 'Bearer registry-token' },
    timeoutMs: 400,
    retries: 3,
    backoff: { initialDelayMs: 5, maxDelayMs: 20 },
    breaker: { consecutiveFailures: 10, halfOpenAfterMs: 60 },
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<RegistryFetchError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RegistryFetchError);
  return error as RegistryFetchError;
}

describe('httpRoleProvider', () => {
  it('fetches and parses the snapshot, sending the configured headers', async () => {
    const registry = provider();
    const result = await registry.fetchSnapshot();
    expect(result.units.map((u) => [u.code, u.active])).toEqual([
      ['EPFX', true],
      ['LAB', true],
    ]);
    expect(result.assignments[0]).toEqual({
      email: 'alice@example.org',
      institutionalId: '100001',
      role: 'principal',
      unitCode: 'LAB',
    });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.authorization).toBe('Bearer registry-token');
    expect(server.requests[0]!.accept).toBe('application/json');
    expect(registry.state()).toBe('closed');
  });

  it('abandons an attempt that exceeds the timeout and retries it', async () => {
    server.script({ ...ok, delayMs: 1_000 }, { ...ok, delayMs: 1_000 });
    const result = await provider().fetchSnapshot();
    expect(result.units).toHaveLength(2);
    expect(server.requests).toHaveLength(3);
  });

  it('reports a timeout once the retries are used up', async () => {
    server.otherwise({ ...ok, delayMs: 1_000 });
    const registry = provider({ retries: 1, timeoutMs: 100 });
    const error = await failure(registry.fetchSnapshot());
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('The registry did not answer within 100 ms');
    expect(server.requests).toHaveLength(2);
    expect(registry.lastFailure()).toContain('did not answer');
  });

  it('retries server errors and succeeds once the registry recovers', async () => {
    server.script(serverError, serverError, { status: 503 });
    const registry = provider();
    const result = await registry.fetchSnapshot();
    expect(result.assignments).toHaveLength(2);
    expect(server.requests).toHaveLength(4);
    expect(registry.state()).toBe('closed');
    expect(registry.lastFailure()).toBe('The registry answered 503 Service Unavailable');
  });

  it('gives up after the configured retries with the last status', async () => {
    server.otherwise(serverError);
    const error = await failure(provider({ retries: 2 }).fetchSnapshot());
    expect(error).toMatchObject({ kind: 'status', status: 500, transient: true });
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry a client error', async () => {
    server.otherwise({ status: 401, body: { error: 'who are you' } });
    const error = await failure(provider().fetchSnapshot());
    expect(error).toMatchObject({ kind: 'status', status: 401, transient: false });
    expect(error.message).toBe('The registry answered 401 Unauthorized');
    expect(server.requests).toHaveLength(1);
  });

  it('rejects a body that is not JSON, clearly and without retrying', async () => {
    server.otherwise({ status: 200, body: '<html>maintenance</html>' });
    const error = await failure(provider().fetchSnapshot());
    expect(error.kind).toBe('invalid-json');
    expect(error.message).toMatch(/^The registry's answer is not JSON: /);
    expect(server.requests).toHaveLength(1);
  });

  it('rejects a body that is not a snapshot, naming what is wrong', async () => {
    server.otherwise({
      status: 200,
      body: {
        units: [{ ...snapshot.units[0], level: 7 }],
        assignments: [{ email: 'not-an-email', role: 'standard' }],
      },
    });
    const error = await failure(provider().fetchSnapshot());
    expect(error.kind).toBe('invalid-snapshot');
    expect(error.message).toContain('units[0].level');
    expect(error.message).toContain('assignments[0].email');
    expect(error.message).toContain('assignments[0].unitCode');
    expect(server.requests).toHaveLength(1);
  });

  it('lists only the first problems of a badly broken body', async () => {
    server.otherwise({ status: 200, body: { units: Array(25).fill(1) } });
    const error = await failure(provider().fetchSnapshot());
    expect(error.message).toContain(
      '  - units[19]: Invalid input: expected object, received number',
    );
    expect(error.message).not.toContain('units[20]');
    expect(error.message).toMatch(/\n {2}… and 6 more$/);
  });

  it('reports an unreachable registry as a transient network failure', async () => {
    const gone = await startRegistryServer();
    const url = gone.url;
    await gone.close();
    const registry = provider({ url, retries: 2 });
    const error = await failure(registry.fetchSnapshot());
    expect(error).toMatchObject({ kind: 'network', transient: true });
    expect(registry.lastFailure()).toMatch(/ECONNREFUSED/);
  });

  it('ends the call when the caller aborts, without counting it as a failure', async () => {
    server.otherwise({ ...ok, delayMs: 1_000 });
    const registry = provider({ breaker: { consecutiveFailures: 1, halfOpenAfterMs: 60_000 } });
    const controller = new AbortController();
    const call = registry.fetchSnapshot(controller.signal);
    await sleep(20);
    controller.abort();
    const error = await failure(call);
    expect(error.kind).toBe('aborted');
    expect(server.requests).toHaveLength(1);
    expect(registry.state()).toBe('closed');
  });

  describe('circuit breaker', () => {
    const breaker = { consecutiveFailures: 3, halfOpenAfterMs: 60 };

    it('opens after consecutive failures, fails fast, and closes after a good trial', async () => {
      server.otherwise(serverError);
      const registry = provider({ retries: 2, breaker });
      expect((await failure(registry.fetchSnapshot())).kind).toBe('status');
      expect(server.requests).toHaveLength(3);
      expect(registry.state()).toBe('open');

      for (let i = 0; i < 3; i++) {
        const error = await failure(registry.fetchSnapshot());
        expect(error.kind).toBe('circuit-open');
        expect(error.message).toContain('last: The registry answered 500');
      }
      expect(server.requests).toHaveLength(3);

      server.otherwise(ok);
      await sleep(breaker.halfOpenAfterMs + 40);
      const result = await registry.fetchSnapshot();
      expect(result.units).toHaveLength(2);
      expect(server.requests).toHaveLength(4);
      expect(registry.state()).toBe('closed');
    });

    it('re-opens when the trial request fails, after exactly one request', async () => {
      server.otherwise(serverError);
      const registry = provider({ retries: 0, breaker });
      for (let i = 0; i < 3; i++) await failure(registry.fetchSnapshot());
      expect(registry.state()).toBe('open');
      expect(server.requests).toHaveLength(3);

      await sleep(breaker.halfOpenAfterMs + 40);
      const trial = await failure(registry.fetchSnapshot());
      expect(trial.kind).toBe('status');
      expect(server.requests).toHaveLength(4);
      expect(registry.state()).toBe('open');
      expect((await failure(registry.fetchSnapshot())).kind).toBe('circuit-open');
      expect(server.requests).toHaveLength(4);
    });

    it('counts invalid answers too, and a success resets the count', async () => {
      const garbage = { status: 200, body: 'not json' };
      server.script(garbage, garbage, ok, garbage, garbage, garbage);
      const registry = provider({ breaker });
      await failure(registry.fetchSnapshot());
      await failure(registry.fetchSnapshot());
      await registry.fetchSnapshot();
      await failure(registry.fetchSnapshot());
      await failure(registry.fetchSnapshot());
      expect(registry.state()).toBe('closed');
      await failure(registry.fetchSnapshot());
      expect(registry.state()).toBe('open');
      expect(server.requests).toHaveLength(6);
    });
  });

  it('refuses nonsensical options', () => {
    expect(() => provider({ timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => provider({ retries: -1 })).toThrow(/retries/);
    expect(() => provider({ breaker: { consecutiveFailures: 0, halfOpenAfterMs: 1 } })).toThrow(
      /consecutiveFailures/,
    );
  });
});
