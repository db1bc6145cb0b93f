import { columnRule, csvFormats, type CsvFormat } from '../../src/index.js';

/**
 * The generated part of docs/csv-formats.md: one section per format with its columns. The
 * docs test compares the document's tables with this, cell by cell, so Prettier may align them.
 */
export const BEGIN =
  '<!-- formats:begin (generated; see packages/domain/test/csv/docs.test.ts) -->';
export const END = '<!-- formats:end -->';

const escape = (text: string) => text.replaceAll('|', '\\|');

function formatSection(format: CsvFormat): string {
  // A factor set says which sub-modules read it; module data is its own sub-module.
  const used =
    format.target === 'factors'
      ? ` Read by: ${format.subModules.map((id) => `\`${id}\``).join(', ') || 'results'}.`
      : '';
  return [
    `### \`${format.name}\``,
    '',
    `${format.title}.${used}`,
    '',
    '| column | rule | description |',
    '| --- | --- | --- |',
    ...format.columns.map(
      (column) =>
        `| \`${column.name}\` | ${escape(columnRule(column))} | ${escape(column.description)} |`,
    ),
  ].join('\n');
}

/** The markdown between the markers, as generated from the code. */
export function generatedFormatsSection(): string {
  return csvFormats().map(formatSection).join('\n\n');
}

/** Headings, sentences and table cells of a generated section, whatever its table padding. */
export function contentOf(markdown: string): string[] {
  return markdown
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^\|[\s|:-]+\|$/.test(line))
    .map((line) =>
      line.startsWith('|')
        ? line
            .slice(1, -1)
            .split(/(?<!\\)\|/)
            .map((cell) => cell.trim())
            .join(' | ')
        : line,
    );
}
