// The sections of a unit, in the order of its tabs, with what the user needs to see each: a
// tab is only shown to who may use it (the API enforces the same rules).
import type { Action, Resource } from '@co2-calculator/domain';

export interface Section {
  /** Route name and path segment. */
  name: 'team' | 'validation' | 'imports' | 'exports';
  needs: { action: Action; resource: Resource };
}

export const SECTIONS: readonly Section[] = [
  { name: 'team', needs: { action: 'view', resource: 'users' } },
  { name: 'validation', needs: { action: 'view', resource: 'modules' } },
  { name: 'imports', needs: { action: 'view', resource: 'jobs' } },
  { name: 'exports', needs: { action: 'export', resource: 'entries' } },
];
