// Turns a failed request into a sentence for people: the API's problem details (RFC 9457)
// carry a readable `detail` and, for invalid input, one message per field.
import { isAxiosError } from 'axios';
import type { Problem } from './types';

export interface ReadableProblem {
  title: string;
  detail?: string;
  /** One line per invalid field, e.g. "body.fields.origin: must be a three-letter IATA code". */
  fieldErrors: string[];
  status?: number;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'title' in value && 'status' in value;
}

/** `fallback` names what failed when the server gave no details (network down, timeout). */
export function readProblem(error: unknown, fallback: string): ReadableProblem {
  if (isAxiosError(error) && isProblem(error.response?.data)) {
    const problem = error.response.data;
    return {
      title: problem.title,
      detail: problem.detail,
      fieldErrors: (problem.errors ?? []).map(
        (e) => `${e.path.replace(/^body\./, '')}: ${e.message}`,
      ),
      status: problem.status,
    };
  }
  return {
    title: fallback,
    fieldErrors: [],
    status: isAxiosError(error) ? error.response?.status : undefined,
  };
}
