import type { RouteRecordRaw } from 'vue-router';
import { notFoundRoute } from '../shared/not-found-route';
import CalculatorHomePage from './pages/CalculatorHomePage.vue';

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: CalculatorHomePage },
  notFoundRoute,
];
