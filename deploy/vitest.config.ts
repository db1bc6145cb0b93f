import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'deploy',
    include: ['test/**/*.test.ts'],
    // `kubectl kustomize` renders each overlay in a few seconds on a busy machine.
    testTimeout: 60_000,
  },
});
