import { defineProject } from 'vitest/config';

export default defineProject({
  // Workspace packages are consumed from their TypeScript sources (the `source` export
  // condition), so tests never run against a stale build.
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    name: 'api',
    include: ['test/**/*.test.ts'],
    // Each file opens its own database (a PGlite instance or a fresh server database).
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
