// What changed between a record's `before` and `after`, for people: the fields of an object
// whose value differs, and both sides as indented JSON.

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Indented JSON; null (the API's "nothing") and undefined give undefined. */
export function pretty(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : JSON.stringify(value, null, 2);
}

/** One line of JSON for a table cell; keys in a stable order so equal values compare equal. */
function compact(value: unknown): string {
  if (value === undefined) return '';
  return JSON.stringify(value, (_key, inner: unknown) =>
    isObject(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

/**
 * The fields that differ, when the record describes an object (either side may be missing:
 * created or deleted); undefined for anything else (lists, plain values), shown whole.
 */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] | undefined {
  const from = before ?? {};
  const to = after ?? {};
  if (!isObject(from) || !isObject(to) || (before == null && after == null)) return undefined;
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
  return fields
    .map((field) => ({ field, before: compact(from[field]), after: compact(to[field]) }))
    .filter((change) => change.before !== change.after);
}

export interface RoleChange {
  role: string;
  unitId?: string;
}

const isRoleList = (value: unknown): value is RoleChange[] =>
  Array.isArray(value) &&
  value.every(
    (item) =>
      isObject(item) &&
      typeof item.role === 'string' &&
      (item.unitId === undefined || typeof item.unitId === 'string'),
  );

/**
 * The roles a role change granted and revoked (`details` of `roles.changed`), to name them
 * for people; undefined when the details are not that.
 */
export function roleChangesOf(
  details: unknown,
): { granted: RoleChange[]; revoked: RoleChange[] } | undefined {
  if (!isObject(details) || !isRoleList(details.granted) || !isRoleList(details.revoked)) {
    return undefined;
  }
  return { granted: details.granted, revoked: details.revoked };
}
