import type { RouteRecordRaw } from 'vue-router';
import HomePage from './HomePage.vue';

// Relative to the language segment: `/it-manager/en/reporting`. Each section is its own chunk.
export const routes: RouteRecordRaw[] = [
  { path: '', name: 'home', component: HomePage },
  {
    path: 'reporting',
    name: 'reporting',
    component: () => import('./reporting/ReportingPage.vue'),
  },
  { path: 'years', name: 'years', component: () => import('./years/YearsPage.vue') },
  { path: 'factors', name: 'factors', component: () => import('./factors/FactorsPage.vue') },
  { path: 'imports', name: 'imports', component: () => import('./imports/ImportsPage.vue') },
  { path: 'users', name: 'users', component: () => import('./users/UsersPage.vue') },
  { path: 'audit', name: 'audit', component: () => import('./audit/AuditPage.vue') },
  { path: 'system', name: 'system', component: () => import('./system/SystemPage.vue') },
];
