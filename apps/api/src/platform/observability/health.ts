import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Gauge } from 'prom-client';
import { z } from 'zod';
import { problemSchema } from '../http/problem.js';
import { sendProblem } from '../http/send-problem.js';

/** A dependency the API needs to serve requests; `/readyz` asks each of them. */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

export interface HealthOptions {
  checks: ReadinessCheck[];
  /** A check slower than this counts as failed: a hung database must not hang the probe. */
  timeoutMs?: number;
}

const checkState = z.enum(['ok', 'failed']);
const DEFAULT_TIMEOUT_MS = 2_000;

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface CheckResult {
  name: string;
  ok: boolean;
  /** Why it failed, as the dependency said it. */
  error: string | null;
}

/** Asks every dependency at once; a check slower than `timeoutMs` counts as failed. */
export function runReadinessChecks(
  checks: readonly ReadinessCheck[],
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<CheckResult[]> {
  return Promise.all(
    checks.map(async ({ name, check }) => {
      try {
        await withTimeout(check(), timeoutMs);
        return { name, ok: true, error: null };
      } catch (error) {
        return { name, ok: false, error: (error as Error).message };
      }
    }),
  );
}

/**
 * Liveness (`/healthz`: the process answers, no I/O, so a slow database never gets a healthy
 * pod restarted) and readiness (`/readyz`: every dependency answers, else 503 naming those
 * that did not, so the load balancer stops sending traffic).
 */
export const health = fp<HealthOptions>(
  async (app: FastifyInstance, options) => {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    // The latest answer of each check, so an alert can name a replica that is up but unready
    // (and what it waits for) without scraping the probe itself.
    const readiness = app.hasDecorator('metrics')
      ? new Gauge({
          name: 'co2_readiness_check',
          help: 'Latest /readyz result per dependency: 1 answered, 0 failed',
          labelNames: ['check'] as const,
          registers: [app.metrics],
        })
      : undefined;

    app.get(
      '/healthz',
      {
        schema: {
          tags: ['operations'],
          summary: 'Liveness: the process is up',
          response: { 200: z.object({ status: z.literal('ok') }) },
        },
      },
      async () => ({ status: 'ok' as const }),
    );

    app.get(
      '/readyz',
      {
        schema: {
          tags: ['operations'],
          summary: 'Readiness: the database and object storage answer',
          response: {
            200: z.object({ status: z.literal('ok'), checks: z.record(z.string(), checkState) }),
            503: problemSchema.extend({ checks: z.record(z.string(), checkState) }),
          },
        },
      },
      async (request, reply) => {
        const results = (await runReadinessChecks(options.checks, timeoutMs)).map((result) => {
          if (!result.ok)
            request.log.warn({ check: result.name, error: result.error }, 'readiness check failed');
          return [result.name, result.ok ? 'ok' : 'failed'] as const;
        });
        for (const [name, state] of results)
          readiness?.set({ check: name }, state === 'ok' ? 1 : 0);
        const checks = Object.fromEntries(results);
        const failed = results.filter(([, state]) => state === 'failed').map(([name]) => name);
        if (failed.length === 0) return { status: 'ok' as const, checks };
        // The problem body carries the per-check states so a probe log shows what failed.
        reply.header('cache-control', 'no-store');
        return sendProblem(request, reply, {
          status: 503,
          detail: `Not ready: ${failed.join(', ')} did not answer.`,
          extra: { checks },
        });
      },
    );
  },
  { name: 'health' },
);
