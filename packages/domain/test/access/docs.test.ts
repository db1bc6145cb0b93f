import { describe, expect, it } from 'vitest';
import doc from '../../../../docs/permissions.md?raw';
import { ROLE_GRANTS, ROLES, formatPermissionKey } from '../../src/index.js';

/** `role → ["key | actions", …]` read from the "Grant table" section of docs/permissions.md. */
function documentedGrants(markdown: string): Record<string, string[]> {
  const section = markdown.split(/^## /m).find((part) => part.startsWith('Grant table'));
  if (!section) throw new Error('docs/permissions.md has no "## Grant table" section');
  const rows: Record<string, string[]> = {};
  let role: string | undefined;
  for (const line of section.split('\n')) {
    const heading = /^### (\S+)/.exec(line);
    if (heading) role = heading[1];
    const row = /^\|\s*`([^`]+)`\s*\|([^|]+)\|\s*$/.exec(line);
    if (row && role) {
      const actions = (row[2] ?? '').split(',').map((action) => action.trim());
      (rows[role] ??= []).push(`${row[1]} | ${actions.join(', ')}`);
    }
  }
  return rows;
}

describe('docs/permissions.md', () => {
  it('shows exactly the grant table of ROLE_GRANTS, row for row', () => {
    const fromCode = Object.fromEntries(
      ROLES.map((role) => [
        role,
        ROLE_GRANTS[role].map((grant) => {
          const key =
            grant.scope === 'global'
              ? formatPermissionKey(grant.resource)
              : formatPermissionKey(grant.resource, { kind: grant.scope, unitId: 'U' });
          return `${key} | ${grant.actions.join(', ')}`;
        }),
      ]),
    );
    expect(documentedGrants(doc)).toStrictEqual(fromCode);
  });
});
