/**
 * Everything a permission can be about. A name with a dot is a specialisation of the part before
 * the dot: `entries.professional-travel` is part of `entries`, so a grant on `entries` covers it.
 */
export const RESOURCES = [
  'units',
  'years',
  'entries',
  'entries.professional-travel',
  'entries.external-cloud-ai',
  'modules',
  'results',
  'imports',
  'jobs',
  'members',
  'reporting',
  'factors',
  'users',
  'audit',
  'system',
] as const;

export type Resource = (typeof RESOURCES)[number];

const RESOURCE_SET: ReadonlySet<string> = new Set(RESOURCES);

export function isResource(value: string): value is Resource {
  return RESOURCE_SET.has(value);
}

/**
 * The permission resource of a module's rows: its own where it has one (travel, cloud & AI,
 * whose rows standard users enter for themselves), else `entries`. The API enforces with it
 * and the web apps decide what to offer with it.
 */
export function entriesResource(module: string): Resource {
  const specific = `entries.${module}`;
  return isResource(specific) ? specific : 'entries';
}

/**
 * The resource followed by each more general resource, most specific first:
 * `entries.professional-travel` → `['entries.professional-travel', 'entries']`.
 */
export function resourceWithGeneralisations(resource: string): string[] {
  const chain = [resource];
  for (let dot = resource.lastIndexOf('.'); dot > 0; dot = resource.lastIndexOf('.', dot - 1)) {
    chain.push(resource.slice(0, dot));
  }
  return chain;
}

/** True when `resource` is `general` itself or a specialisation of it (at any depth). */
export function isResourceWithin(resource: string, general: string): boolean {
  return resource === general || resource.startsWith(`${general}.`);
}
