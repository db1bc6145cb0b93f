// `npm run test:web`: the browser tests need the system's Chromium (Debian's `chromium`
// package; Playwright never downloads a browser here). Where it is missing, a developer's
// `npm test` says so and passes over them; CI, which installs it, fails instead.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const message = `Browser tests need Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH).`;
  if (process.env.CI) {
    console.error(message);
    process.exit(1);
  }
  console.warn(`\n⚠ ${message} They were not run.\n`);
  process.exit(0);
}
const config = fileURLToPath(new URL('../playwright.config.ts', import.meta.url));
const result = spawnSync('npx', ['playwright', 'test', '-c', config, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
