// What the Calculator entry makes the browser download before it can render: the entry
// script, its module preloads and its style sheets, as the built index.html names them.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

export interface Asset {
  file: string;
  kind: 'js' | 'css';
  bytes: number;
  gzip: number;
  brotli: number;
}

export function firstLoadAssets(distDir: string, page = 'index.html'): Asset[] {
  const html = readFileSync(path.join(distDir, page), 'utf8');
  const urls = new Set<string>();
  for (const match of html.matchAll(/<script[^>]+src="([^"]+)"/g)) urls.add(match[1]!);
  for (const match of html.matchAll(/<link[^>]+rel="(?:modulepreload|stylesheet)"[^>]*>/g)) {
    const href = /href="([^"]+)"/.exec(match[0]);
    if (href) urls.add(href[1]!);
  }
  return [...urls].map((url) => {
    const file = path.join(distDir, url);
    const content = readFileSync(file);
    return {
      file: url,
      kind: url.endsWith('.css') ? 'css' : 'js',
      bytes: statSync(file).size,
      gzip: gzipSync(content, { level: 9 }).length,
      brotli: brotliCompressSync(content).length,
    };
  });
}
