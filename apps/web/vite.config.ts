// One Vite build for the three web apps: each HTML entry below becomes its own page in dist/,
// and the API server falls back to that page for any unknown path under its base.
import { fileURLToPath } from 'node:url';
import { quasar } from '@quasar/vite-plugin';
import vue from '@vitejs/plugin-vue';
import { defineConfig, type Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';

const fromHere = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** ECharts and the one module that registers its parts (src/calculator/results/charts). */
const CHARTS =
  /[\\/]node_modules[\\/](echarts|zrender|vue-echarts)[\\/]|[\\/]charts[\\/]echarts\.ts$/;

// Apps served under a sub-path; the Calculator at '/' gets Vite's own fallback.
const SUB_APP_BASES = ['/team-manager/', '/it-manager/'];

// In dev, mirror the API server's history fallback so that a deep link such as
// /team-manager/some/page opens the Team manager instead of Vite's default (the root page).
function subAppHistoryFallback(): Plugin {
  return {
    name: 'co2:sub-app-history-fallback',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        const wantsHtml = req.headers.accept?.includes('text/html') ?? false;
        const base = SUB_APP_BASES.find((candidate) => path.startsWith(candidate));
        const looksLikeFile = /\.[^/]+$/.test(path);
        if (req.method === 'GET' && wantsHtml && base !== undefined && !looksLikeFile) {
          req.url = `${base}index.html`;
        }
        next();
      });
    },
  };
}

export default defineConfig({
  root: fromHere('.'),
  base: '/',
  // The domain package is consumed from its TypeScript sources, as by the API's tests.
  resolve: { conditions: ['source'] },
  plugins: [
    vue(),
    // Quasar must come after Vue. No sass is installed, so the prebuilt quasar.css is imported
    // instead of Quasar's Sass variables.
    quasar({ sassVariables: false }),
    subAppHistoryFallback(),
    // Brotli and gzip copies beside each asset: the API serves them as they are
    // (@fastify/static `preCompressed`), so no request pays for compression.
    compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 }),
  ],
  build: {
    outDir: 'dist',
    // The `shared` chunk (Vue, Quasar, vue-i18n…) is one file on purpose; bench/web keeps the
    // whole first load under its budget instead.
    chunkSizeWarningLimit: 600,
    emptyOutDir: true,
    // Vite 8 bundles with Rolldown; `rollupOptions` is only a deprecated alias.
    rolldownOptions: {
      input: {
        calculator: fromHere('index.html'),
        'team-manager': fromHere('team-manager/index.html'),
        'it-manager': fromHere('it-manager/index.html'),
      },
      output: {
        // Code used by several apps (Vue, Quasar, src/shared) goes into one chunk named `shared`,
        // rather than chunks named after whichever shared module the bundler meets first.
        // ECharts is the exception: only lazy pages draw charts (the Calculator's results, the
        // Back office's reporting), so it stays out of `shared` and every app's first load, in
        // a chunk of its own that those pages load. The registration module too: it imports it.
        codeSplitting: {
          groups: [{ name: 'shared', minShareCount: 2, test: (id) => !CHARTS.test(id) }],
        },
      },
    },
  },
});
