import type { RouteRecordRaw } from 'vue-router';
import ItManagerHomePage from './pages/ItManagerHomePage.vue';

// Relative to the language segment: `/it-manager/en/…`.
export const routes: RouteRecordRaw[] = [{ path: '', name: 'home', component: ItManagerHomePage }];
