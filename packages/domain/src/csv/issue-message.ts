import type { z } from 'zod';
import { quoted } from './cells.js';
import type { CsvCellValue } from './column.js';

function got(value: CsvCellValue | undefined): string {
  if (value === undefined) return '';
  return ` (got ${typeof value === 'string' ? quoted(value) : String(value)})`;
}

function tooSmall(issue: z.core.$ZodIssueTooSmall, value: CsvCellValue | undefined) {
  const minimum = Number(issue.minimum);
  if (issue.origin === 'string') {
    return minimum <= 1 ? 'must not be empty' : `must be at least ${minimum} characters`;
  }
  return `must be ${issue.inclusive ? 'at least' : 'above'} ${minimum}${got(value)}`;
}

function tooBig(issue: z.core.$ZodIssueTooBig, value: CsvCellValue | undefined) {
  const maximum = Number(issue.maximum);
  if (issue.origin === 'string') {
    const length = typeof value === 'string' ? `, got ${value.length}` : '';
    return `must be at most ${maximum} characters${length}`;
  }
  return `must be ${issue.inclusive ? 'at most' : 'below'} ${maximum}${got(value)}`;
}

/** Zod's own wording ("Invalid string: …") is for developers; a rule's message is for users. */
function isOwnMessage(message: string) {
  return !/^(Invalid|Expected|Too)\b/.test(message);
}

/**
 * A schema issue of one cell in words a spreadsheet user acts on: what the cell must be and
 * what it holds. `value` is the cell's typed value, undefined when the cell is empty.
 */
export function issueMessage(issue: z.core.$ZodIssue, value: CsvCellValue | undefined): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'is required';
      if (issue.expected === 'int') return `must be a whole number${got(value)}`;
      return `must be a ${issue.expected}${got(value)}`;
    case 'too_small':
      return tooSmall(issue, value);
    case 'too_big':
      return tooBig(issue, value);
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}${got(value)}`;
    case 'invalid_format':
      if (issue.format === 'date') return `must be a date written YYYY-MM-DD${got(value)}`;
      if (issue.format === 'email') return `must be an e-mail address${got(value)}`;
      return isOwnMessage(issue.message)
        ? `${issue.message}${got(value)}`
        : `has not the expected form${got(value)}`;
    default:
      return issue.message;
  }
}
