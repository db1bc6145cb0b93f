import { z } from 'zod';

/** What a cell holds once read: the CSV text converted before the row schema validates it. */
export type CsvCellType = 'text' | 'number' | 'integer' | 'boolean' | 'date';

/** A typed cell value: what a column's cell converts to, and what the writer writes. */
export type CsvCellValue = string | number | boolean;

/**
 * One column of a CSV format, as the header names it. Derived from the row's Zod schema
 * (`columnsOf`), so the rules a template shows are the rules the importer applies.
 */
export interface CsvColumn {
  /** The header cell, camelCase like the field it fills. */
  name: string;
  type: CsvCellType;
  /** A row must give a value (an empty cell is no value). */
  required: boolean;
  description: string;
  /** The only values allowed (matched ignoring case). */
  values?: readonly string[];
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  /** Regular expression the text must match (the description says it in words). */
  pattern?: string;
  /** What an empty cell means. */
  default?: CsvCellValue;
}

interface JsonProperty {
  type?: string;
  format?: string;
  enum?: unknown[];
  description?: string;
  default?: unknown;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

function cellTypeOf(name: string, property: JsonProperty): CsvCellType {
  if (property.enum) return 'text';
  switch (property.type) {
    case 'string':
      return property.format === 'date' ? 'date' : 'text';
    case 'number':
    case 'integer':
    case 'boolean':
      return property.type;
    default:
      // A nested object, array or union has no one-cell form: the format must be redesigned.
      throw new Error(`column ${name} has no CSV cell type (${JSON.stringify(property)})`);
  }
}

function isCellValue(value: unknown): value is CsvCellValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * The columns of a flat object schema, in its key order: type, required or optional (as an
 * input: a field with a default is optional), bounds, allowed values and description, read
 * from the schema's JSON Schema. Refinements are not representable there; their messages
 * reach the user through the decoder instead.
 */
export function columnsOf(schema: z.ZodType): CsvColumn[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, JsonProperty>;
    required?: string[];
  };
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const column: CsvColumn = {
      name,
      type: cellTypeOf(name, property),
      required: required.has(name),
      description: property.description ?? '',
    };
    if (property.enum) column.values = property.enum.map(String);
    for (const key of [
      'minimum',
      'exclusiveMinimum',
      'maximum',
      'exclusiveMaximum',
      'minLength',
      'maxLength',
    ] as const) {
      if (property[key] !== undefined) column[key] = property[key];
    }
    // A date's pattern is its calendar spelled as a regex: the type says it better.
    if (property.pattern !== undefined && column.type !== 'date') column.pattern = property.pattern;
    if (isCellValue(property.default)) column.default = property.default;
    return column;
  });
}
