// Catch-all route shared by the three apps: the server answers every unknown path under an
// app's base with its index.html, so unknown pages must be handled on the client.
import type { RouteRecordRaw } from 'vue-router';
import NotFoundPage from './NotFoundPage.vue';

export const notFoundRoute: RouteRecordRaw = {
  path: '/:pathMatch(.*)*',
  name: 'not-found',
  component: NotFoundPage,
};
