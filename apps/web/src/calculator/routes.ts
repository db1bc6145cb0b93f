import type { RouteRecordRaw } from 'vue-router';
import HomePage from './home/HomePage.vue';
import WorkspaceLayout from './workspace/WorkspaceLayout.vue';
import WorkspacePage from './workspace/WorkspacePage.vue';

// Relative to the language segment: `/en/units/<unitId>/2025/modules/professional-travel`.
export const routes: RouteRecordRaw[] = [
  { path: '', name: 'workspace', component: WorkspacePage },
  {
    path: 'units/:unitId/:year(\\d{4})',
    component: WorkspaceLayout,
    children: [
      { path: '', name: 'home', component: HomePage },
      {
        path: 'modules/:module',
        name: 'module',
        component: () => import('./entries/ModulePage.vue'),
      },
      { path: 'results', name: 'results', component: () => import('./results/ResultsPage.vue') },
    ],
  },
];
