// bench/web: the Calculator's first load and the time to a rendered home page.
//
//   npm run bench:web
//
// 1. Builds the web apps and sums the JavaScript and CSS the Calculator entry loads before its
//    first render (raw, gzip -9 and brotli, as served). Target: ≤ 300 kB gzipped JavaScript.
// 2. Starts the server on the embedded default with the demo institution, signs the demo
//    principal in with headless Chromium, then reloads the home page several times and times
//    each reload to the module cards on screen. The floor, in the same run and browser, is the
//    same page's API calls made back to back without any app code: the ratio says what the
//    app adds on top of the data it needs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { repoRoot, startProcess, stop, urlPrintedBy } from '../support/processes.js';
import { firstLoadAssets } from './first-load.js';

const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 7);
const TARGET_GZIP_JS = 300 * 1024;
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const scratch = mkdtempSync(path.join(tmpdir(), 'co2-bench-web-'));
const distDir = path.join(scratch, 'web');
await build({
  configFile: path.join(repoRoot, 'apps/web/vite.config.ts'),
  logLevel: 'warn',
  build: { outDir: distDir, emptyOutDir: true },
});

const assets = firstLoadAssets(distDir);
const sum = (kind: 'js' | 'css', key: 'bytes' | 'gzip' | 'brotli') =>
  assets.filter((a) => a.kind === kind).reduce((total, a) => total + a[key], 0);
console.log('\nCalculator first load (before the first render):');
for (const asset of assets) {
  console.log(
    `  ${asset.file.padEnd(40)} ${kB(asset.bytes).padStart(10)}  gzip ${kB(asset.gzip).padStart(9)}  br ${kB(asset.brotli).padStart(9)}`,
  );
}
const gzipJs = sum('js', 'gzip');
console.log(
  `  JavaScript: ${kB(sum('js', 'bytes'))}, gzip ${kB(gzipJs)}, brotli ${kB(sum('js', 'brotli'))}`,
);
console.log(
  `  CSS:        ${kB(sum('css', 'bytes'))}, gzip ${kB(sum('css', 'gzip'))}, brotli ${kB(sum('css', 'brotli'))}`,
);
console.log(
  `  gzipped JavaScript ÷ 300 kB target: ${(gzipJs / TARGET_GZIP_JS).toFixed(2)} (≤ 1 meets it)`,
);

const server = startProcess('apps/api/src/cli.ts', ['serve'], {
  DATA_DIR: path.join(scratch, 'data'),
  WEB_DIST_DIR: distDir,
  PORT: '0',
  LOG_LEVEL: 'warn',
  NODE_ENV: 'development',
  DEMO_SEED: 'auto',
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const baseUrl = await urlPrintedBy(server, 'running at');
  const page = await browser.newPage();
  await page.goto(`${baseUrl}/en`);
  await page.getByLabel('E-mail').fill('pi.l01@demo.example');
  await page.getByLabel('Password').fill('demo-password-2025');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const cards = page.locator('[data-testid^="module-card-"]').first();
  await cards.waitFor();
  const home = page.url();

  const rendered: number[] = [];
  const floor: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    await page.goto(home);
    await cards.waitFor();
    rendered.push(performance.now() - started);
    // The data the page needs, fetched back to back from a blank page of the same origin.
    await page.goto(`${baseUrl}/favicon.svg`);
    floor.push(
      await page.evaluate(async (url) => {
        const started = performance.now();
        const unitId = url.split('/units/')[1]!.split('/')[0]!;
        const year = url.split('/units/')[1]!.split('/')[1]!;
        const refresh = await fetch('/api/v1/auth/refresh', {
          method: 'POST',
          credentials: 'include',
        });
        const { accessToken } = (await refresh.json()) as { accessToken: string };
        const headers = { authorization: `Bearer ${accessToken}` };
        await fetch('/api/v1/session', { headers });
        await Promise.all([
          fetch('/api/v1/units?level=4&active=true&pageSize=1000&sort=code', { headers }),
          fetch('/api/v1/years', { headers }),
        ]);
        await Promise.all([
          fetch(`/api/v1/units/${unitId}`, { headers }),
          fetch(`/api/v1/years/${year}`, { headers }),
        ]);
        await fetch(`/api/v1/units/${unitId}/years/${year}/report`, { headers });
        return performance.now() - started;
      }, home),
    );
  }
  console.log(
    `\nTime to a rendered home page (demo principal, after a reload, median of ${RUNS}):`,
  );
  console.log(
    `  rendered: ${median(rendered).toFixed(0)} ms; its API calls alone: ${median(floor).toFixed(0)} ms`,
  );
  console.log(
    `  API floor ÷ rendered: ${(median(floor) / median(rendered)).toFixed(2)} (1 = the app adds nothing)`,
  );
} finally {
  await browser.close();
  await stop(server);
  rmSync(scratch, { recursive: true, force: true });
}
