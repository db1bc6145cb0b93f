import type { RouteRecordRaw } from 'vue-router';
import { notFoundRoute } from '../shared/not-found-route';
import ItManagerHomePage from './pages/ItManagerHomePage.vue';

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: ItManagerHomePage },
  notFoundRoute,
];
