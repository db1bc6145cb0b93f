import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { Marked } from 'marked';
import { sendProblem } from '../http/send-problem.js';

/** The repository's `docs/` folder, beside `apps/` in the source tree and in the image. */
export const DOCS_DIR = fileURLToPath(new URL('../../../../../docs', import.meta.url));

const STYLE = `
  body { font: 16px/1.6 system-ui, sans-serif; max-width: 52rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; color: #1b1f23; }
  header { border-bottom: 1px solid #d0d7de; margin-bottom: 1.5rem; padding-bottom: .5rem; }
  header a { margin-right: 1rem; }
  a { color: #0b5394; }
  code, pre { font: 14px/1.5 ui-monospace, monospace; background: #f3f4f6; }
  code { padding: .1em .3em; border-radius: 3px; }
  pre { padding: .8rem 1rem; overflow-x: auto; border-radius: 6px; }
  pre code { padding: 0; }
  table { border-collapse: collapse; margin: 1rem 0; display: block; overflow-x: auto; }
  th, td { border: 1px solid #d0d7de; padding: .35rem .6rem; text-align: left; vertical-align: top; }
`;

function escapeHtml(text: string) {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!,
  );
}

interface Page {
  file: string;
  /** The folder its relative links start from. */
  base: string;
}

/**
 * Every Markdown page under docs/, by its URL: `adr/0002-…` for `docs/adr/0002-….md`, and a
 * folder's README.md for the folder itself (`methodology` for `docs/methodology/README.md`).
 */
function collectPages(dir: string, prefix = ''): Map<string, Page> {
  const pages = new Map<string, Page>();
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) {
      for (const [url, page] of collectPages(file, `${prefix}${name}/`)) pages.set(url, page);
    } else if (name.endsWith('.md')) {
      const slug =
        name === 'README.md' ? prefix.replace(/\/$/, '') : `${prefix}${name.slice(0, -3)}`;
      pages.set(slug, { file, base: `/docs/${prefix}` });
    }
  }
  return pages;
}

/** GitHub-style heading anchors, so `problems#validation-error` lands on its section. */
export function anchorOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}

/**
 * The public documentation at `/docs`: the Markdown of `docs/` rendered to HTML (methodology,
 * CSV formats, problem types, decisions), linked to the API reference. Pages are found once at
 * start-up, so only files that exist can be asked for, never a path a request makes up.
 */
export async function registerDocsSite(app: FastifyInstance, dir = DOCS_DIR) {
  let pages: Map<string, Page>;
  try {
    pages = collectPages(dir);
  } catch {
    app.log.warn({ dir }, 'documentation folder not found: /docs is not served');
    return;
  }
  const marked = new Marked({ gfm: true });
  // Links between pages are written as relative `.md` files; on the site they lose the suffix.
  marked.use({
    walkTokens(token) {
      if (token.type === 'link' && !/^[a-z]+:/i.test(token.href)) {
        token.href = token.href.replace(/(^|\/)README\.md(#|$)/, '$1$2').replace(/\.md(#|$)/, '$1');
      }
    },
  });
  marked.use({
    renderer: {
      heading({ tokens, depth, text }) {
        return `<h${depth} id="${anchorOf(text)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
    },
  });
  const rendered = new Map<string, string>();

  function render(slug: string): string {
    let html = rendered.get(slug);
    if (html) return html;
    const page = pages.get(slug)!;
    const markdown = readFileSync(page.file, 'utf8');
    const title = markdown.match(/^#\s+(.+)$/m)?.[1] ?? 'Documentation';
    html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · CO₂ Calculator</title><base href="${page.base}">
<style>${STYLE}</style></head><body>
<header><a href="/docs/">Documentation</a><a href="/docs/methodology/">Methodology</a><a href="/api/docs">API reference</a><a href="/">Calculator</a></header>
<main>${marked.parse(markdown) as string}</main></body></html>`;
    rendered.set(slug, html);
    return html;
  }

  app.get('/docs', { schema: { hide: true } }, async (_request, reply) =>
    reply.redirect('/docs/', 301),
  );
  app.get('/docs/*', { schema: { hide: true } }, async (request, reply) => {
    const slug = ((request.params as { '*': string })['*'] ?? '')
      .replace(/\/$/, '')
      .replace(/\.md$/, '');
    if (!pages.has(slug)) {
      return sendProblem(request, reply, {
        status: 404,
        detail: `No documentation page at /docs/${slug}.`,
      });
    }
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(render(slug));
  });
}
