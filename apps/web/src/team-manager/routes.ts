import type { RouteRecordRaw } from 'vue-router';
import UnitLayout from './unit/UnitLayout.vue';
import UnitPickerPage from './unit/UnitPickerPage.vue';

// Relative to the language segment: `/team-manager/en/units/<unitId>/validation`. Each section
// is its own chunk.
export const routes: RouteRecordRaw[] = [
  { path: '', name: 'home', component: UnitPickerPage },
  {
    path: 'units/:unitId',
    component: UnitLayout,
    children: [
      { path: '', name: 'unit', redirect: (to) => ({ name: 'team', params: to.params }) },
      { path: 'team', name: 'team', component: () => import('./team/TeamPage.vue') },
      {
        path: 'validation',
        name: 'validation',
        component: () => import('./validation/ValidationPage.vue'),
      },
      { path: 'imports', name: 'imports', component: () => import('./imports/ImportsPage.vue') },
      { path: 'exports', name: 'exports', component: () => import('./exports/ExportsPage.vue') },
    ],
  },
];
