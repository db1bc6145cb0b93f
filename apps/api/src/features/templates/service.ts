import { columnRule, csvFormat, csvFormats, templateCsv } from '@co2-calculator/domain';
import { notFound } from '../../platform/http/problem.js';
import type { CsvTemplate } from './contract.js';

/** Where the template of a format is downloaded. */
export const templateHref = (name: string) => `/api/v1/templates/${name}.csv`;

let list: { items: CsvTemplate[] } | undefined;

/** Every format with its columns, for the web apps' import screens; the same for everyone. */
export function templateList(): { items: CsvTemplate[] } {
  list ??= {
    items: csvFormats().map((format) => ({
      name: format.name,
      target: format.target,
      title: format.title,
      module: format.module,
      subModule: format.subModule,
      entryType: format.entryType,
      factorSet: format.factorSet,
      subModules: [...format.subModules],
      href: templateHref(format.name),
      columns: format.columns.map((column) => ({
        ...column,
        values: column.values && [...column.values],
        rule: columnRule(column),
      })),
    })),
  };
  return list;
}

const texts = new Map<string, string>();

/** The template text of a format, built on first request; 404 for an unknown name. */
export function templateText(name: string): string {
  let text = texts.get(name);
  if (text === undefined) {
    const format = csvFormat(name);
    if (!format)
      throw notFound(`No CSV template is named ${name}; GET /api/v1/templates lists them.`);
    text = templateCsv(format);
    texts.set(name, text);
  }
  return text;
}
