import type { RouteRecordRaw } from 'vue-router';
import TeamManagerHomePage from './pages/TeamManagerHomePage.vue';

// Relative to the language segment: `/team-manager/en/…`.
export const routes: RouteRecordRaw[] = [
  { path: '', name: 'home', component: TeamManagerHomePage },
];
