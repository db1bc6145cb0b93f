/// <reference types="node" />
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BEGIN, contentOf, END, generatedFormatsSection } from './formats-doc.js';

/**
 * docs/csv-formats.md shows every format's columns and rules as the code defines them. After
 * changing a format, regenerate its section and format it:
 *   UPDATE_CSV_DOC=1 npx vitest run packages/domain/test/csv/docs.test.ts
 *   npx prettier --write docs/csv-formats.md
 */
const path = fileURLToPath(new URL('../../../../docs/csv-formats.md', import.meta.url));

function sections(text: string) {
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`docs/csv-formats.md lacks ${BEGIN} … ${END}`);
  return {
    before: text.slice(0, begin + BEGIN.length),
    generated: text.slice(begin + BEGIN.length, end),
    after: text.slice(end),
  };
}

describe('docs/csv-formats.md', () => {
  it('shows every format with its columns and rules, as the code defines them', () => {
    const text = readFileSync(path, 'utf8');
    const { before, generated, after } = sections(text);
    if (process.env.UPDATE_CSV_DOC) {
      writeFileSync(path, `${before}\n\n${generatedFormatsSection()}\n\n${after}`);
      return;
    }
    expect(contentOf(generated)).toEqual(contentOf(generatedFormatsSection()));
  });
});
