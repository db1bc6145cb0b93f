// The Back office's sections, in the order of its tabs, with what a user needs to see each:
// a tab is only shown to who may use it (the API enforces the same rules).
import type { Action, Resource } from '@co2-calculator/domain';

export interface Section {
  /** Route name and path segment. */
  name: 'years' | 'factors' | 'imports' | 'reporting' | 'users' | 'audit' | 'system';
  /** Message key of its title. */
  titleKey: string;
  needs: { action: Action; resource: Resource };
}

export const SECTIONS: readonly Section[] = [
  {
    name: 'reporting',
    titleKey: 'sections.reporting',
    needs: { action: 'view', resource: 'reporting' },
  },
  { name: 'years', titleKey: 'sections.years', needs: { action: 'edit', resource: 'years' } },
  { name: 'factors', titleKey: 'sections.factors', needs: { action: 'view', resource: 'factors' } },
  { name: 'imports', titleKey: 'sections.imports', needs: { action: 'view', resource: 'jobs' } },
  { name: 'users', titleKey: 'sections.users', needs: { action: 'edit', resource: 'users' } },
  { name: 'audit', titleKey: 'sections.audit', needs: { action: 'view', resource: 'audit' } },
  { name: 'system', titleKey: 'sections.system', needs: { action: 'view', resource: 'system' } },
];
