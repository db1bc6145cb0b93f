// A page's filters kept in the URL query (`?year=2025&status=validated`), so that a reload, a
// bookmark or a shared link shows the same selection. The URL is the one source of truth: pages
// read it reactively and write it back with `set`, which replaces the history entry (a filter
// change is not a page the Back button should step through).
import { computed, type ComputedRef } from 'vue';
import { type LocationQuery, useRoute, useRouter } from 'vue-router';

export type QueryPatch = Record<string, string | number | boolean | null | undefined>;

/** A parameter's text, or undefined when absent or empty (a repeated one counts once). */
export function queryText(query: LocationQuery, name: string): string | undefined {
  const value = query[name];
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' && text !== '' ? text : undefined;
}

/** A positive integer parameter, or `fallback` when absent or not one. */
export function queryInt(query: LocationQuery, name: string, fallback: number): number {
  const text = queryText(query, name);
  const value = text === undefined ? NaN : Number(text);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** One of `allowed`, or undefined: an edited URL cannot put an unknown value in a request. */
export function queryChoice<T extends string>(
  query: LocationQuery,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const text = queryText(query, name);
  return allowed.find((candidate) => candidate === text);
}

export function useQueryParams(): {
  query: ComputedRef<LocationQuery>;
  set: (patch: QueryPatch) => Promise<void>;
} {
  const route = useRoute();
  const router = useRouter();
  const query = computed(() => route.query);

  /** Merges `patch` into the query; undefined, null, '' and false remove a parameter. */
  async function set(patch: QueryPatch): Promise<void> {
    const next: Record<string, string> = {};
    for (const [name, value] of Object.entries(route.query)) {
      const text = queryText(route.query, name);
      if (text !== undefined && value !== undefined) next[name] = text;
    }
    for (const [name, value] of Object.entries(patch)) {
      if (value === undefined || value === null || value === '' || value === false) {
        delete next[name];
      } else {
        next[name] = String(value);
      }
    }
    await router.replace({ query: next });
  }

  return { query, set };
}
