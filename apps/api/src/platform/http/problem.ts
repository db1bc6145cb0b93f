import { STATUS_CODES } from 'node:http';
import { z } from 'zod';

/**
 * RFC 9457 problem details: the one shape of every error the API returns. `type` points into
 * the public documentation (docs/problems.md, served under /docs), where each kind is
 * explained; plain HTTP failures use `about:blank` as the RFC recommends.
 */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const problemTypes = {
  validation: '/docs/problems#validation-error',
  notFound: 'about:blank',
  methodNotAllowed: 'about:blank',
  internal: 'about:blank',
} as const;

export const fieldErrorSchema = z.object({
  path: z.string().describe('Where the error is, e.g. `query.pageSize` or `body.items.0.name`'),
  message: z.string(),
});

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    requestId: z.string(),
    errors: z.array(fieldErrorSchema).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export type FieldError = z.infer<typeof fieldErrorSchema>;
export type Problem = z.infer<typeof problemSchema>;

export interface ProblemInit {
  status: number;
  detail: string;
  type?: string;
  title?: string;
  errors?: FieldError[];
  /** Extra response headers, e.g. `Allow` or `Retry-After`. */
  headers?: Record<string, string>;
  /** Extension members (RFC 9457 §3.2) specific to one kind of problem. */
  extra?: Record<string, unknown>;
}

/**
 * Thrown by routes and services for an expected failure; the error handler turns it into a
 * problem response. Anything else thrown is an unexpected 500.
 */
export class HttpProblem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly errors?: FieldError[];
  readonly headers?: Record<string, string>;

  constructor(init: ProblemInit) {
    super(init.detail);
    this.name = 'HttpProblem';
    this.status = init.status;
    this.type = init.type ?? 'about:blank';
    this.title = init.title ?? statusTitle(init.status);
    this.errors = init.errors;
    this.headers = init.headers;
  }
}

export function statusTitle(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

export const notFound = (detail: string) => new HttpProblem({ status: 404, detail });

/** A 400 validation problem, as the schema validation of requests gives, for a check in code. */
export const invalidRequest = (detail: string, errors: FieldError[]) =>
  new HttpProblem({
    status: 400,
    type: problemTypes.validation,
    title: 'Invalid request',
    detail,
    errors,
  });
