import { describe, expect, it } from 'vitest';
import {
  cellText,
  csvField,
  detectDelimiter,
  parseBooleanCell,
  parseNumberCell,
} from '../../src/index.js';

describe('number cells', () => {
  it.each([
    ['12', 12],
    ['-3.5', -3.5],
    ['3,5', 3.5],
    [' 0,125 ', 0.125],
    ['.5', 0.5],
    [',5', 0.5],
    ['+7', 7],
    ['1E+06', 1_000_000],
    ['2.5e-3', 0.0025],
    // A lone comma is a decimal comma, never a thousands separator.
    ['1,234', 1.234],
  ])('%j is %d', (text, value) => {
    expect(parseNumberCell(text)).toBe(value);
  });

  it.each([
    '',
    'abc',
    'NaN',
    'Infinity',
    '-Infinity',
    '1e999',
    '1 234',
    '1.234,5',
    '1,234.5',
    '12%',
    '1.',
    '0x10',
    '1,2,3',
  ])('%j is not a number', (text) => {
    expect(parseNumberCell(text)).toBeUndefined();
  });
});

describe('yes/no cells', () => {
  it.each([
    ['true', true],
    ['FALSE', false],
    ['Yes', true],
    ['no', false],
    ['1', true],
    ['0', false],
    ['oui', true],
    ['Non', false],
    ['VRAI', true],
    ['faux', false],
  ])('%j is %s', (text, value) => {
    expect(parseBooleanCell(text)).toBe(value);
  });

  it('anything else is not a yes/no', () => {
    expect(parseBooleanCell('maybe')).toBeUndefined();
    expect(parseBooleanCell('2')).toBeUndefined();
  });
});

describe('writing cells', () => {
  it('writes numbers with a decimal point and booleans as yes/no', () => {
    expect(cellText(0.1)).toBe('0.1');
    expect(cellText(1e21)).toBe('1e+21');
    expect(cellText(true)).toBe('yes');
    expect(cellText(undefined)).toBe('');
  });

  it.each([
    ['plain', 'plain'],
    ['Room #3', 'Room #3'],
    ['a,b', '"a,b"'],
    ['a;b', '"a;b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rlf', '"cr\rlf"'],
    [' padded', '" padded"'],
    ['padded ', '"padded "'],
    ['#first', '"#first"'],
    ['=SUM(A1)', '=SUM(A1)'],
  ])('quotes %j as %j', (text, field) => {
    expect(csvField(text)).toBe(field);
  });
});

describe('detectDelimiter', () => {
  it('reads the header line, after the BOM and the comments', () => {
    expect(detectDelimiter('\uFEFF# a, b, c\r\n# x\r\norigin;destination;date\r\n')).toBe(';');
    expect(detectDelimiter('origin,destination\n"a;b";c')).toBe(',');
    expect(detectDelimiter('# only; comments;\n\nname,"x;y;z"\n')).toBe(',');
    expect(detectDelimiter('totalFte\n12,5\n')).toBe(',');
  });
});
