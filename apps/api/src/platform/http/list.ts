import { z } from 'zod';

/**
 * The list conventions of the API, in one place: `page` (from 1), `pageSize` (1–1000,
 * default 50), `sort` (`field` or `-field` for descending) and the `{items, page, pageSize,
 * total}` envelope.
 */
export const MAX_PAGE_SIZE = 1000;

export const paginationQuery = {
  page: z.coerce.number().int().min(1).default(1).describe('Page number, from 1'),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(50)
    .describe(`Items per page (at most ${MAX_PAGE_SIZE})`),
};

type SortValue<F extends string> = F | `-${F}`;

/** `sort` accepting the given fields, ascending or (with a leading `-`) descending. */
export function sortQuery<const F extends readonly [string, ...string[]]>(
  fields: F,
  defaultSort: SortValue<F[number]>,
) {
  const values = fields.flatMap((field) => [field, `-${field}`]) as [
    SortValue<F[number]>,
    ...SortValue<F[number]>[],
  ];
  return z
    .enum(values)
    .default(defaultSort as never)
    .describe(`Sort field, \`-\` prefix for descending: ${fields.join(', ')}`);
}

export interface Sort<F extends string> {
  field: F;
  descending: boolean;
}

export function parseSort<F extends string>(value: SortValue<F>): Sort<F> {
  return value.startsWith('-')
    ? { field: value.slice(1) as F, descending: true }
    : { field: value as F, descending: false };
}

/** The list envelope around items of the given schema. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int().describe('Items matching the filters, on all pages'),
  });
}

export function offsetOf(query: { page: number; pageSize: number }) {
  return (query.page - 1) * query.pageSize;
}

/** Escapes `%`, `_` and `\` so user text is matched literally inside a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
