export * from './column.js';
export { columnRule, columnRuleLine } from './column-rule.js';
export { cellText, parseBooleanCell, parseNumberCell } from './cells.js';
export * from './format.js';
export * from './module-formats.js';
export { MODULE_ROW_EXAMPLES, SUB_MODULE_ROW_EXAMPLES } from './module-examples.js';
export { FACTOR_SET_SPECS, type FactorSetSpec } from './factor-set-specs.js';
export * from './factor-formats.js';
export * from './registry-formats.js';
export * from './reference-formats.js';
export * from './catalogue.js';
export {
  checkHeader,
  type CsvReadOptions,
  type HeaderCheck,
  normaliseHeaderCell,
} from './header.js';
export { type CsvRecord, decodeRow, type DecodeResult } from './decode.js';
export { csvRowOf, templateCsv } from './template.js';
export { CSV_LINE_BREAK, csvField, csvRecord, UTF8_BOM } from './write.js';
export { CSV_PARSE_OPTIONS, type CsvDelimiter, detectDelimiter } from './read-options.js';
export { dateFieldsOf, dateOutsideYear } from './dates-in-year.js';
