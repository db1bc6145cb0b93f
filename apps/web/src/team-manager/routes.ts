import type { RouteRecordRaw } from 'vue-router';
import { notFoundRoute } from '../shared/not-found-route';
import TeamManagerHomePage from './pages/TeamManagerHomePage.vue';

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: TeamManagerHomePage },
  notFoundRoute,
];
