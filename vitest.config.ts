import { defineConfig } from 'vitest/config';

// One `npm test` for the repository; each workspace is a project with its own settings.
export default defineConfig({
  test: {
    // Vitest's default leaves one core idle (cores - 1 workers): on a 2-core machine that is
    // one test file at a time, while most files spend their time waiting on a database.
    maxWorkers: 2,
    projects: ['packages/domain', 'apps/api', 'deploy'],
  },
});
