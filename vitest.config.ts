import { defineConfig } from 'vitest/config';

// One `npm test` for the repository; each workspace is a project with its own settings.
export default defineConfig({
  test: {
    projects: ['packages/domain', 'apps/api', 'deploy'],
  },
});
